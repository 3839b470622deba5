package trimtab.engine.cycle;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.rules.RuleRef;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.trigger.TriggerHit;

/** The mode a portfolio is planned in, chosen by the trading hit that drives it, and why. */
record ModeChoice(RebalanceMode mode, String reason) {

    static ModeChoice of(TriggerHit driver, List<Account> accounts, Map<AccountId, TaxPolicy> policies) {
        String rule = driver.action() + " (rule " + driver.ruleId() + ")";
        return switch (driver.action()) {
            case RAISE_CASH -> new ModeChoice(RebalanceMode.SELL_ONLY, rule + ": sell overweight classes only, buy nothing");
            case INVEST_CASH -> new ModeChoice(RebalanceMode.BUY_ONLY, rule + ": invest cash in underweight classes, sell nothing");
            case HARVEST -> new ModeChoice(RebalanceMode.TO_BAND_EDGE, rule
                    + ": harvest losses beyond the tax policy's thresholds; trade a class only if it is outside its band, to the band edge");
            case REBALANCE -> policyMode(rule, accounts, policies);
            default -> throw new IllegalArgumentException(driver.action() + " does not ask for a trade");
        };
    }

    /** The most cautious of the accounts' policy modes: a sleeve's trade may land in any of its accounts. */
    private static ModeChoice policyMode(String rule, List<Account> accounts, Map<AccountId, TaxPolicy> policies) {
        TaxPolicy chosen = null;
        for (Account account : accounts) {
            TaxPolicy policy = policies.get(account.id());
            if (policy == null) {
                throw new InvalidBookException("no tax policy was resolved for account " + account.id());
            }
            if (chosen == null || caution(policy.rebalanceMode()) > caution(chosen.rebalanceMode())) {
                chosen = policy;
            }
        }
        if (chosen == null) {
            throw new InvalidBookException("a portfolio without accounts cannot be rebalanced");
        }
        String rows = chosen.decidedBy().stream().map(RuleRef::ruleId).collect(Collectors.joining(", "));
        return new ModeChoice(chosen.rebalanceMode(), rule + ": the tax policy's " + chosen.rebalanceMode() + " for account "
                + chosen.account() + " (" + rows + ")" + (accounts.size() > 1 ? ", the most cautious mode of the portfolio's accounts" : ""));
    }

    /** To target trades most; to the band edge less; one-way modes never realise what the other way would. */
    static int caution(RebalanceMode mode) {
        return switch (mode) {
            case TO_TARGET -> 0;
            case TO_BAND_EDGE -> 1;
            case SELL_ONLY -> 2;
            case BUY_ONLY -> 3;
        };
    }
}
