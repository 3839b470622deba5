package trimtab.engine.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.OrderRequest;
import trimtab.engine.guardrail.OrderVerdict;
import trimtab.engine.guardrail.ScreeningResult;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.guardrail.Violation;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;

/**
 * Plans, screens the proposal as one automated batch, and re-plans around every blocked trade (the planner
 * then buys the class's next security, or reports the class as residual) until the guardrails block nothing.
 */
public final class ScreenedPlanner {
    /** Each round excludes at least one trade, so a handful of rounds is plenty; the bound keeps it finite. */
    private static final int MAX_ROUNDS = 5;

    private final TradePlanner planner;
    private final GuardrailScreener screener;

    public ScreenedPlanner(TradePlanner planner, GuardrailScreener screener) {
        this.planner = planner;
        this.screener = screener;
    }

    public ScreenedProposal plan(Household household, BookSnapshot book, Map<AccountId, TaxPolicy> policies, RebalanceMode mode) {
        Map<TradePlanner.TradeKey, String> excluded = new LinkedHashMap<>();
        List<ScreenedProposal.BlockedTrade> blocked = new ArrayList<>();
        for (int round = 1; ; round++) {
            Proposal proposal = planner.planHousehold(household, book, policies, mode, excluded);
            ScreeningResult screening = screener.screen(orders(proposal), book);
            List<ScreenedProposal.BlockedTrade> blockedNow = new ArrayList<>();
            for (int i = 0; i < proposal.trades().size(); i++) {
                OrderVerdict verdict = screening.verdicts().get(i);
                if (verdict.verdict() == Verdict.BLOCK) {
                    blockedNow.add(new ScreenedProposal.BlockedTrade(proposal.trades().get(i), verdict));
                }
            }
            if (blockedNow.isEmpty() || round == MAX_ROUNDS) {
                blocked.addAll(blockedNow);
                return new ScreenedProposal(proposal, screening, blocked);
            }
            for (ScreenedProposal.BlockedTrade b : blockedNow) {
                ProposedTrade trade = b.trade();
                excluded.put(new TradePlanner.TradeKey(trade.account(), trade.symbol(), trade.side()), "blocked by the guardrails: "
                        + b.verdict().violations().stream().map(Violation::message).collect(Collectors.joining(" ")));
            }
            blocked.addAll(blockedNow);
        }
    }

    /** The proposal's trades as automated orders, priced as planned. */
    static List<OrderRequest> orders(Proposal proposal) {
        List<OrderRequest> orders = new ArrayList<>();
        for (int i = 0; i < proposal.trades().size(); i++) {
            ProposedTrade trade = proposal.trades().get(i);
            orders.add(new OrderRequest("P-" + (i + 1), trade.account().value(), trade.symbol().value(), trade.side().name(),
                    trade.quantity().toPlainString(), trade.price().toPlainString(), true));
        }
        return orders;
    }
}
