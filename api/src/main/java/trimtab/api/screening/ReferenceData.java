package trimtab.api.screening;

import jakarta.inject.Singleton;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The book's reference data as of a date (securities priced on it, the VIX, models, the firm's restricted list),
 * kept in memory between requests: read from MariaDB per request it cost six statements and the building of the
 * whole security master, for data that changes a few times a day.
 *
 * <p>Never stale: every change to those tables bumps {@code reference_data_version} in the writing transaction
 * (database triggers, migration V8, so no write path can forget, on any instance). A request reads that version in
 * its own read transaction before anything else, and the rest of that transaction sees the same consistent
 * snapshot (InnoDB's repeatable read): when the version equals the one kept, the tables it would read hold exactly
 * what is kept; otherwise it reads them in that transaction and keeps them under that version. So a decision uses
 * reference data from the same snapshot as its households, as before, and a committed change is used by the next
 * request that starts after it. Invalidating from the book-write path instead would miss writes made by another
 * instance or by SQL outside the service, and a time-to-live would use stale prices for a while by design.
 */
@Singleton
final class ReferenceData {
    /** Dates kept at once; order systems screen on today, now and then on another date. */
    private static final int MAX_DATES = 8;

    private final BookSnapshots snapshots;
    private final Map<LocalDate, Kept> kept = new ConcurrentHashMap<>();

    ReferenceData(BookSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Reference data of one version and date, as an empty snapshot to which the households are added. */
    private record Kept(long version, BookSnapshot reference) {
    }

    /**
     * The snapshot as of {@code asOf} holding the selected households, read on the caller's connection inside its
     * read transaction.
     *
     * @param version the reference-data version this transaction sees; read before anything else in it
     */
    BookSnapshot snapshot(Connection connection, long version, LocalDate asOf, HouseholdSelection selection) throws SQLException {
        Kept current = kept.get(asOf);
        if (current == null || current.version() != version) {
            // throws MissingMarketDataException without a VIX, as a full snapshot read does
            current = new Kept(version, snapshots.load(connection, asOf, HouseholdSelection.households(List.of())));
            if (kept.size() >= MAX_DATES && !kept.containsKey(asOf)) {
                kept.clear();
            }
            // two requests that read different versions may race here: a request only ever uses an entry whose
            // version equals the one its own transaction saw, so the loser merely reads again next time
            kept.put(asOf, current);
        }
        BookSnapshot reference = current.reference();
        List<Household> households = snapshots.households(connection, asOf, selection);
        return new BookSnapshot(reference.market(), reference.securities(), List.copyOf(reference.models()), households,
                List.copyOf(reference.firmRestrictions()));
    }
}
