package trimtab.api.rulesets.upload;

import jakarta.inject.Singleton;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.rulesets.StoredRuleSet;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleRef;
import trimtab.engine.rules.RuleSetVersion;
import trimtab.engine.rules.TableKind;
import trimtab.scenario.ScenarioResult;
import trimtab.scenario.ScenarioSuite;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a compiled version beyond compiling: runs the packaged scenario suite with the rules in force and with the
 * version in place of its table's set, and reports the scenarios whose outcome changes, the rule ids it adds or
 * removes, and whether the same bytes are already stored. Nothing here refuses: a compliance officer may mean the
 * change, and an approver reads the report.
 */
@Singleton
public final class CandidateValidation {
    /** Outcomes with the rules in force, per table changed and set in force: the same for every upload until an activation. */
    private static final int IN_FORCE_RUNS_KEPT = 6;

    private final Map<String, List<ScenarioResult>> inForceOutcomes = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ScenarioResult>> eldest) {
            return size() > IN_FORCE_RUNS_KEPT;
        }
    };

    /**
     * @param stored the table's stored versions, to recognise bytes uploaded before (the candidate itself is skipped)
     */
    public ValidationReport check(CompiledRuleSet candidate, RulesInForce inForce, List<StoredRuleSet> stored) {
        RuleSetVersion version = candidate.version();
        TableKind kind = version.kind();
        ScenarioSuite.RuleSets sets = new ScenarioSuite.RuleSets(inForce.triggers(), inForce.taxPolicy(), inForce.guardrails());
        List<ScenarioResult> before = inForceOutcomes(kind, inForce, sets);
        List<ScenarioResult> after = ScenarioSuite.run(kind, sets.with(candidate));

        List<ValidationReport.Warning> warnings = new ArrayList<>();
        List<ValidationReport.ScenarioChange> changes = scenarioChanges(before, after, warnings);
        ruleChanges(inForce(kind, inForce), candidate, warnings);
        stored.stream().filter(s -> s.version() != version.version() && s.sha256().equals(version.checksum())).findFirst()
                .ifPresent(same -> warnings.add(new ValidationReport.Warning(ValidationReport.WarningKind.SAME_AS_STORED_VERSION,
                        "this file has the very bytes of version " + same.version() + ", uploaded by " + same.uploadedBy()
                                + " (\"" + same.comment() + "\")")));

        List<ValidationReport.RuleSetRef> against = inForce.versions().stream()
                .map(v -> new ValidationReport.RuleSetRef(RuleSetTables.slug(v.kind()), v.version(), v.checksum())).toList();
        ValidationReport.Scenarios scenarios = new ValidationReport.Scenarios(after.size(),
                (int) before.stream().filter(ScenarioResult::passed).count(),
                (int) after.stream().filter(ScenarioResult::passed).count(), changes);
        return new ValidationReport(RuleSetTables.slug(kind), version.version(), candidate.workbookName(), version.checksum(),
                candidate.ruleCount(), Instant.now().truncatedTo(ChronoUnit.MICROS), against, warnings, scenarios, true);
    }

    private List<ScenarioResult> inForceOutcomes(TableKind kind, RulesInForce inForce, ScenarioSuite.RuleSets sets) {
        String key = kind + "|" + inForce.recorded();
        synchronized (inForceOutcomes) {
            List<ScenarioResult> known = inForceOutcomes.get(key);
            if (known != null) {
                return known;
            }
        }
        List<ScenarioResult> outcomes = List.copyOf(ScenarioSuite.run(kind, sets));
        synchronized (inForceOutcomes) {
            inForceOutcomes.put(key, outcomes);
        }
        return outcomes;
    }

    private static List<ValidationReport.ScenarioChange> scenarioChanges(List<ScenarioResult> before, List<ScenarioResult> after,
                                                                         List<ValidationReport.Warning> warnings) {
        Map<String, ScenarioResult> inForce = new LinkedHashMap<>();
        before.forEach(r -> inForce.put(r.file() + "|" + r.name(), r));
        List<ValidationReport.ScenarioChange> changes = new ArrayList<>();
        for (ScenarioResult now : after) {
            ScenarioResult was = inForce.get(now.file() + "|" + now.name());
            if (was == null || was.passed() == now.passed()) {
                continue;
            }
            changes.add(new ValidationReport.ScenarioChange(now.file(), now.name(), outcome(was), outcome(now), now.problems()));
            String where = "scenario \"" + now.name() + "\" (" + now.file() + ")";
            if (now.passed()) {
                warnings.add(new ValidationReport.Warning(ValidationReport.WarningKind.SCENARIO_NOW_PASSES, capitalised(where)
                        + " fails with the rules in force but passes with this version"));
            } else {
                warnings.add(new ValidationReport.Warning(ValidationReport.WarningKind.SCENARIO_NOW_FAILS, capitalised(where)
                        + " passes with the rules in force but fails with this version: " + String.join("; ", now.problems())));
            }
        }
        return changes;
    }

    private static void ruleChanges(CompiledRuleSet inForce, CompiledRuleSet candidate, List<ValidationReport.Warning> warnings) {
        Set<String> was = ruleIds(inForce);
        Set<String> now = ruleIds(candidate);
        List<String> removed = was.stream().filter(id -> !now.contains(id)).toList();
        List<String> added = now.stream().filter(id -> !was.contains(id)).toList();
        String version = "version " + inForce.version().version();
        if (!removed.isEmpty()) {
            warnings.add(new ValidationReport.Warning(ValidationReport.WarningKind.RULES_REMOVED, removed.size()
                    + " rule(s) of " + version + " in force are not in this version: " + String.join(", ", removed)));
        }
        if (!added.isEmpty()) {
            warnings.add(new ValidationReport.Warning(ValidationReport.WarningKind.RULES_ADDED, added.size()
                    + " rule(s) are new in this version (not in " + version + " in force): " + String.join(", ", added)));
        }
    }

    private static Set<String> ruleIds(CompiledRuleSet set) {
        Set<String> ids = new LinkedHashSet<>();
        set.rules().stream().map(RuleRef::ruleId).forEach(ids::add);
        return ids;
    }

    private static CompiledRuleSet inForce(TableKind kind, RulesInForce rules) {
        return switch (kind) {
            case TRIGGERS -> rules.triggers();
            case TAX_POLICY -> rules.taxPolicy();
            case GUARDRAILS -> rules.guardrails();
        };
    }

    private static String outcome(ScenarioResult result) {
        return result.passed() ? "PASS" : "FAIL";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
