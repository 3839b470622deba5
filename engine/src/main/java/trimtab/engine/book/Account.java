package trimtab.engine.book;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A custodial account of a household.
 *
 * @param cash             uninvested cash, to the cent; never negative
 * @param fractionalShares whether the custodian accepts fractional-share orders for it
 * @param model            an account-level model; empty when the household-level model manages it
 * @param planMenu         for an ERISA plan, the funds the plan offers (nothing else may be bought)
 */
public record Account(AccountId id, AccountType type, String custodian, BigDecimal cash, boolean fractionalShares,
                      Set<Symbol> noBuy, Set<Symbol> noSell, Set<String> esgExclusions, List<TaxLot> lots,
                      Optional<ModelId> model, Set<Symbol> planMenu) {

    public Account {
        Objects.requireNonNull(id, "account id");
        Objects.requireNonNull(type, () -> "account " + id + ": type");
        Objects.requireNonNull(cash, () -> "account " + id + ": cash");
        custodian = custodian == null ? "" : custodian;
        if (cash.signum() < 0) {
            throw new InvalidBookException("account " + id + ": cash " + cash.toPlainString() + " must not be negative");
        }
        noBuy = noBuy == null ? Set.of() : Set.copyOf(noBuy);
        noSell = noSell == null ? Set.of() : Set.copyOf(noSell);
        esgExclusions = esgExclusions == null ? Set.of() : Set.copyOf(esgExclusions);
        lots = lots == null ? List.of() : List.copyOf(lots);
        model = model == null ? Optional.empty() : model;
        planMenu = planMenu == null ? Set.of() : Set.copyOf(planMenu);
    }

    /** The security's tags this account excludes (ESG), compared without case, in alphabetical order. */
    public java.util.SortedSet<String> esgConflicts(Security security) {
        java.util.SortedSet<String> conflicts = new java.util.TreeSet<>();
        if (!esgExclusions.isEmpty()) {
            for (String tag : security.esgTags()) {
                if (esgExclusions.stream().anyMatch(tag::equalsIgnoreCase)) {
                    conflicts.add(tag);
                }
            }
        }
        return conflicts;
    }

    /** An ERISA plan account may only buy the funds on its plan menu; other accounts are not limited. */
    public boolean isOffPlanMenu(Symbol symbol) {
        return type == AccountType.ERISA_PLAN && !planMenu.contains(symbol);
    }

    /** Shares held of one security across all its lots. */
    public BigDecimal quantityOf(Symbol symbol) {
        return lots.stream().filter(l -> l.symbol().equals(symbol))
                .map(TaxLot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
