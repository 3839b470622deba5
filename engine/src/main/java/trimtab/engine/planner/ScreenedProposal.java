package trimtab.engine.planner;

import java.util.List;
import trimtab.engine.guardrail.OrderVerdict;
import trimtab.engine.guardrail.ScreeningResult;

/**
 * A proposal after the guardrails: its trades with their verdicts (none BLOCKed), and the trades the
 * guardrails blocked on the way, with why; the planner re-planned around each of them.
 */
public record ScreenedProposal(Proposal proposal, ScreeningResult screening, List<BlockedTrade> blocked) {

    /** A trade an earlier plan proposed and the guardrails blocked. */
    public record BlockedTrade(ProposedTrade trade, OrderVerdict verdict) {
    }

    public ScreenedProposal {
        blocked = List.copyOf(blocked);
    }
}
