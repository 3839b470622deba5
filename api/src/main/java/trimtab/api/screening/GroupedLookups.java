package trimtab.api.screening;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The first read of every request ({@link ScreeningStore#lookup}: the book's versions and the answer stored under
 * its Idempotency-Key), made for all the requests waiting at once in one statement. At a few thousand single-order
 * requests a second, one statement per request was a third of the database's work and a pooled connection each.
 *
 * <p>Leader and followers, no thread of its own: a request queues its key; if no read is under way it takes the
 * queue and reads for it (its own key included), else it waits, for its answer or to be told to lead the next read:
 * a read that ends hands the next one to the first request queued meanwhile, so each read wakes only the requests
 * it answered and that one. A read starts after every request it answers arrived, so what it
 * sees is at least as fresh as one made by the request alone, which is what {@link KeptBook} relies on: a change
 * committed before a request arrived is seen by it.
 */
@Singleton
final class GroupedLookups {
    /** Keys read in one statement at most; the others wait for the next read. */
    private static final int MAX_KEYS = 64;

    private final Reader reader;
    private final Object lock = new Object();
    private List<Waiting> queue = new ArrayList<>();
    private boolean reading;

    /** One read for many keys: {@link ScreeningStore#lookups} in a statement of its own. */
    interface Reader {
        Map<ScreeningStore.Key, ScreeningStore.Lookup> read(List<ScreeningStore.Key> keys);
    }

    @Inject
    GroupedLookups(Transactions transactions, ScreeningStore store) {
        this(keys -> transactions.statement(connection -> store.lookups(connection, keys)));
    }

    GroupedLookups(Reader reader) {
        this.reader = reader;
    }

    /** A request waiting: for its answer, or to be told to read for the queue. */
    private record Waiting(ScreeningStore.Key key, CompletableFuture<ScreeningStore.Lookup> answer, CompletableFuture<Void> lead) {
    }

    ScreeningStore.Lookup lookup(String clientId, String idempotencyKey) {
        Waiting me = new Waiting(new ScreeningStore.Key(clientId, idempotencyKey), new CompletableFuture<>(), new CompletableFuture<>());
        synchronized (lock) {
            queue.add(me);
            if (!reading) {
                reading = true;
                me.lead().complete(null);
            }
        }
        try {
            CompletableFuture.anyOf(me.answer(), me.lead()).join();
            if (!me.answer().isDone()) {
                lead();
            }
            return me.answer().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /**
     * Reads for the queue (which holds this request, first), then hands the next read to the first request queued
     * meanwhile, if any: only the requests answered and that one are woken.
     */
    private void lead() {
        try {
            List<Waiting> group;
            synchronized (lock) {
                group = take();
            }
            read(group);
        } finally {
            synchronized (lock) {
                if (queue.isEmpty()) {
                    reading = false;
                } else {
                    queue.get(0).lead().complete(null);
                }
            }
        }
    }

    /** Up to {@value #MAX_KEYS} of the queue, oldest first; called holding the lock. */
    private List<Waiting> take() {
        if (queue.size() <= MAX_KEYS) {
            List<Waiting> all = queue;
            queue = new ArrayList<>();
            return all;
        }
        List<Waiting> first = new ArrayList<>(queue.subList(0, MAX_KEYS));
        queue = new ArrayList<>(queue.subList(MAX_KEYS, queue.size()));
        return first;
    }

    private void read(List<Waiting> group) {
        try {
            Map<ScreeningStore.Key, ScreeningStore.Lookup> found = reader.read(group.stream().map(Waiting::key).toList());
            group.forEach(w -> w.answer().complete(found.get(w.key())));
        } catch (RuntimeException | Error e) {
            // each request of the group fails as it would have failed alone
            group.forEach(w -> w.answer().completeExceptionally(e));
        }
    }
}
