package trimtab.api.run;

import io.micronaut.context.annotation.Value;
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
 */
@Singleton
final class RunExecutor {
    private final ThreadPoolExecutor pool;

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

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
