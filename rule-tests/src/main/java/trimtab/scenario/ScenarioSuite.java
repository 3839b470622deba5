package trimtab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.TableKind;
import trimtab.rules.ShippedRules;

/**
 * Runs the packaged scenarios a table's change can affect against a set of compiled rule sets, and returns every
 * scenario's outcome: what a service runs on a candidate workbook (and on the rules in force, to compare) before
 * anyone activates it. A change to the triggers affects the trigger scenarios; to the guardrails, the guardrail
 * scenarios and the planner scenarios that screen their proposals; to the tax policy, the planner scenarios.
 */
public final class ScenarioSuite {
    private static volatile ReferenceData reference;

    private ScenarioSuite() {
    }

    /** One compiled rule set per table: the rules in force, or the rules in force with a candidate in its table. */
    public record RuleSets(CompiledRuleSet triggers, CompiledRuleSet taxPolicy, CompiledRuleSet guardrails) {
        public RuleSets {
            Objects.requireNonNull(triggers, "triggers");
            Objects.requireNonNull(taxPolicy, "tax policy");
            Objects.requireNonNull(guardrails, "guardrails");
            require(triggers, TableKind.TRIGGERS);
            require(taxPolicy, TableKind.TAX_POLICY);
            require(guardrails, TableKind.GUARDRAILS);
        }

        /** These sets with the candidate in place of the set of its table. */
        public RuleSets with(CompiledRuleSet candidate) {
            return switch (candidate.version().kind()) {
                case TRIGGERS -> new RuleSets(candidate, taxPolicy, guardrails);
                case TAX_POLICY -> new RuleSets(triggers, candidate, guardrails);
                case GUARDRAILS -> new RuleSets(triggers, taxPolicy, candidate);
            };
        }

        private static void require(CompiledRuleSet set, TableKind kind) {
            if (set.version().kind() != kind) {
                throw new IllegalArgumentException("a " + set.version().kind() + " rule set given as the " + kind + " one");
            }
        }
    }

    /** The scenario folders (by the table their files name) whose outcome a change to {@code changed} can alter. */
    public static Set<TableKind> scenariosAffectedBy(TableKind changed) {
        return switch (changed) {
            case TRIGGERS -> Set.of(TableKind.TRIGGERS);
            case GUARDRAILS -> Set.of(TableKind.GUARDRAILS, TableKind.TAX_POLICY);
            case TAX_POLICY -> Set.of(TableKind.TAX_POLICY);
        };
    }

    /** Runs every packaged scenario a change to {@code changed} can affect, in file and scenario order. */
    public static List<ScenarioResult> run(TableKind changed, RuleSets rules) {
        Set<TableKind> affected = scenariosAffectedBy(changed);
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioFile file : ScenarioCatalog.packaged()) {
            if (!affected.contains(file.table())) {
                continue;
            }
            ScenarioRunner runner = runner(file.table(), rules);
            for (ScenarioFile.Scenario scenario : file.scenarios()) {
                results.add(runSafely(runner, file, scenario));
            }
        }
        return results;
    }

    /** A rule that throws while it runs (an uploaded workbook may hold one) fails its scenario rather than the suite. */
    private static ScenarioResult runSafely(ScenarioRunner runner, ScenarioFile file, ScenarioFile.Scenario scenario) {
        try {
            return runner.run(file, scenario);
        } catch (RuntimeException e) {
            String reason = "the rules failed while running this scenario: " + e;
            return new ScenarioResult(file.path().toString(), scenario.name(), List.of(), List.of("error: " + e), List.of(reason));
        }
    }

    /** The runner for the scenarios of a table: trigger, guardrail, or planner (tax policy screened by the guardrails). */
    public static ScenarioRunner runner(TableKind table, RuleSets rules) {
        return switch (table) {
            case TRIGGERS -> new TriggerScenarioRunner(rules.triggers(), reference());
            case GUARDRAILS -> new GuardrailScenarioRunner(rules.guardrails(), reference());
            case TAX_POLICY -> new PlannerScenarioRunner(rules.taxPolicy(), rules.guardrails(), reference());
        };
    }

    private static ReferenceData reference() {
        ReferenceData data = reference;
        if (data == null) {
            data = ShippedRules.referenceData();
            reference = data;
        }
        return data;
    }
}
