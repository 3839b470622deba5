package trimtab.api.run;

import io.micronaut.json.JsonMapper;

/** A trade decision's JSON for the audit trail, reusing the JSON of its explanation that the trade row stores. */
final class DecisionJson {
    private DecisionJson() {
    }

    /**
     * The decision's JSON with its explanation's JSON, written once for both the audit entry and the trade row, in its
     * place: the explanation is the decision's last property, so the decision written without it ends in
     * {@code "explanation":null}, which the explanation replaces. Byte for byte what writing the whole decision gives;
     * should the mapper ever write it otherwise, the whole decision is written.
     */
    static String write(JsonMapper json, TradeDecision decision, String explanationJson) {
        String placeholder = "\"explanation\":null}";
        try {
            String withoutExplanation = JsonText.write(json, new TradeDecision(decision.tradeId(), decision.runId(), decision.dryRun(),
                    decision.householdId(), decision.accountId(), decision.custodian(), decision.symbol(), decision.side(),
                    decision.quantity(), decision.price(), decision.notional(), decision.verdict(), null));
            if (withoutExplanation.endsWith(placeholder)) {
                return withoutExplanation.substring(0, withoutExplanation.length() - "null}".length()) + explanationJson + "}";
            }
        } catch (RuntimeException e) {
            // the mapper refused the stand-in: write the whole decision
        }
        return JsonText.write(json, decision);
    }

}
