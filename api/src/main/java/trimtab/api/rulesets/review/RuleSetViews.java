package trimtab.api.rulesets.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.rulesets.RuleSetEvent;
import trimtab.api.rulesets.StoredRuleSet;
import trimtab.api.rulesets.upload.RuleSetTables;

import java.time.Instant;
import java.util.List;

/** What the review endpoints answer with. */
public final class RuleSetViews {
    private RuleSetViews() {
    }

    /**
     * A table and the version in force, with who put it in force, when and why.
     *
     * @param activation    ACTIVATED, or ROLLED_BACK when an earlier version was put back
     * @param latestVersion the newest version stored (it may be a draft awaiting approval)
     */
    @Serdeable
    public record TableInForce(String table, String title, int version, String fileName, String sha256, int ruleCount,
                               String activation, String activatedBy, Instant activatedAt, String reason, int latestVersion,
                               String versions) {
    }

    /** One version's particulars: who uploaded it, when and why, its checksum, rule count and lifecycle state. */
    @Serdeable
    public record VersionSummary(String table, int version, LifecycleState state, String fileName, String sha256, int ruleCount,
                                 String uploadedBy, Instant uploadedAt, String comment, String self) {
        static VersionSummary of(StoredRuleSet stored, LifecycleState state) {
            String table = RuleSetTables.slug(stored.kind());
            return new VersionSummary(table, stored.version(), state, stored.fileName(), stored.sha256(), stored.ruleCount(),
                    stored.uploadedBy(), stored.uploadedAt(), stored.comment(), RuleSetViews.self(table, stored.version()));
        }
    }

    /** A version with its events, oldest first, and where to read its workbook, rules, diff and validation. */
    @Serdeable
    public record VersionDetail(String table, int version, LifecycleState state, String fileName, String sha256, int ruleCount,
                                String uploadedBy, Instant uploadedAt, String comment, List<EventView> events, Links links) {
        static VersionDetail of(StoredRuleSet stored, LifecycleState state, List<RuleSetEvent> events) {
            String table = RuleSetTables.slug(stored.kind());
            return new VersionDetail(table, stored.version(), state, stored.fileName(), stored.sha256(), stored.ruleCount(),
                    stored.uploadedBy(), stored.uploadedAt(), stored.comment(), events.stream().map(EventView::of).toList(),
                    Links.of(table, stored.version()));
        }
    }

    /** An approval, activation or rollback: by whom, when, why, and its audit entry. */
    @Serdeable
    public record EventView(long eventId, String type, String actor, Instant occurredAt, String reason, long auditSeq) {
        static EventView of(RuleSetEvent event) {
            return new EventView(event.eventId(), event.type().name(), event.actor(), event.occurredAt(), event.reason(), event.auditSeq());
        }
    }

    @Serdeable
    public record Links(String workbook, String drl, String diff, String validation, @Nullable String versions) {
        static Links of(String table, int version) {
            String self = RuleSetViews.self(table, version);
            return new Links(self + "/workbook", self + "/drl", self + "/diff?against=active", self + "/validation",
                    "/api/v1/rule-sets/" + table + "/versions");
        }
    }

    static String self(String table, int version) {
        return "/api/v1/rule-sets/" + table + "/versions/" + version;
    }
}
