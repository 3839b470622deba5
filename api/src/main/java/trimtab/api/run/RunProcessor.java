package trimtab.api.run;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.cycle.HouseholdOutcome;
import trimtab.engine.cycle.RebalanceCycle;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.trigger.TriggerReport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Works a run: leases a slice of its open households ({@link RunWork}), reads that slice's book, runs the cycle on it
 * with the rule sets the run took when it was accepted, and records the slice (results, trades, audit entries and
 * the households marked done, in one transaction that checks the lease still holds) before leasing the next; a
 * bounded number of households is in memory at a time. Any number of workers, on any instances, can work one run:
 * each household is leased by one at a time and recorded once. The worker that finds no household left open records
 * FINISHED (once per run). A failure ends the run with a FAILED event naming the reason; the households recorded
 * before it stay recorded.
 *
 * <p>A slice's snapshot holds only its households: a tax policy whose wash-sale scope is FIRM looks at the recent
 * trades of the households in the same slice, not of the whole firm (households are independent otherwise).
 */
@Singleton
final class RunProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RunProcessor.class);

    private final BookSnapshots snapshots;
    private final RunRecorder recorder;
    private final RunWork work;
    private final RunExecutor executor;
    private final RunStageTimes stageTimes;
    private final int chunkSize;
    private final long leaseMillis;
    private final int workersPerRun;
    private final String instance;
    /** Workers this instance has on each run. */
    private final Map<String, Integer> working = new HashMap<>();

    RunProcessor(BookSnapshots snapshots, RunRecorder recorder, RunWork work, RunExecutor executor, RunStageTimes stageTimes,
                 @Value("${trimtab.runs.chunk-size:100}") int chunkSize,
                 @Value("${trimtab.runs.lease:60s}") java.time.Duration lease,
                 @Value("${trimtab.runs.workers-per-run:1}") int workersPerRun,
                 @Value("${trimtab.runs.instance-id:}") String instance) {
        this.snapshots = snapshots;
        this.recorder = recorder;
        this.work = work;
        this.executor = executor;
        this.stageTimes = stageTimes;
        this.chunkSize = Math.max(1, chunkSize);
        this.leaseMillis = Math.max(1, lease.toMillis());
        this.workersPerRun = Math.max(1, workersPerRun);
        this.instance = instance.isBlank() ? defaultInstanceId() : instance;
    }

    /** This instance's name in the work table (who leased and who did a household). */
    String instance() {
        return instance;
    }

    /** Whether this instance would take another worker on the run. */
    synchronized boolean wantsWorker(String runId) {
        return working.getOrDefault(runId, 0) < workersPerRun;
    }

    /** Works the run until no household is left to lease here; does nothing when the run has its workers here. */
    void process(RunPlan plan) {
        synchronized (this) {
            if (!wantsWorker(plan.runId())) {
                return;
            }
            working.merge(plan.runId(), 1, Integer::sum);
        }
        try {
            work(plan);
        } finally {
            synchronized (this) {
                working.computeIfPresent(plan.runId(), (id, n) -> n == 1 ? null : n - 1);
            }
        }
    }

    private void work(RunPlan plan) {
        long start = System.nanoTime();
        RunStageTimes.Totals times = stageTimes.of(plan.runId());
        try {
            RebalanceCycle cycle = new RebalanceCycle(plan.rules().triggerEvaluator(), plan.rules().taxPolicyResolver(),
                    plan.rules().screener(), PlannerSettings.DEFAULTS);
            int recorded = 0;
            while (!executor.stopping()) {
                long t = System.nanoTime();
                RunWork.Lease lease = work.lease(plan.runId(), instance, chunkSize, leaseMillis);
                t = lap(times, RunStageTimes.Stage.LEASE, t);
                if (lease.households().isEmpty()) {
                    break;
                }
                List<String> chunk = lease.households();
                BookSnapshot book = snapshots.load(plan.asOf(), HouseholdSelection.households(chunk));
                t = lap(times, RunStageTimes.Stage.LOAD, t);
                // what RebalanceCycle.run(book) does, in its two steps so that each is timed
                TriggerReport triggers = plan.rules().triggerEvaluator().evaluate(book);
                t = lap(times, RunStageTimes.Stage.TRIGGERS, t);
                List<HouseholdOutcome> outcomes = triggers.households().stream().map(h -> cycle.run(h, book)).toList();
                lap(times, RunStageTimes.Stage.PLAN_AND_SCREEN, t);
                Set<String> found = new HashSet<>();
                book.households().stream().map(Household::id).forEach(id -> found.add(id.value()));
                List<String> missing = new ArrayList<>(chunk.stream().filter(id -> !found.contains(id)).toList());
                if (recorder.chunk(plan, book, outcomes, missing, lease, instance, times, executor::stopping)) {
                    times.recorded(chunk.size());
                    recorded += chunk.size();
                } else {
                    LOG.warn("Run {}: {} households leased by {} were taken over by another instance before they were recorded",
                            plan.runId(), chunk.size(), instance);
                }
            }
            if (executor.stopping()) {
                LOG.info("Run {}: {} stops working it (the service is stopping); its open leases expire for others", plan.runId(), instance);
                return;
            }
            if (recorder.finishIfDone(plan)) {
                LOG.info("Run {} finished: {} households in {} ms (this worker recorded {}; stages here: {})", plan.runId(),
                        plan.households().size(), (System.nanoTime() - start) / 1_000_000, recorded, times);
            }
        } catch (RunRecorder.Abandoned e) {
            LOG.info("Run {}: {} left a slice unrecorded (the service is stopping)", plan.runId(), instance);
        } catch (RuntimeException e) {
            if (executor.stopping()) {
                LOG.info("Run {}: {} stopped mid-slice (the service is stopping): {}", plan.runId(), instance, e.getMessage());
                return;
            }
            LOG.error("Run {} failed", plan.runId(), e);
            try {
                recorder.failed(plan, e.getMessage());
            } catch (RuntimeException recording) {
                // the database itself is failing: the run stays RUNNING in the tables; the log says why
                LOG.error("Run {}: its failure could not be recorded", plan.runId(), recording);
            }
        }
    }

    private static long lap(RunStageTimes.Totals times, RunStageTimes.Stage stage, long since) {
        long now = System.nanoTime();
        times.add(stage, now - since);
        return now;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
