package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.explain.ViolationView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON answers of the run endpoints. */
public final class RunViews {
    private RunViews() {
    }

    /** The answer to POST /api/v1/runs: the run is accepted and running in the background. */
    @Serdeable
    public record RunAccepted(String runId, RunStatus status, LocalDate asOf, boolean dryRun, int householdsTotal,
                              Map<String, String> links) {
    }

    /**
     * A run's status, read from MariaDB: RUNNING until its FINISHED or FAILED event; progress counts the households
     * recorded; the summary is there once it has finished.
     */
    @Serdeable
    public record RunView(String runId, RunStatus status, LocalDate asOf, boolean dryRun, String requestedBy, Instant requestedAt,
                          List<RuleSetView> ruleSets, Progress progress, @Nullable Instant endedAt, @Nullable String failure,
                          @Nullable RunSummary summary, Map<String, String> links) {
    }

    @Serdeable
    public record Progress(int householdsDone, int householdsTotal) {
    }

    /** One rule set a run used: TRIGGERS, TAX_POLICY or GUARDRAILS, its version and the SHA-256 of its workbook. */
    @Serdeable
    public record RuleSetView(String kind, int version, String checksum) {
        public static List<RuleSetView> parse(String recorded) {
            return java.util.Arrays.stream(recorded.split(";")).filter(s -> !s.isBlank()).map(s -> {
                String[] parts = s.split(":", 3);
                return new RuleSetView(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "");
            }).toList();
        }
    }

    /**
     * What a finished run decided.
     *
     * @param householdsByDecision households per decision (SUSPEND, REVIEW, RAISE_CASH, REBALANCE, HARVEST, INVEST_CASH)
     * @param tradesByVerdict      proposed trades per verdict (PASS, WARN, REQUIRE_APPROVAL, BLOCK), blocked ones included
     * @param awaitingApproval     trades that REQUIRE_APPROVAL and have no decision yet
     */
    @Serdeable
    public record RunSummary(int householdsTriggered, Map<String, Integer> householdsByDecision, int householdsWithoutTrigger,
                             int householdsFailed, int tradesProposed, Map<String, Integer> tradesByVerdict, int blockedTrades,
                             int awaitingApproval, BigDecimal estimatedTax, BigDecimal harvestedLosses) {
    }

    /** A household in the list of a run's households. */
    @Serdeable
    public record HouseholdRow(String householdId, String advisorId, @Nullable String decision, String course, int tradeCount,
                               int blockedCount, List<DriftView> drift, List<HitSummary> hits, @Nullable String error,
                               Map<String, String> links) {
    }

    /** A trigger hit in a list: its rule, action, scope and message. */
    @Serdeable
    public record HitSummary(String ruleId, String action, String scope, String message) {
    }

    /** A household's full result in a run. */
    @Serdeable
    public record HouseholdDetail(String runId, String householdId, String advisorId, @Nullable String decision, String course,
                                  List<String> heldBy, @Nullable String error, List<String> notes, List<DriftView> driftBefore,
                                  List<HitView> hits, List<HouseholdResult.PolicyView> policies, List<HouseholdResult.PlanView> plans,
                                  List<TradeRow> trades, List<TradeRow> blocked, BigDecimal estimatedTax, BigDecimal harvestedLosses,
                                  BigDecimal realisedShortTerm, BigDecimal realisedLongTerm, String inputHash) {
    }

    /**
     * A proposed trade with its verdict and the latest approval.
     *
     * @param tradable true when it may go into the order export: PASS or WARN, or REQUIRE_APPROVAL and approved
     */
    @Serdeable
    public record TradeRow(String tradeId, String runId, String householdId, String accountId, String custodian, String symbol,
                           String side, BigDecimal quantity, BigDecimal price, BigDecimal notional, String assetClass, String purpose,
                           String reason, List<String> triggeredBy, String verdict, String screeningVerdict,
                           @Nullable String heldBecause, List<ViolationView> violations, boolean replannedAround,
                           ApprovalStatus approval, boolean tradable, Map<String, String> links) {
        public static TradeRow of(StoredTrade t) {
            TradeExplanation e = t.explanation();
            return new TradeRow(t.tradeId(), t.runId(), t.householdId(), t.accountId(), t.custodian(), t.symbol(), t.side(),
                    t.quantity(), t.price(), t.notional(), e.assetClass(), t.purpose(), e.reason(), e.triggeredBy(), t.verdict(),
                    e.screeningVerdict(), e.heldBecause(), e.violations(), e.replannedAround(), ApprovalStatus.of(t), t.tradable(),
                    Map.of("why", "/api/v1/trades/" + t.tradeId() + "/why", "approval", "/api/v1/trades/" + t.tradeId() + "/approval"));
        }
    }

    /**
     * Where a trade stands on approval: NOT_REQUIRED (PASS, WARN), PENDING, APPROVED or REJECTED (REQUIRE_APPROVAL),
     * BLOCKED (never routed); who decided, why and when.
     */
    @Serdeable
    public record ApprovalStatus(ApprovalState state, @Nullable String decidedBy, @Nullable String reason, @Nullable Instant decidedAt) {
        public static ApprovalStatus of(StoredTrade trade) {
            return trade.latestApproval().map(a -> new ApprovalStatus(trade.approvalState(), a.actor(), a.reason(), a.decidedAt()))
                    .orElseGet(() -> new ApprovalStatus(trade.approvalState(), null, null, null));
        }
    }
}
