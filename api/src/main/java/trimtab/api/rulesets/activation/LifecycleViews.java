package trimtab.api.rulesets.activation;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.rulesets.RulesInForce;
import trimtab.engine.rules.CompiledRuleSet;

import java.time.Instant;
import java.util.List;

/** What the lifecycle endpoints answer. */
public final class LifecycleViews {
    private LifecycleViews() {
    }

    /** One table's version in force on the instance that answers. */
    @Serdeable
    public record VersionInForce(String table, int version, String sha256, int ruleCount, String workbook) {
        static VersionInForce of(CompiledRuleSet ruleSet) {
            return new VersionInForce(RuleSetTable.segment(ruleSet.version().kind()), ruleSet.version().version(),
                    ruleSet.version().checksum(), ruleSet.ruleCount(), ruleSet.workbookName());
        }

        public static List<VersionInForce> of(RulesInForce rules) {
            return List.of(of(rules.triggers()), of(rules.taxPolicy()), of(rules.guardrails()));
        }
    }

    /** A version and its checksum. */
    @Serdeable
    public record VersionRef(int version, String sha256) {
    }

    /** 201 to an approval. */
    @Serdeable
    public record Approval(String table, int version, String sha256, String uploadedBy, String approvedBy, String reason,
                           Instant approvedAt, long eventId, long auditSeq) {
    }

    /**
     * 200 to an activation or a rollback.
     *
     * @param event    ACTIVATED or ROLLED_BACK
     * @param replaced the version that was in force before
     * @param inForce  what this instance enforces now, every table; the other instances follow within their poll interval
     */
    @Serdeable
    public record Activation(String table, String event, VersionRef activated, VersionRef replaced, String actor, String reason,
                             Instant occurredAt, long eventId, long auditSeq, List<VersionInForce> inForce) {
    }
}
