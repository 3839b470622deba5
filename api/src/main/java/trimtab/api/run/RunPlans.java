package trimtab.api.run;

import jakarta.inject.Singleton;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.web.Actor;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.TableKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * A recorded run as a worker on any instance executes it: its request as stored, and the very rule-set versions it
 * took when it was accepted (not those in force now), compiled here if this instance has not compiled them yet and
 * checked against the recorded checksums.
 */
@Singleton
final class RunPlans {
    private final RuleSetsInForce ruleSets;

    RunPlans(RuleSetsInForce ruleSets) {
        this.ruleSets = ruleSets;
    }

    RunPlan of(StoredRun run) {
        return RunPlan.of(run.runId(), new Actor(run.requestedBy()), run.requestedAt(), run.asOf(), run.dryRun(), run.households(),
                rules(run.ruleSets()));
    }

    /** The rule sets recorded as {@code KIND:version:sha256;...}. */
    RulesInForce rules(String recorded) {
        RulesInForce current = ruleSets.current();
        if (current.recorded().equals(recorded)) {
            return current;
        }
        Map<TableKind, CompiledRuleSet> sets = new EnumMap<>(TableKind.class);
        for (String part : recorded.split(";")) {
            String[] fields = part.split(":");
            TableKind kind = TableKind.valueOf(fields[0]);
            CompiledRuleSet compiled = ruleSets.compiled(kind, Integer.parseInt(fields[1]));
            if (!compiled.version().checksum().equals(fields[2])) {
                throw new IllegalStateException("the run took " + part + " but the stored " + kind + " version " + fields[1]
                        + " has checksum " + compiled.version().checksum());
            }
            sets.put(kind, compiled);
        }
        return RulesInForce.of(sets.get(TableKind.TRIGGERS), sets.get(TableKind.TAX_POLICY), sets.get(TableKind.GUARDRAILS));
    }
}
