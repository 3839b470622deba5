package trimtab.api.rulesets;

import trimtab.engine.guardrail.GuardrailVocabulary;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleVocabulary;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.taxpolicy.TaxPolicyResolver;
import trimtab.engine.trigger.TriggerVocabulary;

/** Compiles a workbook of any table kind with the vocabulary of its facts. */
public final class RuleSetCompilers {
    private RuleSetCompilers() {
    }

    public static RuleVocabulary vocabulary(TableKind kind) {
        return switch (kind) {
            case TRIGGERS -> TriggerVocabulary.get();
            case TAX_POLICY -> TaxPolicyResolver.vocabulary();
            case GUARDRAILS -> GuardrailVocabulary.get();
        };
    }

    /** @throws trimtab.engine.rules.RuleSetRejectedException with every located error when it does not compile */
    public static CompiledRuleSet compile(TableKind kind, int version, Workbook workbook) {
        return new RuleSetCompiler(vocabulary(kind)).compile(kind, version, workbook);
    }
}
