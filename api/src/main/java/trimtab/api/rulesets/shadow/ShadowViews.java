package trimtab.api.rulesets.shadow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What a shadow run answers: the candidate, what it was compared with, and the difference per household. */
public final class ShadowViews {
    private ShadowViews() {
    }

    /**
     * @param candidate the version evaluated beside the one in force
     * @param inForce   the versions in force it was compared with, as recorded with decisions ("TRIGGERS:1:sha;...")
     * @param changes   the households whose outcome differs, in book order; the others are only counted
     * @param auditSeq  the RULE_SET_SHADOW_RUN audit entry that records this run
     */
    @Serdeable
    public record ShadowReport(String table, Candidate candidate, String inForce, String asOf, Totals totals,
                               List<HouseholdChange> changes, long elapsedMillis, long auditSeq) {
    }

    @Serdeable
    public record Candidate(int version, String sha256, int ruleCount, String uploadedBy, String comment) {
    }

    /**
     * Counts over every household evaluated. Verdict counts are over every trade of the outcome, including those
     * the planner re-planned around.
     */
    @Serdeable
    public record Totals(int householdsEvaluated, int householdsChanged, int householdsUnchanged, int triggersGained,
                         int triggersLost, int decisionsChanged, int tradesAdded, int tradesRemoved, int tradesChanged,
                         int verdictsChanged, Map<String, Integer> verdictsInForce, Map<String, Integer> verdictsCandidate) {
    }

    /** How one household's outcome differs under the candidate; only the parts that differ are filled. */
    @Serdeable
    public record HouseholdChange(String householdId, String advisorId, List<Hit> triggersGained, List<Hit> triggersLost,
                                  @Nullable DecisionChange decision, List<Trade> tradesAdded, List<Trade> tradesRemoved,
                                  List<TradeChange> tradesChanged, List<VerdictChange> verdictsChanged,
                                  @Nullable ErrorChange error) {
    }

    /** A trigger hit: the row that fired and its sentence. */
    @Serdeable
    public record Hit(String ruleId, String action, int priority, String scope, @Nullable String assetClass, @Nullable String lot,
                      String message, String sheet, int row) {
    }

    /** The household's decision (REBALANCE, REVIEW, ...; null when nothing fired) in force and under the candidate. */
    @Serdeable
    public record DecisionChange(@Nullable String before, @Nullable String after) {
    }

    /** A trade with its verdict and the guardrail rows behind it. */
    @Serdeable
    public record Trade(String accountId, String symbol, String side, String purpose, BigDecimal quantity, BigDecimal price,
                        BigDecimal notional, String verdict, List<String> ruleIds, boolean replannedAround) {
    }

    /** The same trade (account, symbol, side, purpose) planned with another quantity. */
    @Serdeable
    public record TradeChange(String accountId, String symbol, String side, String purpose, BigDecimal quantityBefore,
                              BigDecimal quantityAfter, BigDecimal notionalBefore, BigDecimal notionalAfter) {
    }

    /** The same trade judged otherwise: another verdict, or the same verdict for other rows. */
    @Serdeable
    public record VerdictChange(String accountId, String symbol, String side, String purpose, BigDecimal quantity,
                                String verdictBefore, String verdictAfter, List<String> ruleIdsBefore, List<String> ruleIdsAfter) {
    }

    /** The household could be evaluated under one rule set and not the other (or for another reason). */
    @Serdeable
    public record ErrorChange(@Nullable String before, @Nullable String after) {
    }
}
