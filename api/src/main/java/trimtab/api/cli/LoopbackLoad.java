package trimtab.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Load on the service over loopback connections, one platform thread per connection (Java 17 has no virtual
 * threads), in two shapes:
 * <ul>
 * <li><b>closed loop</b>: each connection sends its next request as soon as the last is answered, as wrk does; the
 *     throughput is the service's capacity at that concurrency, and latency then includes the queueing it causes;</li>
 * <li><b>open loop</b>: requests are due at a fixed rate whatever the answers do, and a request's latency counts from
 *     when it was due, not when a free connection got round to sending it (so a stall is not hidden by the client
 *     slowing down with it: no coordinated omission).</li>
 * </ul>
 * Each shape warms up first and then measures a window; a request counts when it completes inside the window.
 * Every answer is checked; a failed check counts as an error and the run reports the first one.
 */
final class LoopbackLoad {
    private LoopbackLoad() {
    }

    /** What a phase measured. Latencies in nanoseconds, sorted. */
    /** @param sent every request answered in the phase, warm-up included (what the database must then hold) */
    record Stats(String name, int connections, long requests, long units, double seconds, long[] latencies, long errors,
                 String firstError, long sent, boolean fellBehind) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        /** Orders (or whatever a request carries) per second. */
        double unitsPerSecond() {
            return units / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    /** Phase settings: how many connections, how long to warm up and to measure, what each request carries. */
    record Phase(String name, int connections, Duration warmUp, Duration measure, int unitsPerRequest) {
    }

    static Stats closedLoop(int port, Phase phase, LongFunction<byte[]> requests, Predicate<LoopbackConnection.Response> ok) {
        return run(port, phase, 0, requests, ok);
    }

    /** @param ratePerSecond requests due per second, spread evenly */
    static Stats openLoop(int port, Phase phase, int ratePerSecond, LongFunction<byte[]> requests,
                          Predicate<LoopbackConnection.Response> ok) {
        return run(port, phase, ratePerSecond, requests, ok);
    }

    private static Stats run(int port, Phase phase, int ratePerSecond, LongFunction<byte[]> requests,
                             Predicate<LoopbackConnection.Response> ok) {
        long start = System.nanoTime() + 50_000_000; // every connection open before the first request is due
        long measureStart = start + phase.warmUp().toNanos();
        long measureEnd = measureStart + phase.measure().toNanos();
        long period = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
        AtomicLong sequence = new AtomicLong();
        AtomicBoolean behind = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < phase.connections(); i++) {
            Worker worker = new Worker(port, start, measureStart, measureEnd, period, sequence, behind, requests, ok, errors, firstError);
            workers.add(worker);
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Thread thread = new Thread(workers.get(i), "load-" + phase.name() + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring " + phase.name(), e);
            }
        }
        long counted = 0;
        long answered = 0;
        for (Worker worker : workers) {
            answered += worker.answered;
            if (worker.failure != null) {
                throw new UncheckedIOException("connection failed during " + phase.name(), worker.failure);
            }
            counted += worker.count;
        }
        long[] latencies = new long[(int) counted];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, latencies, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(latencies);
        return new Stats(phase.name(), phase.connections(), counted, counted * phase.unitsPerRequest(),
                phase.measure().toNanos() / 1e9, latencies, errors.get(), firstError.get(), answered, behind.get());
    }

    /** An open loop stops once a request is this late: the rate is beyond what the service can take. */
    private static final long MAX_BEHIND_NANOS = 2_000_000_000L;

    private static final class Worker implements Runnable {
        private final int port;
        private final long start;
        private final long measureStart;
        private final long measureEnd;
        private final long period;
        private final AtomicLong sequence;
        private final AtomicBoolean behind;
        private final LongFunction<byte[]> requests;
        private final Predicate<LoopbackConnection.Response> ok;
        private final AtomicLong errors;
        private final AtomicReference<String> firstError;
        long[] latencies = new long[4096];
        int count;
        /** Every answer received, warm-up included. */
        long answered;
        IOException failure;

        Worker(int port, long start, long measureStart, long measureEnd, long period, AtomicLong sequence, AtomicBoolean behind,
               LongFunction<byte[]> requests, Predicate<LoopbackConnection.Response> ok, AtomicLong errors,
               AtomicReference<String> firstError) {
            this.port = port;
            this.start = start;
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
            this.period = period;
            this.sequence = sequence;
            this.behind = behind;
            this.requests = requests;
            this.ok = ok;
            this.errors = errors;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            try (LoopbackConnection connection = new LoopbackConnection(port)) {
                waitUntil(start);
                while (true) {
                    long n = sequence.getAndIncrement();
                    long due;
                    if (period > 0) {
                        due = start + n * period;
                        if (due >= measureEnd || behind.get()) {
                            return;
                        }
                        if (System.nanoTime() - due > MAX_BEHIND_NANOS) {
                            // the service cannot take the rate: the backlog would only grow, so stop and say so
                            behind.set(true);
                            return;
                        }
                        waitUntil(due);
                    } else {
                        due = System.nanoTime();
                        if (due >= measureEnd) {
                            return;
                        }
                    }
                    byte[] request = requests.apply(n);
                    LoopbackConnection.Response response = connection.exchange(request);
                    long done = System.nanoTime();
                    answered++;
                    if (!ok.test(response)) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, "HTTP " + response.status() + ": " + abbreviated(response.text()));
                    }
                    // closed loop: what completed in the window; open loop: what was due in it
                    boolean counts = period > 0 ? due >= measureStart : due >= measureStart && done <= measureEnd;
                    if (counts) {
                        record(done - due);
                    }
                }
            } catch (IOException e) {
                failure = e;
            }
        }

        private void record(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }

        private static void waitUntil(long due) {
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }

        private static String abbreviated(String text) {
            return text.length() <= 300 ? text : text.substring(0, 300) + "...";
        }
    }
}
