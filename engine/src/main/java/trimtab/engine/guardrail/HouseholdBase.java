package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.Household;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

/**
 * A household's holdings and their value before any batch: positions, lots (highest cost first), cash,
 * and the sums by security, issuer and asset class that concentration and IPS rows are measured from.
 * Computed once per household and book snapshot, so that a batch only works out what its own orders change.
 */
final class HouseholdBase {
    final Map<AccountId, Map<Symbol, BigDecimal>> quantity = new HashMap<>();
    final Map<AccountId, Map<Symbol, List<TaxLot>>> lotsHighestCostFirst = new HashMap<>();
    final Map<AccountId, BigDecimal> cash = new HashMap<>();
    final Map<AccountId, Map<Symbol, BigDecimal>> value = new HashMap<>();
    final Map<AccountId, Map<String, BigDecimal>> issuerValue = new HashMap<>();
    final Map<AccountId, BigDecimal> accountTotal = new HashMap<>();
    final Map<Symbol, BigDecimal> householdSymbol = new HashMap<>();
    final Map<String, BigDecimal> householdIssuer = new HashMap<>();
    final Map<AssetClass, BigDecimal> householdClass = new HashMap<>();
    final BigDecimal householdTotal;

    HouseholdBase(Household household, SecurityMaster securities) {
        BigDecimal total = BigDecimal.ZERO;
        for (Account account : household.accounts()) {
            Map<Symbol, BigDecimal> held = new HashMap<>();
            Map<Symbol, List<TaxLot>> lots = new HashMap<>();
            for (TaxLot lot : account.lots()) {
                held.merge(lot.symbol(), lot.quantity(), BigDecimal::add);
                lots.computeIfAbsent(lot.symbol(), s -> new ArrayList<>()).add(lot);
            }
            lots.values().forEach(list -> list.sort(Comparator.comparing(
                    (TaxLot l) -> l.costBasis().divide(l.quantity(), 10, RoundingMode.HALF_EVEN)).reversed()));
            quantity.put(account.id(), held);
            lotsHighestCostFirst.put(account.id(), lots);
            cash.put(account.id(), account.cash());
            householdClass.merge(AssetClass.CASH, account.cash(), BigDecimal::add);
            Map<Symbol, BigDecimal> values = new HashMap<>();
            Map<String, BigDecimal> issuers = new HashMap<>();
            BigDecimal accountValue = account.cash();
            for (var position : held.entrySet()) {
                Security security = securities.find(position.getKey()).orElse(null);
                // an unpriced holding cannot be valued: it counts as 0 (its own orders are blocked)
                BigDecimal positionValue = valueOf(position.getValue(), security == null ? null : security.price());
                values.put(position.getKey(), positionValue);
                householdSymbol.merge(position.getKey(), positionValue, BigDecimal::add);
                if (security != null) {
                    issuers.merge(issuerOf(security), positionValue, BigDecimal::add);
                    householdIssuer.merge(issuerOf(security), positionValue, BigDecimal::add);
                    householdClass.merge(security.assetClass(), positionValue, BigDecimal::add);
                }
                accountValue = accountValue.add(positionValue);
            }
            value.put(account.id(), values);
            issuerValue.put(account.id(), issuers);
            accountTotal.put(account.id(), accountValue);
            total = total.add(accountValue);
        }
        this.householdTotal = total;
    }

    static BigDecimal valueOf(BigDecimal quantity, BigDecimal price) {
        return price == null ? BigDecimal.ZERO : quantity.max(BigDecimal.ZERO).multiply(price).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Securities without a known issuer are their own issuer, not one shared blank issuer. */
    static String issuerOf(Security security) {
        return security.issuer().isBlank() ? "(" + security.symbol() + ")" : security.issuer();
    }
}
