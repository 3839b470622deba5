package trimtab.api.screening;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The book as of a date kept in memory between screening requests: its reference data (securities priced on the
 * date, the VIX, models, the firm's restricted list) and the households screened so far. Read from MariaDB per
 * request, they cost fourteen statements, the building of the security master and of each household's records,
 * for data that changes a few times a day while orders are screened all day.
 *
 * <p>Never stale: every change to those tables bumps a version row in the writing transaction (database triggers:
 * {@code reference_data_version}, migration V8, and {@code household_data_version}, V9, so no write path can forget,
 * on any instance, nor plain SQL). What is kept is kept under the versions it was read with, and each snapshot
 * handed out names them. A request whose accounts are all kept is screened on it with no read at all, and the
 * transaction that records its decisions reads the versions first ({@link ScreeningStore#recordNew}): the same
 * numbers mean no change committed between the reading of what is kept and that moment, which is after the request
 * arrived, so the decisions saw every change committed before it; other numbers mean nothing is written and the
 * request is screened again, read afresh. A request with accounts not kept reads them in a read transaction whose
 * first statement reads the versions: the rest of that transaction sees the same snapshot (InnoDB's repeatable
 * read), so what it reads is kept under those versions. Invalidating from the book-write path instead would miss
 * writes made by another instance or by SQL, and a time-to-live would use stale cash and holdings for a while by
 * design.
 *
 * <p>What grows: one entry per date screened (at most {@value #MAX_DATES}) and, per date, the households screened and
 * the unknown account ids asked about, at most {@code trimtab.screening.kept-households} of them together (default
 * 20,000; a household is about 15 KB for the synthetic firm's 25 lots, plus its own snapshot and pre-trade state
 * once an order of it came alone): past that the date's entries are dropped and read again as needed.
 */
@Singleton
final class KeptBook {
    /** Dates kept at once; order systems screen on today, now and then on another date. */
    private static final int MAX_DATES = 8;

    private final BookSnapshots snapshots;
    private final int maxHouseholds;
    private final Map<LocalDate, Kept> kept = new ConcurrentHashMap<>();

    KeptBook(BookSnapshots snapshots, @Value("${trimtab.screening.kept-households:20000}") int maxHouseholds) {
        this.snapshots = snapshots;
        this.maxHouseholds = maxHouseholds;
    }

    /**
     * A request's snapshot, with the fingerprint of each of its households (worked out once per household kept), and
     * the versions of the book it holds.
     */
    record Snapshot(BookSnapshot book, Map<HouseholdId, String> fingerprints, Versions versions) {
    }

    /** The two versions one statement saw. */
    record Versions(long referenceData, long households) {
        /** Both only ever grow (the triggers add one), so one snapshot's pair is never ahead in one and behind in the other. */
        boolean after(Versions other) {
            return !equals(other) && referenceData >= other.referenceData && households >= other.households;
        }
    }

    /**
     * One date's book under one pair of versions: the reference data as an empty snapshot, and for each account
     * looked up the household owning it, or none (an unknown account is kept as such too: its orders are blocked,
     * and asking again would not change that while the version holds).
     */
    private static final class Kept {
        private final Versions versions;
        private final BookSnapshot reference;
        private final Map<String, Optional<Household>> byAccount = new ConcurrentHashMap<>();
        private final Map<HouseholdId, String> fingerprints = new ConcurrentHashMap<>();
        private final Map<HouseholdId, Snapshot> singles = new ConcurrentHashMap<>();
        /** Households and unknown account ids kept. */
        private int entries;

        Kept(Versions versions, BookSnapshot reference) {
            this.versions = versions;
            this.reference = reference;
        }

        /** The households owning these accounts, or null when one of the accounts is not kept. */
        List<Household> households(List<String> accounts) {
            Map<HouseholdId, Household> found = new LinkedHashMap<>();
            for (String account : accounts) {
                Optional<Household> household = byAccount.get(account);
                if (household == null) {
                    return null;
                }
                household.ifPresent(h -> found.putIfAbsent(h.id(), h));
            }
            return List.copyOf(found.values());
        }

        /**
         * Keeps the households read for these accounts, and each account no household owns. Both count towards the
         * limit: an order system sending unknown (or differently spelt) account ids all day must not grow the heap
         * all day. (A household can be read again while kept, when a request spelt one of its accounts otherwise
         * than the book: it is kept again, and counted again, which only brings the next clearing closer.)
         */
        synchronized void keep(List<String> accounts, List<Household> read, int max) {
            if (entries + read.size() + accounts.size() > max) {
                byAccount.clear();
                fingerprints.clear();
                singles.clear();
                entries = 0;
            }
            for (Household household : read) {
                fingerprints.put(household.id(), HouseholdState.fingerprint(household));
                for (Account account : household.accounts()) {
                    byAccount.put(account.id().value(), Optional.of(household));
                }
            }
            entries += read.size();
            for (String account : accounts) {
                if (byAccount.putIfAbsent(account, Optional.empty()) == null) {
                    entries++;
                }
            }
        }

        /**
         * A snapshot of these households on the kept reference data. One household's (every single-order request)
         * is made once and kept: the screener works out the household's pre-trade state once per snapshot, so
         * screening the next order of that household on the same snapshot starts from it.
         */
        Snapshot snapshot(List<Household> households) {
            if (households.size() == 1) {
                Household only = households.get(0);
                Snapshot single = singles.get(only.id());
                if (single != null && single.book().households().get(0) == only) {
                    return single;
                }
                String fingerprint = fingerprints.get(only.id());
                single = new Snapshot(reference.withHouseholds(households),
                        Map.of(only.id(), fingerprint != null ? fingerprint : HouseholdState.fingerprint(only)), versions);
                if (fingerprint != null) {
                    singles.put(only.id(), single);
                }
                return single;
            }
            Map<HouseholdId, String> theirs = new LinkedHashMap<>();
            for (Household household : households) {
                String fingerprint = fingerprints.get(household.id());
                theirs.put(household.id(), fingerprint != null ? fingerprint : HouseholdState.fingerprint(household));
            }
            return new Snapshot(reference.withHouseholds(households), theirs, versions);
        }
    }

    /**
     * The snapshot holding the households of these accounts, from memory alone, if what is kept for {@code asOf}
     * holds every one of them. It is as fresh as its versions: the caller checks them where it writes.
     */
    Optional<Snapshot> kept(LocalDate asOf, List<String> accounts) {
        Kept current = kept.get(asOf);
        if (current == null) {
            return Optional.empty();
        }
        List<Household> households = current.households(accounts);
        return households == null ? Optional.empty() : Optional.of(current.snapshot(households));
    }

    /**
     * The snapshot holding the households of these accounts, read on the caller's connection inside its read
     * transaction (only what is not kept under these versions), and kept.
     *
     * @param versions the versions this transaction sees, read before anything else in it
     */
    Snapshot read(Connection connection, Versions versions, LocalDate asOf, List<String> accounts) throws SQLException {
        Kept current = kept.get(asOf);
        if (current == null || !current.versions.equals(versions)) {
            BookSnapshot reference = current != null && current.versions.referenceData() == versions.referenceData()
                    ? current.reference
                    // throws MissingMarketDataException without a VIX, as a full snapshot read does
                    : snapshots.load(connection, asOf, HouseholdSelection.households(List.of()));
            Kept fresh = new Kept(versions, reference);
            if (kept.size() >= MAX_DATES && !kept.containsKey(asOf)) {
                kept.clear();
            }
            // two requests that read different versions may race here: the newer entry stays, so the kept book never
            // goes back to an older state (every request screened on it would be screened again); this request uses
            // the entry of its own transaction's versions either way
            kept.merge(asOf, fresh, (old, ignored) -> old.versions.after(versions) ? old : fresh);
            current = fresh;
        }
        List<String> missing = new ArrayList<>();
        for (String account : accounts) {
            if (!current.byAccount.containsKey(account)) {
                missing.add(account);
            }
        }
        if (!missing.isEmpty()) {
            current.keep(missing, snapshots.households(connection, asOf, HouseholdSelection.owningAccounts(missing)), maxHouseholds);
        }
        List<Household> households = current.households(accounts);
        if (households == null) {
            // dropped between keeping and here (the kept set overflowed): read them all for this request alone
            households = snapshots.households(connection, asOf, HouseholdSelection.owningAccounts(accounts));
        }
        return current.snapshot(households);
    }
}
