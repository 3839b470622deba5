package trimtab.api.screening;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.database.SqlFailures;
import trimtab.api.database.Transactions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of screening requests: a writer thread takes every request waiting to be recorded and writes them
 * in one transaction (one statement reading the book's versions and the group's Idempotency-Keys, one insert of the
 * request rows, one of the decisions, one audit append: {@link ScreeningStore#recordNew}), and each request's caller
 * returns only once that transaction has committed, with what became of its request.
 *
 * <p>Why: the audit chain's head row is locked from a request's append to its commit, so requests committed one
 * by one pay a redo-log flush each, one after the other, and nothing else can be appended meanwhile. In a group the
 * chain is appended under one lock and flushed once for all of them; while a group commits, the next one gathers.
 * There are {@value #WRITERS} writers: the rows are inserted before the head is locked, so one writer's inserts
 * (most of the database's work) run while the other appends and commits; only appends and commits take turns.
 * A writer keeps its connection, with autocommit off, from group to group for as long as requests keep coming
 * ({@link Transactions#inSequence}): at a steady pace most groups are one or two requests, and borrowing a connection
 * per group cost two statements more per commit.
 *
 * <p>What stays as it was: each request's rows are all in one transaction (its request row, its decisions and its
 * audit entries commit together or not at all) and its entries are consecutive in the chain, in line order. A key
 * already stored is found by the group's first statement and its request is not written. A group that fails (two
 * requests in flight at once with one Idempotency-Key, which only the unique key finds, at the insert) is written
 * again request by request, each in a transaction of its own, so that one request's failure is its own: the second
 * finds the first stored, or gets the duplicate-key error it would have got alone, and answers as a retry.
 */
@Singleton
final class ScreeningCommits {
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningCommits.class);
    /** A group holds at most this many decisions (a few MB of rows), and always at least one request. */
    private static final int MAX_GROUP_DECISIONS = 2_000;
    /** Two: one inserting while the other holds the chain's head; more would only queue on the head. */
    private static final int WRITERS = 2;

    private final Transactions transactions;
    private final Recorder recorder;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;

    /** Writes requests' rows on a connection, for the caller's transaction: {@link ScreeningStore#recordNew}. */
    interface Recorder {
        List<ScreeningStore.Outcome> record(Connection connection, List<RecordedScreening> screenings) throws SQLException;
    }

    @Inject
    ScreeningCommits(Transactions transactions, ScreeningStore store) {
        this(transactions, store::recordNew);
    }

    ScreeningCommits(Transactions transactions, Recorder recorder) {
        this.transactions = transactions;
        this.recorder = recorder;
        for (int i = 1; i <= WRITERS; i++) {
            Thread writer = new Thread(this::writeGroups, "screening-group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    private record Pending(RecordedScreening screening, CompletableFuture<ScreeningStore.Outcome> committed) {
    }

    /**
     * Records a request with whatever else is waiting, and returns once the transaction has committed, with what became
     * of it ({@link ScreeningStore#recordNew}: written, or not written because its key was taken or its book changed);
     * throws what writing it alone would have thrown (a {@code DataAccessException} whose cause is the SQL error).
     */
    ScreeningStore.Outcome record(RecordedScreening screening) {
        if (stopping) {
            throw new IllegalStateException("the service is stopping: the request was not recorded");
        }
        Pending pending = new Pending(screening, new CompletableFuture<>());
        queue.add(pending);
        if (stopping && writers.stream().noneMatch(Thread::isAlive)) {
            pending.committed().completeExceptionally(new IllegalStateException("the service stopped: the request was not recorded"));
        }
        try {
            return pending.committed().get();
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
        // taken from the queue and not answered yet: at most the first request of the next group
        Deque<Pending> taken = new ArrayDeque<>();
        while (!taken.isEmpty() || !stopping || !queue.isEmpty()) {
            try {
                if (taken.isEmpty()) {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    taken.add(first);
                }
                transactions.inSequence(sequence -> writeWhileBusy(sequence, taken));
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                taken.forEach(p -> p.committed().completeExceptionally(e));
                return;
            } catch (RuntimeException | Error e) {
                // no connection to be had: never leave a caller waiting, whatever was taken fails with the error
                taken.forEach(p -> p.committed().completeExceptionally(e));
                taken.clear();
                LOG.error("screening group commit failed", e);
            }
        }
    }

    /**
     * Writes group after group on the sequence's connection while requests keep coming; returns once none came for
     * 100 ms (the connection goes back to the pool), or after a group failed (the connection may be gone: the next
     * group starts on a fresh one). Every request it takes from {@code taken} is answered before it returns.
     */
    private void writeWhileBusy(Transactions.Sequence sequence, Deque<Pending> taken) {
        List<Pending> group = new ArrayList<>();
        while (!taken.isEmpty()) {
            group.add(taken.poll());
            int decisions = group.get(0).screening().decisions().size();
            // only ever take (never peek): the other writer takes from the same queue at the same time
            for (Pending next = queue.poll(); next != null; next = queue.poll()) {
                if (decisions + next.screening().decisions().size() > MAX_GROUP_DECISIONS) {
                    taken.add(next); // the first of the next group
                    break;
                }
                group.add(next);
                decisions += next.screening().decisions().size();
            }
            boolean written = false;
            try {
                written = write(group, sequence);
            } finally {
                // whatever escaped (an Error while writing them one by one), none of them is left waiting
                for (Pending pending : group) {
                    if (!pending.committed().isDone()) {
                        pending.committed().completeExceptionally(new IllegalStateException("the request was not recorded"));
                    }
                }
                group.clear();
            }
            if (!written) {
                return;
            }
            if (taken.isEmpty()) {
                try {
                    Pending next = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        taken.add(next);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Writes a group and answers each of its requests; false when the group as a whole failed. */
    private boolean write(List<Pending> group, Transactions.Sequence sequence) {
        List<RecordedScreening> screenings = group.stream().map(Pending::screening).toList();
        try {
            List<ScreeningStore.Outcome> outcomes = sequence.write(connection -> checked(recorder.record(connection, screenings), screenings));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).committed().complete(outcomes.get(i));
            }
            return true;
        } catch (RuntimeException | Error e) {
            if (group.size() == 1 && !SqlFailures.isDeadlock(e)) {
                group.get(0).committed().completeExceptionally(e);
                return false;
            }
        }
        // one of them failed the group (or the two writers deadlocked, e.g. on retries holding the same keys in
        // opposite order, and InnoDB rolled this group back): each alone, on a connection of its own, so that the
        // others commit and a failure is the failing one's own; a deadlock's victim is written again once
        for (Pending pending : group) {
            try {
                pending.committed().complete(recordAlone(pending.screening()));
            } catch (RuntimeException | Error e) {
                pending.committed().completeExceptionally(e);
            }
        }
        return false;
    }

    private ScreeningStore.Outcome recordAlone(RecordedScreening screening) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.write(connection -> checked(recorder.record(connection, List.of(screening)), List.of(screening)).get(0));
            } catch (RuntimeException e) {
                if (attempt == 2 || !SqlFailures.isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * The outcomes, one per request, checked inside the transaction: a short list found after the commit would leave
     * requests unanswered, and writing them again one by one would record them twice.
     */
    private static List<ScreeningStore.Outcome> checked(List<ScreeningStore.Outcome> outcomes, List<RecordedScreening> screenings) {
        if (outcomes.size() != screenings.size()) {
            throw new IllegalStateException(outcomes.size() + " outcomes for " + screenings.size() + " requests");
        }
        return outcomes;
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
