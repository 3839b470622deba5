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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Executes a run: reads the book chunk by chunk (a bounded number of households in memory), runs the cycle on each
 * chunk with the rule sets the run took when it was accepted, and records each chunk before reading the next. A
 * failure ends the run with a FAILED event naming the reason; the households recorded before it stay recorded.
 *
 * <p>A chunk's snapshot holds only its households: a tax policy whose wash-sale scope is FIRM looks at the recent
 * trades of the households in the same chunk, not of the whole firm (households are independent otherwise).
 */
@Singleton
final class RunProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RunProcessor.class);

    private final BookSnapshots snapshots;
    private final RunRecorder recorder;
    private final Runs runs;
    private final int chunkSize;

    RunProcessor(BookSnapshots snapshots, RunRecorder recorder, Runs runs, @Value("${trimtab.runs.chunk-size:100}") int chunkSize) {
        this.snapshots = snapshots;
        this.recorder = recorder;
        this.runs = runs;
        this.chunkSize = Math.max(1, chunkSize);
    }

    void process(RunPlan plan) {
        long start = System.nanoTime();
        try {
            RebalanceCycle cycle = new RebalanceCycle(plan.rules().triggerEvaluator(), plan.rules().taxPolicyResolver(),
                    plan.rules().screener(), PlannerSettings.DEFAULTS);
            // households already recorded (a run picked up again) are not decided twice
            Set<String> done = new HashSet<>(runs.recordedHouseholds(plan.runId()));
            List<String> todo = plan.households().stream().filter(id -> !done.contains(id)).toList();
            for (int from = 0; from < todo.size(); from += chunkSize) {
                List<String> chunk = todo.subList(from, Math.min(todo.size(), from + chunkSize));
                BookSnapshot book = snapshots.load(plan.asOf(), HouseholdSelection.households(chunk));
                List<HouseholdOutcome> outcomes = cycle.run(book);
                Set<String> found = new HashSet<>();
                book.households().stream().map(Household::id).forEach(id -> found.add(id.value()));
                List<String> missing = new ArrayList<>(chunk.stream().filter(id -> !found.contains(id)).toList());
                recorder.chunk(plan, book, outcomes, missing);
            }
            recorder.finished(plan);
            LOG.info("Run {} finished: {} households in {} ms", plan.runId(), plan.households().size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Run {} failed", plan.runId(), e);
            try {
                recorder.failed(plan, e.getMessage());
            } catch (RuntimeException recording) {
                // the database itself is failing: the run stays RUNNING in the tables; the log says why
                LOG.error("Run {}: its failure could not be recorded", plan.runId(), recording);
            }
        }
    }
}
