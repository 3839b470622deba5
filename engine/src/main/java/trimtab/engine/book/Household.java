package trimtab.engine.book;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client household: the unit advisors manage and rebalance.
 *
 * @param model         the household-level model, applied across every account that has no model of its own
 * @param lastRebalance when the household was last rebalanced; empty if never
 * @param restrictions  securities this client may not trade (beyond the firm's restricted list)
 * @param ipsBounds     the investment policy statement's allocation limits
 * @param recentTrades  executed trades of the last weeks, for the wash-sale rules
 */
public record Household(HouseholdId id, String name, AdvisorId advisor, TaxProfile taxProfile,
                        Optional<ModelId> model, Optional<LocalDate> lastRebalance, List<Account> accounts,
                        List<CashFlow> cashFlows, List<LifeEvent> lifeEvents, List<Restriction> restrictions,
                        List<IpsBound> ipsBounds, List<ExecutedTrade> recentTrades) {

    public Household {
        Objects.requireNonNull(id, "household id");
        Objects.requireNonNull(advisor, () -> "household " + id + ": advisor");
        name = name == null ? id.value() : name;
        taxProfile = taxProfile == null ? TaxProfile.NONE : taxProfile;
        model = model == null ? Optional.empty() : model;
        lastRebalance = lastRebalance == null ? Optional.empty() : lastRebalance;
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        cashFlows = cashFlows == null ? List.of() : List.copyOf(cashFlows);
        lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        ipsBounds = ipsBounds == null ? List.of() : List.copyOf(ipsBounds);
        recentTrades = recentTrades == null ? List.of() : List.copyOf(recentTrades);
        Set<AccountId> seen = new HashSet<>();
        for (Account account : accounts) {
            if (!seen.add(account.id())) {
                throw new InvalidBookException("household " + id + ": account " + account.id() + " appears twice");
            }
        }
        for (CashFlow flow : cashFlows) {
            if (!seen.contains(flow.account())) {
                throw new InvalidBookException("household " + id + ": cash flow on " + flow.date()
                        + " names account " + flow.account() + ", which is not one of its accounts");
            }
        }
        for (ExecutedTrade trade : recentTrades) {
            if (!seen.contains(trade.account())) {
                throw new InvalidBookException("household " + id + ": trade of " + trade.symbol() + " on " + trade.tradeDate()
                        + " names account " + trade.account() + ", which is not one of its accounts");
            }
        }
    }

    /** The client-specific restriction of a security, if the household has one. */
    public Optional<Restriction> restriction(Symbol symbol) {
        return restrictions.stream().filter(r -> r.symbol().equals(symbol)).findFirst();
    }

    public Optional<Account> account(AccountId accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }

    /** Accounts managed by the household-level model: those without a model of their own. */
    public List<Account> householdSleeve() {
        return accounts.stream().filter(a -> a.model().isEmpty()).toList();
    }
}
