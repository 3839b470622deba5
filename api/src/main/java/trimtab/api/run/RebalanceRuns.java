package trimtab.api.run;

import trimtab.api.bookstore.RequestedHouseholds;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.bookstore.MissingMarketDataException;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.web.ApiException;
import trimtab.api.security.HouseholdScope;
import trimtab.api.web.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * Starting a run: checks the request, resolves the households, takes the rule sets in force once, records the run as
 * STARTED and hands it to the executor; the caller gets the run id at once and follows it with GET.
 */
@Singleton
public final class RebalanceRuns {
    private final Transactions transactions;
    private final RuleSetsInForce ruleSets;
    private final BookSnapshots snapshots;
    private final RunRecorder recorder;
    private final RunProcessor processor;
    private final RunExecutor executor;
    private final JsonMapper json;

    private final RequestedHouseholds requestedHouseholds;

    RebalanceRuns(Transactions transactions, RuleSetsInForce ruleSets, BookSnapshots snapshots, RunRecorder recorder,
                  RunProcessor processor, RunExecutor executor, JsonMapper json, RequestedHouseholds requestedHouseholds) {
        this.requestedHouseholds = requestedHouseholds;
        this.transactions = transactions;
        this.ruleSets = ruleSets;
        this.snapshots = snapshots;
        this.recorder = recorder;
        this.processor = processor;
        this.executor = executor;
        this.json = json;
    }

    public RunViews.RunAccepted start(RunRequest request, Actor actor) {
        return start(request, actor, HouseholdScope.FIRM);
    }

    /** Starts a run over the households named, or all that the scope sees; one outside the scope is unknown. */
    public RunViews.RunAccepted start(RunRequest request, Actor actor, HouseholdScope scope) {
        LocalDate asOf = request.asOf() == null ? LocalDate.now() : request.asOf();
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        List<String> households = requestedHouseholds.resolve(request.households(), "run", scope);
        try {
            // the market data of the date (VIX, prices): without it no household can be evaluated, so say so now
            snapshots.load(asOf, HouseholdSelection.households(List.of()));
        } catch (MissingMarketDataException e) {
            throw ApiException.invalid("$.asOf", e.getMessage());
        }
        RulesInForce rules = ruleSets.current();
        RunPlan plan = RunPlan.of(UUID.randomUUID().toString(), actor, Instant.now().truncatedTo(ChronoUnit.MICROS), asOf, dryRun,
                households, rules);
        Map<String, Object> recordedRequest = new LinkedHashMap<>();
        recordedRequest.put("households", request.households() == null ? (scope.isFirm() ? "ALL" : "ALL of " + scope) : households);
        recordedRequest.put("asOf", asOf.toString());
        recordedRequest.put("dryRun", dryRun);
        recordedRequest.put("householdsTotal", households.size());
        recorder.started(plan, JsonText.write(json, recordedRequest));
        try {
            executor.submit(() -> processor.process(plan));
        } catch (RejectedExecutionException e) {
            recorder.failed(plan, "refused: the service is busy with other runs; try again later");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "too many runs are waiting; try again later", List.of());
        }
        return new RunViews.RunAccepted(plan.runId(), RunStatus.RUNNING, asOf, dryRun, households.size(), RunLinks.of(plan.runId(), dryRun));
    }

}
