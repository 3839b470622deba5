package trimtab.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import trimtab.engine.guardrail.GuardrailVocabulary;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleVocabulary;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

/** The shipped workbooks, compiled once per test run, and the scenario files written for them. */
final class ShippedScenarios {
    static final Path ROOT = Path.of(System.getProperty("trimtab.scenarios", "scenarios"));
    private static final Map<TableKind, CompiledRuleSet> COMPILED = new EnumMap<>(TableKind.class);

    private ShippedScenarios() {
    }

    /** Planner scenarios test the tax-policy workbook through the planner: they live in scenarios/planner. */
    static Path folder(TableKind kind) {
        return ROOT.resolve(kind == TableKind.TAX_POLICY ? "planner" : kind.name().toLowerCase(Locale.ROOT));
    }

    static List<ScenarioFile> files(TableKind kind) {
        try {
            return RunScenario.scenarioFiles(List.of(folder(kind))).stream().map(ScenarioFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized CompiledRuleSet compiled(TableKind kind) {
        return COMPILED.computeIfAbsent(kind, k -> compile(k, ShippedRules.workbook(k)));
    }

    static CompiledRuleSet compile(TableKind kind, Workbook workbook) {
        return new RuleSetCompiler(vocabulary(kind)).compile(kind, 1, workbook);
    }

    /** Each account's policy from the shipped tax-policy workbook. */
    static java.util.Map<trimtab.engine.book.AccountId, trimtab.engine.taxpolicy.TaxPolicy> policies(
            trimtab.engine.book.Household household, trimtab.engine.book.BookSnapshot book) {
        return new trimtab.engine.taxpolicy.TaxPolicyResolver(compiled(TableKind.TAX_POLICY)).resolve(household, book).stream()
                .collect(java.util.stream.Collectors.toMap(trimtab.engine.taxpolicy.TaxPolicy::account, p -> p));
    }

    static RuleVocabulary vocabulary(TableKind kind) {
        return switch (kind) {
            case GUARDRAILS -> GuardrailVocabulary.get();
            case TRIGGERS -> TriggerVocabulary.get();
            case TAX_POLICY -> trimtab.engine.taxpolicy.TaxPolicyResolver.vocabulary();
        };
    }

    static ScenarioRunner runner(TableKind kind, CompiledRuleSet rules) {
        return switch (kind) {
            case GUARDRAILS -> new GuardrailScenarioRunner(rules, ShippedRules.referenceData());
            case TRIGGERS -> new TriggerScenarioRunner(rules, ShippedRules.referenceData());
            case TAX_POLICY -> new PlannerScenarioRunner(rules, compiled(TableKind.GUARDRAILS), ShippedRules.referenceData());
        };
    }
}
