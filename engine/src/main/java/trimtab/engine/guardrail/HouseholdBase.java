package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TradeSide;
import trimtab.engine.washsale.WashSaleLedger;

/**
 * A household's holdings and their value before any batch: positions, lots (highest cost first), cash,
 * the sums by security, issuer and asset class that concentration and IPS rows are measured from, and
 * the executed trades the wash-sale rows look back over. Computed once per household and book snapshot,
 * so that a batch only works out what its own orders change. Immutable once built.
 */
final class HouseholdBase {
    /** One holding of an account before the batch. */
    record Position(BigDecimal quantity, BigDecimal value, List<TaxLot> lotsHighestCostFirst) {
    }

    /** One account before the batch. */
    record AccountBase(BigDecimal cash, BigDecimal total, Map<Symbol, Position> positions, Map<String, BigDecimal> issuerValue) {
        /** The holding of a security, or null when the account holds none. */
        Position position(Symbol symbol) {
            return positions.get(symbol);
        }

        BigDecimal issuerValue(String issuer) {
            return issuerValue.getOrDefault(issuer, BigDecimal.ZERO);
        }
    }

    private final Map<AccountId, AccountBase> accounts = new HashMap<>();
    private final Map<Symbol, BigDecimal> householdSymbol = new HashMap<>();
    private final Map<String, BigDecimal> householdIssuer = new HashMap<>();
    private final Map<AssetClass, BigDecimal> householdClass = new HashMap<>();
    final BigDecimal householdTotal;
    /** Executed purchases and taxable loss sales within the wash-sale window of the snapshot's date, in trade order. */
    final List<WashSaleLedger.Entry> recentWashSaleTrades;

    HouseholdBase(Household household, SecurityMaster securities, LocalDate asOf) {
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
            householdClass.merge(AssetClass.CASH, account.cash(), BigDecimal::add);
            Map<Symbol, Position> positions = new HashMap<>();
            Map<String, BigDecimal> issuers = new HashMap<>();
            BigDecimal accountValue = account.cash();
            for (var holding : held.entrySet()) {
                Security security = securities.find(holding.getKey()).orElse(null);
                // an unpriced holding cannot be valued: it counts as 0 (its own orders are blocked)
                BigDecimal positionValue = valueOf(holding.getValue(), security == null ? null : security.price());
                positions.put(holding.getKey(), new Position(holding.getValue(), positionValue, List.copyOf(lots.get(holding.getKey()))));
                householdSymbol.merge(holding.getKey(), positionValue, BigDecimal::add);
                if (security != null) {
                    issuers.merge(issuerOf(security), positionValue, BigDecimal::add);
                    householdIssuer.merge(issuerOf(security), positionValue, BigDecimal::add);
                    householdClass.merge(security.assetClass(), positionValue, BigDecimal::add);
                }
                accountValue = accountValue.add(positionValue);
            }
            accounts.put(account.id(), new AccountBase(account.cash(), accountValue, positions, issuers));
            total = total.add(accountValue);
        }
        this.householdTotal = total;
        this.recentWashSaleTrades = recentWashSaleTrades(household, securities, asOf);
    }

    /** The account's state before the batch; the account must be one of the household's. */
    AccountBase account(AccountId id) {
        return accounts.get(id);
    }

    BigDecimal symbolValue(Symbol symbol) {
        return householdSymbol.getOrDefault(symbol, BigDecimal.ZERO);
    }

    BigDecimal issuerValue(String issuer) {
        return householdIssuer.getOrDefault(issuer, BigDecimal.ZERO);
    }

    /** The class's value, uninvested cash included in CASH. */
    BigDecimal classValue(AssetClass assetClass) {
        return householdClass.getOrDefault(assetClass, BigDecimal.ZERO);
    }

    /** The purchases (in any account) and loss sales (in taxable accounts) that can make a new order a wash sale. */
    private static List<WashSaleLedger.Entry> recentWashSaleTrades(Household household, SecurityMaster securities, LocalDate today) {
        List<WashSaleLedger.Entry> entries = new ArrayList<>();
        for (ExecutedTrade trade : household.recentTrades()) {
            Account account = household.account(trade.account()).orElseThrow();
            Security security = securities.find(trade.symbol()).orElse(null);
            if (security == null || trade.tradeDate().isBefore(today.minusDays(WashSaleLedger.WINDOW_DAYS))
                    || trade.tradeDate().isAfter(today)) {
                continue;
            }
            boolean purchase = trade.side() == TradeSide.BUY;
            if (purchase || (trade.isLossSale() && !account.type().isTaxSheltered())) {
                entries.add(new WashSaleLedger.Entry(account.id(), account.type(), trade.symbol().value(),
                        security.washSaleGroup(), purchase, trade.quantity(), trade.tradeDate(),
                        trade.realisedGain().map(BigDecimal::negate), false));
            }
        }
        return List.copyOf(entries);
    }

    static BigDecimal valueOf(BigDecimal quantity, BigDecimal price) {
        return price == null ? BigDecimal.ZERO : quantity.max(BigDecimal.ZERO).multiply(price).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Securities without a known issuer are their own issuer, not one shared blank issuer. */
    static String issuerOf(Security security) {
        return security.issuer().isBlank() ? "(" + security.symbol() + ")" : security.issuer();
    }
}
