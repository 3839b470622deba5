package trimtab.api.demo;

import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.Hashes;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.web.Actor;
import trimtab.engine.book.Household;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.rules.ShippedRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a {@link SyntheticFirm} into the service's database for a benchmark or a large demo: the reference data,
 * the firm's restricted list and VIX first, then the households in slices of {@code batch}, each written with {@link BookWriter}'s multi-row upserts
 * in a transaction of its own while the next slice is generated on another thread (at most two slices in memory, so
 * that a firm of any size loads in a bounded heap). The households are the ones {@link SyntheticFirm#generate} gives for the same
 * seed, size and date (each is drawn from its own stream). An IMPORT audit entry records what was loaded.
 */
public final class SyntheticFirmLoader {
    /** Households per transaction: large enough that round trips do not matter, small enough to keep commits short. */
    public static final int DEFAULT_BATCH = 500;

    private final Transactions transactions;
    private final BookWriter writer;
    private final AuditTrail audit;

    public SyntheticFirmLoader(Transactions transactions, BookWriter writer, AuditTrail audit) {
        this.transactions = transactions;
        this.writer = writer;
        this.audit = audit;
    }

    /** What was loaded, and how long generating and writing took (milliseconds, summed over the slices; they overlap). */
    public record Loaded(int households, int accounts, int lots, long generateMillis, long writeMillis, long totalMillis) {
    }

    private static List<Household> slice(HouseholdGenerator generator, int from, int to, AtomicLong generating) {
        long start = System.nanoTime();
        List<Household> slice = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            slice.add(generator.generate(i));
        }
        generating.addAndGet(System.nanoTime() - start);
        return slice;
    }

    public Loaded load(long seed, int households, LocalDate asOf, int batch) {
        if (households < 1) {
            throw new IllegalArgumentException("a firm to load needs at least one household, not " + households);
        }
        long start = System.nanoTime();
        ReferenceData reference = ShippedRules.referenceData();
        Firm firm = Firm.draw(seed, households, asOf, reference);
        HouseholdGenerator generator = new HouseholdGenerator(firm);
        transactions.write(connection -> {
            writer.securities(connection, firm.universe.master().all());
            writer.models(connection, reference.models());
            writer.firmRestrictions(connection, firm.restrictedList);
            writer.vix(connection, asOf, SyntheticFirm.CALM_VIX);
            return null;
        });
        long writing = 0;
        int accounts = 0;
        int lots = 0;
        int step = Math.max(1, batch);
        // the next slice is generated on another thread while this one is written (MariaDB works meanwhile too)
        ExecutorService generatorThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "synthetic-firm-generator");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong generating = new AtomicLong();
        try {
            Future<List<Household>> next = generatorThread.submit(() -> slice(generator, 0, Math.min(households, step), generating));
            for (int from = 0; from < households; from += step) {
                List<Household> slice = next.get();
                int following = from + step;
                if (following < households) {
                    next = generatorThread.submit(() -> slice(generator, following, Math.min(households, following + step), generating));
                }
                long writeStart = System.nanoTime();
                transactions.write(connection -> {
                    writer.households(connection, slice);
                    return null;
                });
                writing += System.nanoTime() - writeStart;
                for (Household household : slice) {
                    accounts += household.accounts().size();
                    lots += household.accounts().stream().mapToInt(a -> a.lots().size()).sum();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the synthetic firm", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating the synthetic firm failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            generatorThread.shutdownNow();
        }
        String payload = "{\"source\":\"synthetic-firm\",\"seed\":" + seed + ",\"households\":" + households + ",\"asOf\":\"" + asOf + "\"}";
        audit.append(List.of(new AuditRecord("IMPORT", "synthetic-firm", Actor.SERVICE.name(), "none",
                Hashes.sha256("SyntheticFirm seed " + seed + " households " + households + " as of " + asOf), payload)));
        return new Loaded(households, accounts, lots, generating.get() / 1_000_000, writing / 1_000_000, (System.nanoTime() - start) / 1_000_000);
    }
}
