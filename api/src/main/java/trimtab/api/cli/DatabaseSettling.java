package trimtab.api.cli;

import java.util.Locale;

/**
 * Waits for mariadbd to finish the background work a phase left behind: InnoDB's purge (which, after commits, cleans
 * each inserted row's header and the old versions of updated ones) and its page flushing, in background threads
 * on the same two cores.
 *
 * <p>Why a benchmark waits for it: 10 s of saturating 100-order batches write a few hundred thousand rows, and purge
 * needs seconds more to catch up. A phase started meanwhile measured the previous phase's leftovers along with
 * itself (the open loop at 1,000 requests/s ran right after the batches, and its p99 moved with the purge left), and
 * the CPU they cost was charged to the wrong phase. So each phase is followed by a wait until mariadbd is idle, and
 * the phase's CPU per request is read after that wait, its background work included.
 *
 * <p>Idle is measured, not guessed: InnoDB's history list length counts transactions rather than rows and stays at
 * a couple of thousand on an idle server, so mariadbd's own CPU time is watched instead.
 */
final class DatabaseSettling {
    /** Idle: less than this share of a core over a window. */
    private static final double IDLE_CORES = 0.05;
    private static final long WINDOW_MILLIS = 500;
    private static final long MAX_WAIT_MILLIS = 60_000;

    private DatabaseSettling() {
    }

    /** Waits until mariadbd used less than 5 % of a core over half a second (60 s at most), and says how long it took. */
    static void awaitIdle() {
        long start = System.nanoTime();
        ProcessCpu before = ProcessCpu.now();
        while (true) {
            try {
                Thread.sleep(WINDOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ProcessCpu now = ProcessCpu.now();
            ProcessCpu window = now.since(before);
            boolean idle = window.databaseNanos() < IDLE_CORES * window.wallNanos();
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (idle || waited >= MAX_WAIT_MILLIS) {
                System.out.printf(Locale.ROOT, "  database idle %.1f s after the phase%s%n", waited / 1e3,
                        idle ? "" : " (still busy: gave up waiting)");
                return;
            }
            before = now;
        }
    }
}
