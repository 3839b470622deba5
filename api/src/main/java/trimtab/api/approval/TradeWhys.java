package trimtab.api.approval;

import trimtab.api.bookstore.HouseholdAdvisors;
import trimtab.api.security.HouseholdScope;

import jakarta.inject.Singleton;
import trimtab.api.explain.ViolationView;
import trimtab.api.run.HitView;
import trimtab.api.run.HouseholdResult;
import trimtab.api.run.ProposedTrades;
import trimtab.api.run.Runs;
import trimtab.api.run.RunViews;
import trimtab.api.run.StoredRun;
import trimtab.api.run.StoredTrade;
import trimtab.api.run.TradeExplanation;
import trimtab.api.web.ApiException;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** Assembles the answer to "why this trade" from the trade's row, its household's result and its run. */
@Singleton
final class TradeWhys {
    private final ProposedTrades trades;
    private final Runs runs;

    private final HouseholdAdvisors advisors;

    TradeWhys(ProposedTrades trades, Runs runs, HouseholdAdvisors advisors) {
        this.trades = trades;
        this.runs = runs;
        this.advisors = advisors;
    }

    /** Why a trade is there; a trade of a household outside the scope is answered as if it did not exist. */
    TradeWhy why(String tradeId, HouseholdScope scope) {
        StoredTrade trade = trades.find(tradeId).filter(t -> advisors.visible(scope, t.householdId()))
                .orElseThrow(() -> ApiException.notFound("trade " + tradeId));
        StoredRun run = runs.find(trade.runId()).orElseThrow();
        HouseholdResult household = runs.household(trade.runId(), trade.householdId()).orElseThrow().result();
        TradeExplanation e = trade.explanation();
        List<HitView> triggers = household.hits().stream().filter(h -> startedIt(h, trade)).toList();
        List<HitView> heldBy = e.heldBecause() == null ? List.of()
                : household.hits().stream().filter(h -> household.heldBy().contains(h.ruleId())).toList();
        List<ApprovalView> approvals = trades.approvals(tradeId).stream().map(a -> ApprovalView.of(tradeId, a)).toList();
        return new TradeWhy(tradeId, summary(trade, approvals), new TradeWhy.Trade(trade.householdId(), trade.accountId(),
                trade.custodian(), trade.symbol(), trade.side(), trade.quantity(), trade.price(), trade.notional(), e.assetClass()),
                e.reason(), e.purpose(), e.portfolio(), new TradeWhy.Run(run.runId(), run.asOf(), run.dryRun(), "/api/v1/runs/" + run.runId()),
                household.decision(), e.triggeredBy(), triggers, trade.verdict(), e.screeningVerdict(), e.heldBecause(), heldBy,
                e.violations(), e.replannedAround(), e.lots(), RunViews.RuleSetView.parse(run.ruleSets()),
                RunViews.ApprovalStatus.of(trade), approvals, trade.tradable());
    }

    /**
     * A hit named by the trade's triggeredBy that concerns it: a drift row of its class or a portfolio row for a
     * rebalancing trade, the row of a lot it sells for a harvest, a harvest row for a substitute.
     */
    private static boolean startedIt(HitView hit, StoredTrade trade) {
        TradeExplanation e = trade.explanation();
        if (!e.triggeredBy().contains(hit.ruleId())) {
            return false;
        }
        return switch (e.purpose()) {
            case "HARVEST" -> hit.lot() != null && e.lots().stream().anyMatch(l -> l.lotId().equals(hit.lot()));
            case "SUBSTITUTE" -> hit.lot() != null && hit.scope().equals("account " + trade.accountId());
            default -> hit.scope().equals(e.portfolio()) && (hit.assetClass() == null || hit.assetClass().equals(e.assetClass()));
        };
    }

    private static String summary(StoredTrade trade, List<ApprovalView> approvals) {
        TradeExplanation e = trade.explanation();
        StringBuilder text = new StringBuilder();
        sentence(text, trade.side() + " " + trade.quantity().toPlainString() + " " + trade.symbol() + " at " + trade.price().toPlainString()
                + " (" + money(trade.notional()) + ") in account " + trade.accountId() + ": " + e.reason());
        if (!e.triggeredBy().isEmpty()) {
            sentence(text, "Started by " + String.join(", ", e.triggeredBy()));
        }
        List<ViolationView> violations = e.violations();
        if (!violations.isEmpty()) {
            sentence(text, "Verdict " + trade.verdict() + ": " + violations.get(0).explanation().sentence()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
            if (e.heldBecause() != null) {
                sentence(text, "It is also held because " + e.heldBecause());
            }
        } else if (e.heldBecause() != null) {
            sentence(text, "Verdict " + trade.verdict() + ": " + e.heldBecause());
        } else {
            sentence(text, "Verdict " + trade.verdict());
        }
        if (e.replannedAround()) {
            sentence(text, "The planner planned around it: it is not routed, and the household's other trades in this run replace it");
        }
        if (!approvals.isEmpty()) {
            ApprovalView last = approvals.get(approvals.size() - 1);
            sentence(text, last.decision().charAt(0) + last.decision().substring(1).toLowerCase(Locale.ROOT) + " by " + last.decidedBy()
                    + ": " + last.reason());
        }
        return text.toString();
    }

    /** Appends a sentence, with a full stop unless it already ends with one. */
    private static void sentence(StringBuilder text, String sentence) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(sentence);
        if (!sentence.endsWith(".")) {
            text.append('.');
        }
    }

    private static String money(java.math.BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
    }
}
