package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.explain.ViolationView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Why a proposed trade is there and what was decided about it, as stored in {@code proposed_trade.explanation}.
 *
 * @param portfolio       the portfolio it was planned for: "household H-1001" or "account ACC-7"
 * @param reason          the planner's reason in words
 * @param purpose         REBALANCE, HARVEST or SUBSTITUTE
 * @param triggeredBy     the rule ids of the trigger hits behind it
 * @param screeningVerdict the guardrails' verdict
 * @param verdict         the verdict that counts: the guardrails', raised to REQUIRE_APPROVAL when the household's
 *                        decision holds its trades
 * @param heldBecause     why it waits for approval beyond its guardrail verdict, if it does
 * @param replannedAround true when the guardrails blocked it and the planner planned around it
 * @param lots            for a sale in a taxable account, the lots it relieves
 */
@Serdeable
public record TradeExplanation(String portfolio, String assetClass, String purpose, String reason, List<String> triggeredBy,
                               String screeningVerdict, String verdict, @Nullable String heldBecause, List<ViolationView> violations,
                               boolean replannedAround, List<LotView> lots) {

    /** Shares of one lot a sale relieves, with its basis, proceeds and gain (negative: a loss). */
    @Serdeable
    public record LotView(String lotId, BigDecimal quantity, LocalDate acquired, BigDecimal basis, BigDecimal proceeds,
                          BigDecimal gain, String term) {
    }
}
