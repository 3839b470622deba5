package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * so that a batch only works out what its own orders change. Its figures never change once built; what
 * it works out on first use ({@link AccountBase#standing}) is kept in concurrent maps.
 */
final class HouseholdBase {
    /** One holding of an account before the batch. */
    record Position(BigDecimal quantity, BigDecimal value, List<TaxLot> lotsHighestCostFirst) {
    }

    /** One account before the batch. */
    final class AccountBase {
        private final BigDecimal cash;
        private final BigDecimal total;
        private final Map<Symbol, Position> positions;
        private final Map<String, BigDecimal> issuerValue;
        private final Map<Symbol, Standing> standings = new ConcurrentHashMap<>();

        private AccountBase(BigDecimal cash, BigDecimal total, Map<Symbol, Position> positions, Map<String, BigDecimal> issuerValue) {
            this.cash = cash;
            this.total = total;
            this.positions = positions;
            this.issuerValue = issuerValue;
        }

        /** The account's household's state. */
        HouseholdBase household() {
            return HouseholdBase.this;
        }

        BigDecimal cash() {
            return cash;
        }

        BigDecimal total() {
            return total;
        }

        /**
         * Where an order of the security in this account starts from, worked out on first use: the
         * five sums its weights build on would otherwise be five map lookups for every order.
         */
        Standing standing(Security security) {
            Standing standing = standings.get(security.symbol());
            if (standing == null) {
                String issuer = issuerOf(security);
                standing = new Standing(positions.get(security.symbol()), issuer, issuerValue.getOrDefault(issuer, BigDecimal.ZERO),
                        householdSymbol.getOrDefault(security.symbol(), BigDecimal.ZERO),
                        householdIssuer.getOrDefault(issuer, BigDecimal.ZERO),
                        householdClass.getOrDefault(security.assetClass(), BigDecimal.ZERO));
                standings.putIfAbsent(security.symbol(), standing);
            }
            return standing;
        }
    }

    /**
     * An account's holding of a security before the batch and the sums around it.
     *
     * @param position             the holding, or null when the account holds none
     * @param issuer               the security's issuer as sums are keyed ({@link #issuerOf})
     * @param accountIssuerValue   the issuer's value in the account
     * @param householdSymbolValue the security's value in the household
     * @param householdIssuerValue the issuer's value in the household
     * @param householdClassValue  the security's asset class's value in the household, uninvested cash included in CASH
     */
    record Standing(Position position, String issuer, BigDecimal accountIssuerValue, BigDecimal householdSymbolValue,
                    BigDecimal householdIssuerValue, BigDecimal householdClassValue) {
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
