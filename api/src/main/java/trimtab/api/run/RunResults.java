package trimtab.api.run;

import trimtab.api.bookstore.HouseholdAdvisors;
import trimtab.api.security.Caller;
import trimtab.api.security.HouseholdScope;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.web.ApiException;

import java.util.List;
import java.util.Map;

/** The answers about runs, assembled from what is recorded. */
@Singleton
final class RunResults {
    private final Runs runs;
    private final ProposedTrades trades;
    private final HouseholdAdvisors advisors;
    private final RunAccess access;
    private final JsonMapper json;

    RunResults(Runs runs, ProposedTrades trades, HouseholdAdvisors advisors, RunAccess access, JsonMapper json) {
        this.runs = runs;
        this.trades = trades;
        this.advisors = advisors;
        this.access = access;
        this.json = json;
    }

    RunViews.RunView run(String runId, Caller caller) {
        return view(require(runId, caller), caller.households());
    }

    /**
     * The latest runs the caller may see: all of them for the firm, and for an advisor those they started or that
     * take in at least one of their households; the summary counts only what the caller may see.
     */
    List<RunViews.RunView> recent(int limit, Caller caller) {
        HouseholdScope scope = caller.households();
        return access.recent(limit, caller).stream().map(run -> view(run, scope)).toList();
    }

    private RunViews.RunView view(StoredRun run, HouseholdScope scope) {
        RunStatus status = run.status();
        String failure = null;
        if (status == RunStatus.FAILED) {
            Map<String, String> detail = JsonText.read(json, run.events().get(run.events().size() - 1).detail(),
                    Argument.mapOf(String.class, String.class));
            failure = detail.get("reason");
        }
        return new RunViews.RunView(run.runId(), status, run.asOf(), run.dryRun(), run.requestedBy(), run.requestedAt(),
                RunViews.RuleSetView.parse(run.ruleSets()), new RunViews.Progress(runs.householdsDone(run.runId()), run.householdTotal()),
                run.endedAt().orElse(null), failure, status == RunStatus.FINISHED ? runs.summary(run.runId(), scope) : null,
                RunLinks.of(run.runId(), run.dryRun()));
    }

    List<RunViews.HouseholdRow> households(String runId, @Nullable String after, int limit, Caller caller) {
        require(runId, caller);
        return runs.households(runId, after, limit, caller.households()).stream().map(h -> {
            HouseholdResult r = h.result();
            return new RunViews.HouseholdRow(r.householdId(), r.advisorId(), r.decision(), r.course(), r.tradeCount(), r.blockedCount(),
                    r.driftBefore(), r.hits().stream().map(hit -> new RunViews.HitSummary(hit.ruleId(), hit.action(), hit.scope(),
                    hit.message())).toList(), r.error(), RunController.householdLinks(runId, r.householdId()));
        }).toList();
    }

    RunViews.HouseholdDetail household(String runId, String householdId, Caller caller) {
        require(runId, caller);
        StoredHousehold stored = runs.household(runId, householdId).filter(h -> advisors.visible(caller.households(), householdId))
                .orElseThrow(() -> ApiException.notFound("household " + householdId + " in run " + runId));
        HouseholdResult r = stored.result();
        List<RunViews.TradeRow> all = trades.ofRun(runId, null, householdId, null, Integer.MAX_VALUE, caller.households()).stream()
                .map(RunViews.TradeRow::of).toList();
        return new RunViews.HouseholdDetail(runId, r.householdId(), r.advisorId(), r.decision(), r.course(), r.heldBy(), r.error(),
                r.notes(), r.driftBefore(), r.hits(), r.policies(), r.plans(),
                all.stream().filter(t -> !t.replannedAround()).toList(), all.stream().filter(t -> t.verdict().equals("BLOCK")).toList(),
                r.estimatedTax(), r.harvestedLosses(), r.realisedShortTerm(), r.realisedLongTerm(), r.inputHash());
    }

    List<RunViews.TradeRow> trades(String runId, @Nullable String verdict, @Nullable String householdId, @Nullable String after, int limit,
                                   Caller caller) {
        require(runId, caller);
        return trades.ofRun(runId, verdict, householdId, after, limit, caller.households()).stream().map(RunViews.TradeRow::of).toList();
    }

    private StoredRun require(String runId, Caller caller) {
        return access.require(runId, caller);
    }
}
