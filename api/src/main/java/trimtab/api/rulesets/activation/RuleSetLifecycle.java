package trimtab.api.rulesets.activation;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetEvent;
import trimtab.api.rulesets.RuleSetEventType;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.rulesets.StoredRuleSet;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.RuleSetVersion;
import trimtab.engine.rules.TableKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Approval, activation and rollback of rule-set versions.
 *
 * <p>Each step checks the version's history, then writes its event and its audit entry in one transaction with the
 * table's versions locked, so that two steps on one table (two approvals of one version, an activation racing a
 * rollback) go one after the other and the second sees the first's event. A version is compiled before its
 * activation or rollback is recorded: an event naming a workbook that does not compile would leave every instance
 * unable to swap. After the commit this instance swaps at once; requests already running finish on the rule sets
 * they took when they started, and the other instances swap within their poll interval.
 *
 * <p>Who may do what (every step is a compliance officer's, authenticated; the acting user is their username, a
 * permanent id that is never reused, so four eyes compares user ids):
 * <ul>
 * <li>approval: not by the uploader (409), once per version, never for a version that was in force already;</li>
 * <li>activation: only an approved version never in force before;</li>
 * <li>rollback: only to a version that was in force before, by any named officer without a second approval: that
 *     version passed four eyes (or was shipped) when it was first activated, and in an incident the firm must be
 *     able to go back at once; the rollback is recorded with its actor and reason for review afterwards.</li>
 * </ul>
 */
