package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a run decided for one household, as stored in {@code run_household.result} and in its audit entry: drift
 * before, every trigger hit with its explanation, the decision and what it does with the trades, the tax policy
 * of each account, and per planned portfolio the mode, drift after, residual drift and the ids of its trades (the
 * trades themselves are rows of {@code proposed_trade}).
 *
 * @param decision  SUSPEND, REVIEW, RAISE_CASH, REBALANCE, HARVEST or INVEST_CASH; null when nothing fired
 * @param course    NO_TRADES, AUTOMATED or HELD_FOR_APPROVAL
 * @param heldBy    the rule ids of the SUSPEND or REVIEW hits that hold the trades for approval
 * @param error     why the household could not be evaluated or planned; nothing is proposed then
 * @param inputHash SHA-256 of the household's inputs (its book and the prices it was valued at)
 */
@Serdeable
public record HouseholdResult(String householdId, String advisorId, @Nullable String decision, String course,
                              List<DriftView> driftBefore, List<HitView> hits, List<String> heldBy, List<PolicyView> policies,
                              List<PlanView> plans, List<String> notes, @Nullable String error, BigDecimal estimatedTax,
                              BigDecimal harvestedLosses, BigDecimal realisedShortTerm, BigDecimal realisedLongTerm,
                              int tradeCount, int blockedCount, String inputHash) {

    /** The plan of one portfolio. */
    @Serdeable
    public record PlanView(String scope, String action, String drivenBy, String mode, String modeReason, DriftView driftAfter,
                           List<ResidualView> residuals, List<SwapBackView> swapBacks, BigDecimal estimatedTax,
                           BigDecimal harvestedLosses, BigDecimal realisedShortTerm, BigDecimal realisedLongTerm,
                           List<String> tradeIds, List<String> blockedTradeIds) {
    }

    /** Drift left outside its band after the plan, and why it could not be traded away. */
    @Serdeable
    public record ResidualView(String assetClass, BigDecimal driftPts, String reason) {
    }

    /** The trade back from a harvest substitute to the original security, allowed from {@code notBefore}. */
    @Serdeable
    public record SwapBackView(String accountId, String substitute, BigDecimal quantity, String original, LocalDate notBefore) {
    }

    /** The tax policy an account was planned with, and the tax-policy rows it came from. */
    @Serdeable
    public record PolicyView(String accountId, String lotMethod, BigDecimal gainBudget, BigDecimal shortTermGainCap,
                             BigDecimal harvestLossPct, BigDecimal harvestLossAmount, String washSaleScope, String rebalanceMode,
                             List<String> decidedBy) {
    }
}
