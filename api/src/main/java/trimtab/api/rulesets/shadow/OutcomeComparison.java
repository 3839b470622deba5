package trimtab.api.rulesets.shadow;

import trimtab.engine.cycle.HouseholdOutcome;
import trimtab.engine.cycle.TradeOutcome;
import trimtab.engine.guardrail.Violation;
import trimtab.engine.planner.ProposedTrade;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerHit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The difference between one household's outcome under the rules in force and under a candidate.
 *
 * <p>A trigger hit is the same hit when the same row fired on the same thing (rule id, scope, asset class, lot); its
 * sentence may quote a changed threshold. A trade is the same trade when it has the same account, symbol, side and
 * purpose (the n-th such trade of the outcome matched with the n-th); every trade counts, those re-planned around
 * too, so a trade the candidate blocks shows as a verdict change (and the re-plan's new trades as added).
 */
final class OutcomeComparison {
    private OutcomeComparison() {
    }

    static Optional<ShadowViews.HouseholdChange> compare(HouseholdOutcome before, HouseholdOutcome after) {
        Map<String, TriggerHit> hitsBefore = hits(before);
        Map<String, TriggerHit> hitsAfter = hits(after);
        List<ShadowViews.Hit> gained = hitsAfter.entrySet().stream().filter(e -> !hitsBefore.containsKey(e.getKey()))
                .map(e -> hit(e.getValue())).toList();
        List<ShadowViews.Hit> lost = hitsBefore.entrySet().stream().filter(e -> !hitsAfter.containsKey(e.getKey()))
                .map(e -> hit(e.getValue())).toList();

        String decisionBefore = before.decision().map(TriggerAction::name).orElse(null);
        String decisionAfter = after.decision().map(TriggerAction::name).orElse(null);
        ShadowViews.DecisionChange decision = Objects.equals(decisionBefore, decisionAfter) ? null
                : new ShadowViews.DecisionChange(decisionBefore, decisionAfter);

        Map<String, TradeOutcome> tradesBefore = trades(before);
        Map<String, TradeOutcome> tradesAfter = trades(after);
        List<ShadowViews.Trade> added = new ArrayList<>();
        List<ShadowViews.Trade> removed = new ArrayList<>();
        List<ShadowViews.TradeChange> changed = new ArrayList<>();
        List<ShadowViews.VerdictChange> verdicts = new ArrayList<>();
        tradesBefore.forEach((key, was) -> {
            TradeOutcome now = tradesAfter.get(key);
            if (now == null) {
                removed.add(trade(was));
                return;
            }
            ProposedTrade a = was.trade();
            ProposedTrade b = now.trade();
            if (a.quantity().compareTo(b.quantity()) != 0) {
                changed.add(new ShadowViews.TradeChange(a.account().value(), a.symbol().value(), a.side().name(), a.purpose().name(),
                        a.quantity(), b.quantity(), a.notional(), b.notional()));
            }
            List<String> rulesBefore = ruleIds(was);
            List<String> rulesAfter = ruleIds(now);
            if (was.verdict() != now.verdict() || !rulesBefore.equals(rulesAfter)) {
                verdicts.add(new ShadowViews.VerdictChange(b.account().value(), b.symbol().value(), b.side().name(), b.purpose().name(),
                        b.quantity(), was.verdict().name(), now.verdict().name(), rulesBefore, rulesAfter));
            }
        });
        tradesAfter.forEach((key, now) -> {
            if (!tradesBefore.containsKey(key)) {
                added.add(trade(now));
            }
        });

        String errorBefore = before.error().orElse(null);
        String errorAfter = after.error().orElse(null);
        ShadowViews.ErrorChange error = Objects.equals(errorBefore, errorAfter) ? null : new ShadowViews.ErrorChange(errorBefore, errorAfter);

        if (gained.isEmpty() && lost.isEmpty() && decision == null && added.isEmpty() && removed.isEmpty() && changed.isEmpty()
                && verdicts.isEmpty() && error == null) {
            return Optional.empty();
        }
        return Optional.of(new ShadowViews.HouseholdChange(after.household().value(), after.advisor().value(), gained, lost, decision,
                added, removed, changed, verdicts, error));
    }

    /** The hits by identity, in urgency order. */
    private static Map<String, TriggerHit> hits(HouseholdOutcome outcome) {
        Map<String, TriggerHit> hits = new LinkedHashMap<>();
        for (TriggerHit hit : outcome.hits()) {
            hits.putIfAbsent(String.join("|", hit.ruleId(), hit.scope(), hit.assetClass().orElse(""), hit.lot().orElse("")), hit);
        }
        return hits;
    }

    /** Every trade of the outcome by account, symbol, side, purpose and occurrence, in outcome order. */
    private static Map<String, TradeOutcome> trades(HouseholdOutcome outcome) {
        Map<String, TradeOutcome> trades = new LinkedHashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (TradeOutcome trade : outcome.allTrades()) {
            ProposedTrade t = trade.trade();
            String key = String.join("|", t.account().value(), t.symbol().value(), t.side().name(), t.purpose().name());
            int n = occurrences.merge(key, 1, Integer::sum);
            trades.put(key + "|" + n, trade);
        }
        return trades;
    }

    private static ShadowViews.Hit hit(TriggerHit hit) {
        var rule = hit.explanation().rule();
        return new ShadowViews.Hit(hit.ruleId(), hit.action().name(), hit.priority(), hit.scope(), hit.assetClass().orElse(null),
                hit.lot().orElse(null), hit.explanation().message(), rule.sheet(), rule.row());
    }

    private static ShadowViews.Trade trade(TradeOutcome outcome) {
        ProposedTrade t = outcome.trade();
        return new ShadowViews.Trade(t.account().value(), t.symbol().value(), t.side().name(), t.purpose().name(), t.quantity(),
                t.price(), t.notional(), outcome.verdict().name(), ruleIds(outcome), outcome.replannedAround());
    }

    /** The guardrail rows the trade breaks, distinct and sorted. */
    private static List<String> ruleIds(TradeOutcome outcome) {
        return outcome.screening().violations().stream().map(Violation::ruleId).distinct().sorted().toList();
    }
}
