package trimtab.api.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where to follow a run. */
final class RunLinks {
    private RunLinks() {
    }

    static Map<String, String> of(String runId, boolean dryRun) {
        String self = "/api/v1/runs/" + runId;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("households", self + "/households");
        links.put("trades", self + "/trades");
        links.put("blocked", self + "/trades?verdict=BLOCK");
        links.put("awaitingApproval", self + "/trades?verdict=REQUIRE_APPROVAL");
        if (!dryRun) {
            links.put("orders", self + "/orders.csv");
        }
        return links;
    }
}
