package trimtab.api.run;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool runs execute on: a few threads (a run is CPU-bound rule evaluation and planning, and shares the machine with
 * the request threads and MariaDB) and a bounded queue, so that a burst of requests waits rather than starves the
 * service; when the queue is full a new run is refused.
 *
 * <p>When the service stops, workers stop at their next household slice and record nothing more: what they had leased
 * and not recorded is taken over by another instance once the lease expires, as if this one had died.
 */
@Singleton
final class RunExecutor implements ApplicationEventListener<ShutdownEvent> {
    private final ThreadPoolExecutor pool;
    private volatile boolean stopping;

    RunExecutor(@Value("${trimtab.runs.threads:2}") int threads, @Value("${trimtab.runs.queue:50}") int queue) {
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, "trimtab-run-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @throws RejectedExecutionException when as many runs are queued as the queue holds */
    void submit(Runnable run) {
        pool.execute(run);
    }

    /** Whether a worker has room to start now (the poller does not queue work behind busy threads). */
    boolean idleThreads() {
        return !stopping && pool.getActiveCount() + pool.getQueue().size() < pool.getMaximumPoolSize();
    }

    /** The service is stopping: workers must not start another slice nor commit the one in hand. */
    boolean stopping() {
        return stopping;
    }

    /**
     * The context publishes this before it destroys any bean: the workers leave while the connection pool is still
     * open, so that they roll back rather than fail the run for want of a connection.
     */
    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
