package trimtab.api.run;

import trimtab.api.rulesets.RulesInForce;
import trimtab.api.web.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as its executor works it: the request, resolved to household ids in order, and the rule sets taken once
 * when it was accepted.
 */
record RunPlan(String runId, Actor requestedBy, Instant requestedAt, LocalDate asOf, boolean dryRun, List<String> households,
               RulesInForce rules, Map<String, Integer> ordinals) {

    static RunPlan of(String runId, Actor requestedBy, Instant requestedAt, LocalDate asOf, boolean dryRun, List<String> households,
                      RulesInForce rules) {
        Map<String, Integer> ordinals = new HashMap<>();
        for (int i = 0; i < households.size(); i++) {
            ordinals.put(households.get(i), i + 1);
        }
        return new RunPlan(runId, requestedBy, requestedAt, asOf, dryRun, List.copyOf(households), rules, Map.copyOf(ordinals));
    }

    /**
     * A trade's id: the run, the household's position in the run and the trade's number in the household
     * ({@code <run>-000003-02}), so ids sort in run order and are unique without a sequence shared by instances.
     */
    String tradeId(String householdId, int tradeNo) {
        return runId + "-" + zeroPadded(ordinals.get(householdId), 6) + "-" + zeroPadded(tradeNo, 3);
    }

    /** What {@code String.format("%0<width>d")} writes, without parsing a format for every trade of a large run. */
    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
