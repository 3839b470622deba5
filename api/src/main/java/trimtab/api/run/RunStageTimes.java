package trimtab.api.run;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where this instance's workers spent a run's time, stage by stage, summed over its household slices and workers: the
 * figures a benchmark reports and the log line at the end of a run. Only the latest runs are kept.
 */
@Singleton
public final class RunStageTimes {
    private static final int RUNS_KEPT = 20;

    /** The stages of a slice, in the order a worker goes through them. */
    public enum Stage {
        /** taking a slice of households ({@code SELECT ... FOR UPDATE SKIP LOCKED}) */
        LEASE,
        /** reading the slice's book from MariaDB */
        LOAD,
        /** drift and the trigger table */
        TRIGGERS,
        /** the planner and the guardrail screening of its proposals (screening re-plans around blocked trades) */
        PLAN_AND_SCREEN,
        /** input hashes and the JSON of results, decisions and explanations */
        PREPARE_RECORDS,
        /** the slice's transaction: lease check, audit entries, result and trade rows, commit */
        WRITE
    }

    private final Map<String, Totals> runs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Totals> eldest) {
            return size() > RUNS_KEPT;
        }
    };

    /** A run's running totals, made on first use. */
    public synchronized Totals of(String runId) {
        return runs.computeIfAbsent(runId, id -> new Totals());
    }

    /** Nanoseconds per stage and households recorded by this instance, added to by any number of workers. */
    public static final class Totals {
        private final LongAdder[] nanos = new LongAdder[Stage.values().length];
        private final LongAdder households = new LongAdder();
        private final LongAdder slices = new LongAdder();

        Totals() {
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = new LongAdder();
            }
        }

        void add(Stage stage, long nanoseconds) {
            nanos[stage.ordinal()].add(nanoseconds);
        }

        void recorded(int count) {
            households.add(count);
            slices.increment();
        }

        public long millis(Stage stage) {
            return nanos[stage.ordinal()].sum() / 1_000_000;
        }

        public long households() {
            return households.sum();
        }

        public long slices() {
            return slices.sum();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Stage stage : Stage.values()) {
                text.append(text.isEmpty() ? "" : ", ").append(stage.name().toLowerCase().replace('_', ' ')).append(' ')
                        .append(millis(stage)).append(" ms");
            }
            return text + " (" + households() + " households in " + slices() + " slices here)";
        }
    }
}
