package trimtab.api.rulesets;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.engine.guardrail.GuardrailVocabulary;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleVocabulary;
import trimtab.engine.rules.TableKind;
import trimtab.engine.taxpolicy.TaxPolicyResolver;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule sets the service enforces, behind one atomic reference so that a request sees one
 * consistent trio. At start (eagerly, so that the first request does not pay for compiling) it compiles the
 * workbooks shipped in {@code rules/} as version 1 of each table; a start with a workbook that does not
 * compile fails rather than run with no rules.
 */
@Context
public final class RuleSetsInForce {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetsInForce.class);

    private final AtomicReference<RulesInForce> current = new AtomicReference<>();

    RuleSetsInForce() {
        long start = System.nanoTime();
        RulesInForce shipped = RulesInForce.of(compileShipped(TableKind.TRIGGERS, TriggerVocabulary.get()),
                compileShipped(TableKind.TAX_POLICY, TaxPolicyResolver.vocabulary()),
                compileShipped(TableKind.GUARDRAILS, GuardrailVocabulary.get()));
        current.set(shipped);
        LOG.info("Rule sets in force: {} ({} ms to compile)", shipped.versions(), (System.nanoTime() - start) / 1_000_000);
    }

    private static CompiledRuleSet compileShipped(TableKind kind, RuleVocabulary vocabulary) {
        return new RuleSetCompiler(vocabulary).compile(kind, 1, ShippedRules.workbook(kind));
    }

    /** The rule sets a request starting now works with. */
    public RulesInForce current() {
        return current.get();
    }
}
