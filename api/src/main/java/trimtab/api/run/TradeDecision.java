package trimtab.api.run;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** The audit trail's record of one proposed trade and its verdict (entry type TRADE_DECISION). */
@Serdeable
record TradeDecision(String tradeId, String runId, boolean dryRun, String householdId, String accountId, String custodian,
                     String symbol, String side, BigDecimal quantity, BigDecimal price, BigDecimal notional, String verdict,
                     TradeExplanation explanation) {
}
