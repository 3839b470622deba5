package trimtab.api.run;

import jakarta.inject.Singleton;
import trimtab.api.bookstore.HouseholdAdvisors;
import trimtab.api.security.Caller;
import trimtab.api.security.HouseholdScope;
import trimtab.api.web.ApiException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which runs a caller may see: every run for the firm's roles; for an advisor, the runs they started and those that
 * take in at least one of their households. Any other run is answered as if it did not exist.
 */
@Singleton
public final class RunAccess {
    /** How many recent runs are looked through to find an advisor's page of them. */
    private static final int ADVISOR_LOOK_BACK = 1000;

    private final Runs runs;
    private final HouseholdAdvisors advisors;

    RunAccess(Runs runs, HouseholdAdvisors advisors) {
        this.runs = runs;
        this.advisors = advisors;
    }

    /** The run, or 404 when it does not exist or the caller may not see it. */
    public StoredRun require(String runId, Caller caller) {
        HouseholdScope scope = caller.households();
        return runs.find(runId).filter(run -> scope.isFirm() || run.requestedBy().equals(caller.username())
                        || !advisors.visibleAmong(scope, new HashSet<>(run.households())).isEmpty())
                .orElseThrow(() -> ApiException.notFound("run " + runId));
    }

    List<StoredRun> recent(int limit, Caller caller) {
        if (caller.households().isFirm()) {
            return runs.recent(limit);
        }
        // the advisor's households are read once for the whole page, not once per run looked at
        Set<String> own = advisors.householdsOf(caller.households());
        return runs.recent(ADVISOR_LOOK_BACK).stream()
                .filter(run -> run.requestedBy().equals(caller.username()) || run.households().stream().anyMatch(own::contains))
                .limit(limit).toList();
    }
}
