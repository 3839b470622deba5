package trimtab.api.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.explain.ViolationView;
import trimtab.api.run.HitView;
import trimtab.api.run.RunViews;
import trimtab.api.run.TradeExplanation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an advisor needs to understand a proposed trade and decide on it.
 *
 * @param summary     the whole story in a few sentences: the trade, why it is there, its verdict and why
 * @param reason      the planner's reason for it, in words
 * @param triggers    the trigger hits that started it (the rows named by {@code triggeredBy}), explained
 * @param heldBy      the SUSPEND or REVIEW hits that hold it for approval, explained; empty unless held
 * @param violations  each guardrail row it breaks, in plain language, with workbook, sheet, row and rule id and the
 *                    facts the row saw
 * @param ruleSets    the rule-set versions and checksums the run decided with
 * @param approvals   every decision on it, oldest first
 */
@Serdeable
public record TradeWhy(String tradeId, String summary, Trade trade, String reason, String purpose, String portfolio, Run run,
                       @Nullable String householdDecision, List<String> triggeredBy, List<HitView> triggers, String verdict,
                       String screeningVerdict, @Nullable String heldBecause, List<HitView> heldBy, List<ViolationView> violations,
                       boolean replannedAround, List<TradeExplanation.LotView> lots, List<RunViews.RuleSetView> ruleSets,
                       RunViews.ApprovalStatus approval, List<ApprovalView> approvals, boolean tradable) {

    /** The trade itself. */
    @Serdeable
    public record Trade(String householdId, String accountId, String custodian, String symbol, String side, BigDecimal quantity,
                        BigDecimal price, BigDecimal notional, String assetClass) {
    }

    /** The run that proposed it. */
    @Serdeable
    public record Run(String runId, LocalDate asOf, boolean dryRun, String link) {
    }
}
