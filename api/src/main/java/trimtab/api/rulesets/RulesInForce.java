package trimtab.api.rulesets;

import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetVersion;
import trimtab.engine.taxpolicy.TaxPolicyResolver;
import trimtab.engine.trigger.TriggerEvaluator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The three rule sets one request or run works with, taken together at its start: whatever is activated
 * meanwhile, the request finishes on these, and every decision it records names them.
 */
public record RulesInForce(CompiledRuleSet triggers, CompiledRuleSet taxPolicy, CompiledRuleSet guardrails,
                           TriggerEvaluator triggerEvaluator, TaxPolicyResolver taxPolicyResolver,
                           GuardrailScreener screener) {

    public static RulesInForce of(CompiledRuleSet triggers, CompiledRuleSet taxPolicy, CompiledRuleSet guardrails) {
        return new RulesInForce(triggers, taxPolicy, guardrails, new TriggerEvaluator(triggers),
                new TaxPolicyResolver(taxPolicy), new GuardrailScreener(guardrails));
    }

    public List<RuleSetVersion> versions() {
        return List.of(triggers.version(), taxPolicy.version(), guardrails.version());
    }

    /** The versions and full checksums as recorded with a decision: "TRIGGERS:1:<sha256>;TAX_POLICY:1:...". */
    public String recorded() {
        return versions().stream().map(RulesInForce::recorded).collect(Collectors.joining(";"));
    }

    public static String recorded(RuleSetVersion version) {
        return version.kind() + ":" + version.version() + ":" + version.checksum();
    }
}
