package trimtab.engine.cycle;

import java.util.Objects;
import java.util.Optional;
import trimtab.engine.drift.PortfolioScope;
import trimtab.engine.guardrail.OrderVerdict;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.planner.ProposedTrade;

/**
 * One trade of a cycle with what decides whether it may be routed.
 *
 * @param trade          the planned trade, with the trigger rows behind it ({@link ProposedTrade#triggeredBy()})
 * @param screening      the guardrails' verdict and violations
 * @param verdict        the verdict that counts: the guardrails', raised to REQUIRE_APPROVAL when the household's
 *                       decision holds its trades (a BLOCK stays a BLOCK)
 * @param heldBecause    why the trade waits for approval beyond its guardrail verdict, when it does
 * @param replannedAround true for a trade the guardrails blocked and the planner re-planned around: it is not part of
 *                       the final proposal and is shown so that the advisor knows why
 */
public record TradeOutcome(PortfolioScope portfolio, ProposedTrade trade, OrderVerdict screening, Verdict verdict,
                           Optional<String> heldBecause, boolean replannedAround) {
    public TradeOutcome {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(screening, "screening");
        Objects.requireNonNull(verdict, "verdict");
        heldBecause = heldBecause == null ? Optional.empty() : heldBecause;
    }

    /** The verdict of a trade whose household decision may hold it. */
    static Verdict verdict(Verdict screened, boolean held) {
        if (screened == Verdict.BLOCK || !held) {
            return screened;
        }
        return screened.compareTo(Verdict.REQUIRE_APPROVAL) > 0 ? screened : Verdict.REQUIRE_APPROVAL;
    }
}
