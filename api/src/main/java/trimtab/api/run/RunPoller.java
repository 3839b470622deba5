package trimtab.api.run;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * Joins running runs from any instance: every poll interval it looks for runs with households nobody holds (never
 * leased, or leased by an instance that stopped and let the lease expire) and puts a worker on each while this
 * instance has a free run thread. The instance that accepted a run starts its worker at once; this is how the others,
 * and a restarted one, take their share.
 */
@Singleton
final class RunPoller {
    private static final Logger LOG = LoggerFactory.getLogger(RunPoller.class);
    private static final int RUNS_PER_POLL = 5;

    private final RunWork work;
    private final Runs runs;
    private final RunPlans plans;
    private final RunProcessor processor;
    private final RunExecutor executor;

    RunPoller(RunWork work, Runs runs, RunPlans plans, RunProcessor processor, RunExecutor executor) {
        this.work = work;
        this.runs = runs;
        this.plans = plans;
        this.processor = processor;
        this.executor = executor;
    }

    @Scheduled(fixedDelay = "${trimtab.runs.poll-interval:1s}", initialDelay = "${trimtab.runs.poll-interval:1s}")
    void poll() {
        if (!executor.idleThreads()) {
            return;
        }
        try {
            for (String runId : work.runsWithWork(RUNS_PER_POLL)) {
                if (!executor.idleThreads()) {
                    return;
                }
                if (!processor.wantsWorker(runId)) {
                    continue;
                }
                Optional<StoredRun> run = runs.find(runId);
                if (run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
                    continue;
                }
                RunPlan plan = plans.of(run.get());
                LOG.info("Run {}: {} joins it", runId, processor.instance());
                executor.submit(() -> processor.process(plan));
            }
        } catch (RejectedExecutionException e) {
            // the queue filled meanwhile: the next poll tries again
        } catch (RuntimeException e) {
            if (!executor.stopping()) {
                LOG.warn("Polling for run work failed: {}", e.getMessage());
            }
        }
    }
}
