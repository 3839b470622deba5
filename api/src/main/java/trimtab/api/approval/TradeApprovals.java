package trimtab.api.approval;

import trimtab.api.bookstore.HouseholdAdvisors;
import trimtab.api.security.HouseholdScope;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.Hashes;
import trimtab.api.database.MultiRowInsert;
import trimtab.api.database.Transactions;
import trimtab.api.run.ProposedTrades;
import trimtab.api.run.Runs;
import trimtab.api.run.StoredRun;
import trimtab.api.run.StoredTrade;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records an advisor's approval or rejection of a trade that REQUIRES_APPROVAL. A decision is final: the trade's row
 * is locked while it is decided, so of two concurrent decisions the second finds the first and is refused.
 */
@Singleton
final class TradeApprovals {
    private static final int MAX_REASON = 500;

    private final Transactions transactions;
    private final ProposedTrades trades;
    private final Runs runs;
    private final AuditTrail audit;
    private final JsonMapper json;

    private final HouseholdAdvisors advisors;

    TradeApprovals(Transactions transactions, ProposedTrades trades, Runs runs, AuditTrail audit, JsonMapper json,
                   HouseholdAdvisors advisors) {
        this.advisors = advisors;
        this.transactions = transactions;
        this.trades = trades;
        this.runs = runs;
        this.audit = audit;
        this.json = json;
    }

    /** Records an advisor's decision on a trade of one of their households (any other trade is unknown to them). */
    ApprovalView decide(String tradeId, ApprovalRequest request, Actor actor, HouseholdScope scope) {
        if (trades.find(tradeId).filter(t -> advisors.visible(scope, t.householdId())).isEmpty()) {
            throw ApiException.notFound("trade " + tradeId);
        }
        String decision = request.decision() == null ? null : request.decision().strip();
        String reason = request.reason() == null ? "" : request.reason().strip();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
            errors.add(new Problem.FieldError("$.decision", "decision must be APPROVED or REJECTED"
                    + (decision == null ? "" : ", not " + decision)));
        }
        if (reason.isEmpty()) {
            errors.add(new Problem.FieldError("$.reason", "a reason is required: say why the trade is approved or rejected"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new Problem.FieldError("$.reason", "the reason is " + reason.length() + " characters long; at most "
                    + MAX_REASON + " are kept"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.get(0).message(), errors);
        }
        return transactions.write(connection -> {
            StoredTrade trade = trades.lock(connection, tradeId).orElseThrow(() -> ApiException.notFound("trade " + tradeId));
            if (trade.dryRun()) {
                throw ApiException.conflict("trade " + tradeId + " belongs to dry run " + trade.runId()
                        + ": the trades of a dry run cannot be approved");
            }
            if (!trade.verdict().equals("REQUIRE_APPROVAL")) {
                throw ApiException.conflict("trade " + tradeId + " has the verdict " + trade.verdict()
                        + ": only trades that REQUIRE_APPROVAL are approved or rejected");
            }
            if (trade.latestApproval().isPresent()) {
                StoredTrade.Approval earlier = trade.latestApproval().get();
                throw ApiException.conflict("trade " + tradeId + " was already " + earlier.decision() + " by " + earlier.actor()
                        + " at " + earlier.decidedAt() + ": a decision is final");
            }
            StoredRun run = runs.find(connection, trade.runId()).orElseThrow();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("tradeId", tradeId);
            payload.put("runId", trade.runId());
            payload.put("decision", decision);
            payload.put("reason", reason);
            payload.put("decidedBy", actor.name());
            payload.put("decidedAt", now.toString());
            payload.put("tradeDecisionAuditSeq", trade.auditSeq());
            String payloadJson = write(payload);
            // the inputs: the trade as its TRADE_DECISION entry recorded it, and what the advisor sent
            String inputHash = Hashes.sha256(tradeId + "\n" + trade.auditSeq() + "\n" + decision + "\n" + reason);
            long seq = audit.append(connection, List.of(new AuditRecord("TRADE_APPROVAL", tradeId, actor.name(), run.ruleSets(),
                    inputHash, payloadJson))).get(0);
            MultiRowInsert.into("trade_approval", "trade_id", "decision", "reason", "actor", "decided_at", "audit_seq")
                    .row(tradeId, decision, reason, actor.name(), now, seq).execute(connection);
            return new ApprovalView(tradeId, decision, reason, actor.name(), now, seq);
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