@Singleton
public final class RuleSetLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetLifecycle.class);
    private static final int MAX_REASON = 1000;

    private final Transactions transactions;
    private final RuleSetStore store;
    private final RuleSetsInForce inForce;
    private final AuditTrail audit;
    private final JsonMapper json;

    RuleSetLifecycle(Transactions transactions, RuleSetStore store, RuleSetsInForce inForce, AuditTrail audit, JsonMapper json) {
        this.transactions = transactions;
        this.store = store;
        this.inForce = inForce;
        this.audit = audit;
        this.json = json;
    }

    /** What a version's history says about it. */
    private record History(StoredRuleSet stored, List<RuleSetEvent> events, int versionInForce) {
        Optional<RuleSetEvent> approval() {
            return events.stream().filter(e -> e.type() == RuleSetEventType.APPROVED).findFirst();
        }

        boolean everInForce() {
            return events.stream().anyMatch(e -> e.type().activates());
        }

        boolean inForce() {
            return stored.version() == versionInForce;
        }
    }

    /** The second officer's approval of an uploaded version. */
    public LifecycleViews.Approval approve(TableKind kind, int version, String reason, Actor approver) {
        String why = reason(reason);
        return transactions.write(connection -> {
            History history = history(connection, kind, version, true)
                    .orElseThrow(() -> ApiException.notFound(describe(kind, version)));
            StoredRuleSet stored = history.stored();
            if (history.everInForce()) {
                throw conflict("already-in-force", describe(kind, version) + (history.inForce() ? " is in force" : " was in force before")
                        + ": there is nothing left to approve" + (history.inForce() ? "" : "; roll back to it to enforce it again"));
            }
            Optional<RuleSetEvent> approved = history.approval();
            if (approved.isPresent()) {
                throw conflict("already-approved", describe(kind, version) + " was already approved by " + approved.get().actor()
                        + " on " + approved.get().occurredAt() + "; activate it");
            }
            // four eyes compares user ids (usernames are permanent and never reused)
            if (stored.uploadedBy().equals(approver.name())) {
                throw conflict("four-eyes", approver.name() + " uploaded " + describe(kind, version)
                        + " and cannot also approve it: a second compliance officer must");
            }
            AuditedLifecycleStep step = new AuditedLifecycleStep(kind.name(), RuleSetEventType.APPROVED.name(), version,
                    stored.sha256(), approver.name(), why, stored.uploadedBy(), null, null);
            long seq = append(connection, "RULE_SET_APPROVED", stored, approver, step);
            long eventId = store.addEvent(connection, kind, version, RuleSetEventType.APPROVED, approver.name(), why, seq);
            RuleSetEvent event = event(connection, kind, version, eventId);
            LOG.info("{} approved by {} (uploaded by {}): {}", describe(kind, version), approver.name(), stored.uploadedBy(), why);
            return new LifecycleViews.Approval(RuleSetTable.segment(kind), version, stored.sha256(), stored.uploadedBy(),
                    approver.name(), why, event.occurredAt(), eventId, seq);
        });
    }

    /** Puts an approved version, never in force before, in force. */
    public LifecycleViews.Activation activate(TableKind kind, int version, String reason, Actor actor) {
        String why = reason(reason);
        History before = transactions.read(connection -> history(connection, kind, version, false))
                .orElseThrow(() -> ApiException.notFound(describe(kind, version)));
        checkActivation(kind, version, before);
        compiles(kind, version, "$");
        return putInForce(kind, version, RuleSetEventType.ACTIVATED, why, actor, history -> checkActivation(kind, version, history));
    }

    /** Puts back in force a version that was in force before. */
    public LifecycleViews.Activation rollback(TableKind kind, LifecycleRequests.Rollback request, Actor actor) {
        if (request.version() == null) {
            throw ApiException.invalid("$.version", "name the version to put back in force");
        }
        int version = request.version();
        String why = reason(request.reason());
        History before = transactions.read(connection -> history(connection, kind, version, false))
                .orElseThrow(() -> ApiException.invalid("$.version", describe(kind, version) + " does not exist"));
        checkRollback(kind, version, before);
        compiles(kind, version, "$.version");
        return putInForce(kind, version, RuleSetEventType.ROLLED_BACK, why, actor, history -> checkRollback(kind, version, history));
    }

    private LifecycleViews.Activation putInForce(TableKind kind, int version, RuleSetEventType type, String why, Actor actor,
                                                 java.util.function.Consumer<History> check) {
        LifecycleViews.Activation recorded = transactions.write(connection -> {
            History history = history(connection, kind, version, true)
                    .orElseThrow(() -> ApiException.notFound(describe(kind, version)));
            check.accept(history);
            StoredRuleSet replaced = store.version(connection, kind, history.versionInForce())
                    .orElseThrow(() -> new IllegalStateException("the version in force of " + kind + " is not stored"));
            StoredRuleSet stored = history.stored();
            AuditedLifecycleStep step = new AuditedLifecycleStep(kind.name(), type.name(), version, stored.sha256(), actor.name(), why,
                    stored.uploadedBy(), replaced.version(), replaced.sha256());
            String entryType = type == RuleSetEventType.ACTIVATED ? "RULE_SET_ACTIVATED" : "RULE_SET_ROLLED_BACK";
            long seq = append(connection, entryType, stored, actor, step);
            long eventId = store.addEvent(connection, kind, version, type, actor.name(), why, seq);
            RuleSetEvent event = event(connection, kind, version, eventId);
            return new LifecycleViews.Activation(RuleSetTable.segment(kind), type.name(),
                    new LifecycleViews.VersionRef(version, stored.sha256()), new LifecycleViews.VersionRef(replaced.version(), replaced.sha256()),
                    actor.name(), why, event.occurredAt(), eventId, seq, List.of());
        });
        LOG.info("{} {} by {} (replacing version {}): {}", describe(kind, version), type, actor.name(), recorded.replaced().version(), why);
        RulesInForce now;
        try {
            inForce.refresh();
        } catch (RuntimeException e) {
            // the event is committed: the scheduled poll swaps this instance as it does the others
            LOG.warn("{} is recorded in force but this instance could not swap yet: {}", describe(kind, version), e.getMessage());
        }
        now = inForce.current();
        return new LifecycleViews.Activation(recorded.table(), recorded.event(), recorded.activated(), recorded.replaced(),
                recorded.actor(), recorded.reason(), recorded.occurredAt(), recorded.eventId(), recorded.auditSeq(),
                LifecycleViews.VersionInForce.of(now));
    }

    private static void checkActivation(TableKind kind, int version, History history) {
        if (history.inForce()) {
            throw conflict("already-in-force", describe(kind, version) + " is already in force");
        }
        if (history.everInForce()) {
            throw conflict("already-in-force", describe(kind, version) + " was in force before: roll it back to enforce it again");
        }
        if (history.approval().isEmpty()) {
            throw conflict("not-approved", describe(kind, version) + " is not approved: a second compliance officer, not its uploader "
                    + history.stored().uploadedBy() + ", must approve it before it can be activated");
        }
    }

    private static void checkRollback(TableKind kind, int version, History history) {
        if (history.inForce()) {
            throw conflict("already-in-force", describe(kind, version) + " is already in force");
        }
        if (!history.everInForce()) {
            throw conflict("never-in-force", describe(kind, version) + " was never in force, so there is nothing to roll back to: "
                    + "a new version is approved by a second officer and activated");
        }
    }

    /** The version compiles (from the cache if it was compiled before), or the request is refused with every located error. */
    private void compiles(TableKind kind, int version, String path) {
        try {
            inForce.compiled(kind, version);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(describe(kind, version));
        } catch (RuleSetRejectedException e) {
            throw ApiException.invalid(describe(kind, version) + " does not compile, so it cannot be put in force",
                    e.errors().stream().map(error -> new Problem.FieldError(path, error.located())).toList());
        }
    }

    /**
     * The version's particulars, events, and the table's version in force; with {@code lock}, the table's versions
     * are locked until the transaction ends.
     */
    private Optional<History> history(Connection connection, TableKind kind, int version, boolean lock) throws SQLException {
        if (lock) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT version FROM rule_set_version WHERE table_kind = ? FOR UPDATE")) {
                statement.setString(1, kind.name());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        // reading the rows takes their locks
                    }
                }
            }
        }
        Optional<StoredRuleSet> stored = store.version(connection, kind, version);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Integer current = store.activeVersions(connection).get(kind);
        if (current == null) {
            throw new IllegalStateException("no version of the " + kind + " table is in force");
        }
        return Optional.of(new History(stored.get(), store.events(connection, kind, version), current));
    }

    private RuleSetEvent event(Connection connection, TableKind kind, int version, long eventId) throws SQLException {
        return store.events(connection, kind, version).stream().filter(e -> e.eventId() == eventId).findFirst()
                .orElseThrow(() -> new IllegalStateException("event " + eventId + " was not written"));
    }

    private long append(Connection connection, String entryType, StoredRuleSet stored, Actor actor, AuditedLifecycleStep step)
            throws SQLException {
        RuleSetVersion version = new RuleSetVersion(stored.kind(), stored.version(), stored.sha256());
        return audit.append(connection, List.of(new AuditRecord(entryType, stored.kind() + ":" + stored.version(), actor.name(),
                RulesInForce.recorded(version), stored.sha256(), write(step)))).get(0);
    }


    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("$.reason", "give a reason: it is what the next reader of the audit trail has");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw ApiException.invalid("$.reason", "the reason may hold at most " + MAX_REASON + " characters, not " + stripped.length());
        }
        return stripped;
    }

    private static ApiException conflict(String type, String detail) {
        return new ApiException(HttpStatus.CONFLICT, type, detail, List.of());
    }

    static String describe(TableKind kind, int version) {
        return RuleSetTable.segment(kind) + " version " + version;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
