package trimtab.api.screening;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.database.SqlFailures;
import trimtab.api.database.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of screening requests: a writer thread takes every request waiting to be recorded and writes them
 * in one transaction (one insert of the request rows, one of the decisions, one audit append), and each request's
 * caller returns only once that transaction has committed.
 *
 * <p>Why: the audit chain's head row is locked from a request's append to its commit, so requests committed one
 * by one pay a redo-log flush each, one after the other, and nothing else can be appended meanwhile. In a group the
 * chain is appended under one lock and flushed once for all of them; while a group commits, the next one gathers.
 * There are {@value #WRITERS} writers: the rows are inserted before the head is locked, so one writer's inserts
 * (most of the database's work) run while the other appends and commits; only appends and commits take turns.
 *
 * <p>What stays as it was: each request's rows are all in one transaction (its request row, its decisions and its
 * audit entries commit together or not at all) and its entries are consecutive in the chain, in line order. A group
 * that fails (a duplicate Idempotency-Key, which the unique key finds only at the insert) is written again request
 * by request, each in a transaction of its own, so that one request's failure is its own: the duplicate gets the
 * duplicate-key error it would have got alone, and answers as a retry.
 */
@Singleton
final class ScreeningCommits {
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningCommits.class);
    /** A group holds at most this many decisions (a few MB of rows), and always at least one request. */
    private static final int MAX_GROUP_DECISIONS = 2_000;
    /** Two: one inserting while the other holds the chain's head; more would only queue on the head. */
    private static final int WRITERS = 2;

    private final Transactions transactions;
    private final ScreeningStore store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;

    ScreeningCommits(Transactions transactions, ScreeningStore store) {
        this.transactions = transactions;
        this.store = store;
        for (int i = 1; i <= WRITERS; i++) {
            Thread writer = new Thread(this::writeGroups, "screening-group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    private record Pending(RecordedScreening screening, CompletableFuture<Void> committed) {
    }

    /**
     * Records a request with whatever else is waiting, and returns once it is committed; throws what writing it alone
     * would have thrown (a {@code DataAccessException} whose cause is the SQL error).
     */
    void record(RecordedScreening screening) {
        if (stopping) {
            throw new IllegalStateException("the service is stopping: the request was not recorded");
        }
        Pending pending = new Pending(screening, new CompletableFuture<>());
        queue.add(pending);
        if (stopping && writers.stream().noneMatch(Thread::isAlive)) {
            pending.committed().completeExceptionally(new IllegalStateException("the service stopped: the request was not recorded"));
        }
        try {
            pending.committed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the writer still commits it: the decisions stand, only this answer is lost (a retry replays it)
            throw new IllegalStateException("interrupted while the request was being recorded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("recording the request failed", e.getCause());
        }
    }

    private void writeGroups() {
        List<Pending> group = new ArrayList<>();
        // a request taken from the queue that would have made the last group too big: the first of the next one
        Pending carried = null;
        while (!stopping || !queue.isEmpty() || carried != null) {
            try {
                Pending first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                group.add(first);
                int decisions = first.screening().decisions().size();
                // only ever take (never peek): the other writer takes from the same queue at the same time
                for (Pending next = queue.poll(); next != null; next = queue.poll()) {
                    if (decisions + next.screening().decisions().size() > MAX_GROUP_DECISIONS) {
                        carried = next;
                        break;
                    }
                    group.add(next);
                    decisions += next.screening().decisions().size();
                }
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (carried != null) {
                    carried.committed().completeExceptionally(e);
                }
                return;
            } catch (RuntimeException | Error e) {
                // never leave a caller waiting: whatever was not completed fails with the error
                group.forEach(p -> p.committed().completeExceptionally(e));
                LOG.error("screening group commit failed", e);
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        List<RecordedScreening> screenings = group.stream().map(Pending::screening).toList();
        try {
            transactions.write(connection -> {
                store.record(connection, screenings);
                return null;
            });
            group.forEach(p -> p.committed().complete(null));
            return;
        } catch (RuntimeException e) {
            if (group.size() == 1 && !SqlFailures.isDeadlock(e)) {
                group.get(0).committed().completeExceptionally(e);
                return;
            }
        }
        // one of them failed the group (or the two writers deadlocked, e.g. on retries holding the same keys in
        // opposite order, and InnoDB rolled this group back): each alone, so that the others commit and a failure
        // is the failing one's own; a deadlock's victim is written again once
        for (Pending pending : group) {
            try {
                recordAlone(pending.screening());
                pending.committed().complete(null);
            } catch (RuntimeException e) {
                pending.committed().completeExceptionally(e);
            }
        }
    }

    private void recordAlone(RecordedScreening screening) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.write(connection -> {
                    store.record(connection, List.of(screening));
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == 2 || !SqlFailures.isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    /** Lets the writer finish what is queued, so that no request already screened is left unrecorded. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        // a request queued after the writers' last look: fail it rather than leave its caller waiting
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.committed().completeExceptionally(new IllegalStateException("the service stopped: the request was not recorded"));
        }
    }
}
