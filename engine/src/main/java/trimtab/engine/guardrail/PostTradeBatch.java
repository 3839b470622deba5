package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TradeSide;
import trimtab.engine.washsale.WashSaleLedger;

/**
 * Builds the {@link OrderCheck} facts of a batch: reads each order as sent, then plays the valid ones
 * against their households — sells first, in batch order, then buys — and measures every order on the
 * state after the whole batch: positions, cash, concentration, allocation and wash sales.
 */
final class PostTradeBatch {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PCT_SCALE = 6;

    private final BookSnapshot book;
    private final Function<Household, HouseholdBase> bases;

    /** A valid order with its resolved book entries. */
    private record Placed(OrderCheck check, Household household, Account account, Security security, boolean buy,
                          BigDecimal quantity, BigDecimal price) {
    }

    PostTradeBatch(BookSnapshot book) {
        this(book, household -> new HouseholdBase(household, book.securities()));
    }

    /** @param bases each household's state before the batch, typically cached per book snapshot */
    PostTradeBatch(BookSnapshot book, Function<Household, HouseholdBase> bases) {
        this.book = book;
        this.bases = bases;
    }

    List<OrderCheck> checks(List<OrderRequest> orders) {
        return checks(orders, Set.of(), null);
    }

    /**
     * @param excluded   positions of orders that will not execute (blocked in an earlier pass): they are read
     *                   and reported but take no part in the batch's post-trade state
     * @param households the households to play the batch for, or null for all; the other orders are only read
     */
    List<OrderCheck> checks(List<OrderRequest> orders, Set<Integer> excluded, Set<String> households) {
        List<OrderCheck> checks = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        Map<String, Integer> idCounts = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            idCounts.merge(orderId(orders.get(i), i), 1, Integer::sum);
        }
        for (int i = 0; i < orders.size(); i++) {
            OrderCheck check = new OrderCheck();
            check.position = i;
            checks.add(check);
            Optional<Placed> order = read(orders.get(i), i, check, idCounts);
            if (order.isPresent() && !excluded.contains(i)
                    && (households == null || households.contains(order.get().household().id().value()))) {
                check.valued = true;
                placed.add(order.get());
            }
        }
        // keyed by id: a household record's own hash would walk all its accounts and lots
        Map<HouseholdId, List<Placed>> byHousehold = new LinkedHashMap<>();
        placed.forEach(p -> byHousehold.computeIfAbsent(p.household().id(), h -> new ArrayList<>()).add(p));
        byHousehold.values().forEach(group -> simulate(group.get(0).household(), group));
        return checks;
    }

    /** Reads an order as sent; returns it placed in the book when it is valid enough to simulate. */
    private static String orderId(OrderRequest order, int index) {
        return blank(order.orderId()) ? "#" + (index + 1) : order.orderId().trim();
    }

    private Optional<Placed> read(OrderRequest order, int index, OrderCheck check, Map<String, Integer> idCounts) {
        check.vix = book.market().vix();
        check.automated = order.automated();
        check.orderId = orderId(order, index);
        check.accountId = blank(order.account()) ? "" : order.account().trim();
        check.symbol = blank(order.symbol()) ? "" : order.symbol().trim().toUpperCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        if (idCounts.get(check.orderId) > 1) {
            // every copy is refused: a verdict must belong to exactly one order
            problems.add("order id " + check.orderId + " is used by " + idCounts.get(check.orderId) + " orders in the batch");
        }
        if (check.accountId.isEmpty()) {
            problems.add("no account is given");
        }
        if (check.symbol.isEmpty()) {
            problems.add("no symbol is given");
        }
        String side = blank(order.side()) ? "" : order.side().trim().toUpperCase(Locale.ROOT);
        if (side.equals("BUY") || side.equals("SELL")) {
            check.side = side;
        } else {
            problems.add(side.isEmpty() ? "no side is given" : "side '" + order.side().trim() + "' is neither BUY nor SELL");
        }
        BigDecimal quantity = positive(order.quantity(), "quantity", problems);
        BigDecimal limit = blank(order.limitPrice()) ? null : positive(order.limitPrice(), "limit price", problems);
        if (quantity != null) {
            check.quantity = quantity;
        }

        Household household = check.accountId.isEmpty() ? null : book.householdOf(new AccountId(check.accountId)).orElse(null);
        Account account = household == null ? null : book.account(new AccountId(check.accountId)).orElseThrow();
        check.unknownAccount = !check.accountId.isEmpty() && account == null;
        Security security = check.symbol.isEmpty() ? null : book.securities().find(Symbol.of(check.symbol)).orElse(null);
        check.unknownSecurity = !check.symbol.isEmpty() && security == null;
        if (account != null) {
            check.householdId = household.id().value();
            check.accountType = account.type().name();
        }
        if (security != null) {
            check.securityType = security.type().name();
            check.assetClass = security.assetClass().code();
            check.issuer = security.issuer();
            check.priceDate = security.priceDate();
            check.priceAgeDays = security.priceDate() == null ? 0 : businessDaysBetween(security.priceDate(), book.asOf());
        }
        BigDecimal price = limit != null ? limit : security == null ? null : security.price();
        check.priceMissing = security != null && price == null;
        if (price != null) {
            check.price = price;
            check.notional = check.quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
        }
        check.inputProblem = String.join("; ", problems);
        if (!problems.isEmpty() || account == null || security == null || price == null) {
            return Optional.empty();
        }
        describeListsAndRestrictions(check, household, account, security);
        return Optional.of(new Placed(check, household, account, security, check.side.equals("BUY"), quantity, price));
    }

    private void describeListsAndRestrictions(OrderCheck check, Household household, Account account, Security security) {
        Symbol symbol = security.symbol();
        book.firmRestriction(symbol).ifPresent(r -> {
            check.firmRestricted = true;
            check.firmRestrictionReason = r.reason();
        });
        household.restriction(symbol).ifPresent(r -> {
            check.clientRestricted = true;
            check.clientRestrictionReason = r.reason();
        });
        check.onNoBuyList = account.noBuy().contains(symbol);
        check.onNoSellList = account.noSell().contains(symbol);
        check.esgConflictTags = String.join(", ", account.esgConflicts(security));
        check.offPlanMenu = check.side.equals("BUY") && account.isOffPlanMenu(symbol);
    }

    /**
     * Plays one household's orders on its base state, sells before buys, and measures each order after the
     * whole batch; only the positions and cash the orders touch are worked out again.
     */
    private void simulate(Household household, List<Placed> orders) {
        HouseholdBase base = bases.apply(household);
        Map<AccountId, Map<Symbol, BigDecimal>> quantityChange = new HashMap<>();
        Map<AccountId, BigDecimal> cashChange = new HashMap<>();
        Map<AccountId, Map<Symbol, BigDecimal>> relieved = new HashMap<>();
        for (Placed sell : orders) {
            if (sell.buy()) {
                continue;
            }
            AccountId id = sell.account().id();
            Symbol symbol = sell.security().symbol();
            BigDecimal held = quantityAfter(base, quantityChange, id, symbol);
            BigDecimal sold = sell.quantity().min(held.max(BigDecimal.ZERO));
            sell.check().heldQuantity = held;
            sell.check().shortBy = sell.quantity().subtract(sold);
            quantityChange.computeIfAbsent(id, a -> new HashMap<>()).merge(symbol, sold.negate(), BigDecimal::add);
            BigDecimal proceeds = sold.multiply(sell.price()).setScale(2, RoundingMode.HALF_EVEN);
            cashChange.merge(id, proceeds, BigDecimal::add);
            if (!sell.account().type().isTaxSheltered()) {
                BigDecimal already = relieved.computeIfAbsent(id, a -> new HashMap<>()).getOrDefault(symbol, BigDecimal.ZERO);
                BigDecimal basis = highestCostBasis(base.lotsHighestCostFirst.get(id).getOrDefault(symbol, List.of()), already, sold);
                relieved.get(id).put(symbol, already.add(sold));
                BigDecimal gain = proceeds.subtract(basis).setScale(2, RoundingMode.HALF_EVEN);
                sell.check().estimatedLoss = gain.signum() < 0 ? gain.negate() : BigDecimal.ZERO;
            }
        }
        for (Placed buy : orders) {
            if (!buy.buy()) {
                continue;
            }
            AccountId id = buy.account().id();
            Symbol symbol = buy.security().symbol();
            BigDecimal available = base.cash.get(id).add(cashChange.getOrDefault(id, BigDecimal.ZERO));
            BigDecimal cost = buy.check().notional;
            buy.check().heldQuantity = quantityAfter(base, quantityChange, id, symbol);
            buy.check().cashAvailable = available.max(BigDecimal.ZERO);
            buy.check().overdraftBy = cost.subtract(available.max(BigDecimal.ZERO)).max(BigDecimal.ZERO).min(cost);
            cashChange.merge(id, cost.negate(), BigDecimal::add);
            quantityChange.computeIfAbsent(id, a -> new HashMap<>()).merge(symbol, buy.quantity(), BigDecimal::add);
        }
        measure(household, base, orders, quantityChange, cashChange);
        checkWashSales(household, orders);
    }

    private static BigDecimal quantityAfter(HouseholdBase base, Map<AccountId, Map<Symbol, BigDecimal>> change, AccountId id,
                                            Symbol symbol) {
        BigDecimal held = base.quantity.get(id).getOrDefault(symbol, BigDecimal.ZERO);
        Map<Symbol, BigDecimal> changed = change.get(id);
        return changed == null ? held : held.add(changed.getOrDefault(symbol, BigDecimal.ZERO));
    }

    /** Basis of {@code quantity} shares taken from lots sorted highest cost first, after {@code skip} shares already taken. */
    private static BigDecimal highestCostBasis(List<TaxLot> sorted, BigDecimal skip, BigDecimal quantity) {
        BigDecimal toSkip = skip;
        BigDecimal remaining = quantity;
        BigDecimal basis = BigDecimal.ZERO;
        for (TaxLot lot : sorted) {
            BigDecimal available = lot.quantity();
            BigDecimal skipped = toSkip.min(available);
            toSkip = toSkip.subtract(skipped);
            available = available.subtract(skipped);
            BigDecimal take = remaining.min(available);
            if (take.signum() > 0) {
                basis = basis.add(lot.costBasis().multiply(take).divide(lot.quantity(), 10, RoundingMode.HALF_EVEN));
                remaining = remaining.subtract(take);
            }
        }
        return basis;
    }

    /** The base sums plus what the batch changed, then each order's shares of account and household. */
    private void measure(Household household, HouseholdBase base, List<Placed> orders,
                         Map<AccountId, Map<Symbol, BigDecimal>> quantityChange, Map<AccountId, BigDecimal> cashChange) {
        Map<Symbol, BigDecimal> orderPrices = new HashMap<>();
        orders.forEach(o -> orderPrices.put(o.security().symbol(), o.price()));
        Map<AccountId, Map<Symbol, BigDecimal>> value = new HashMap<>();
        Map<AccountId, Map<String, BigDecimal>> issuerChange = new HashMap<>();
        Map<AccountId, BigDecimal> accountChange = new HashMap<>();
        Map<Symbol, BigDecimal> symbolChange = new HashMap<>();
        Map<String, BigDecimal> householdIssuerChange = new HashMap<>();
        Map<AssetClass, BigDecimal> classChange = new HashMap<>();
        BigDecimal householdChange = BigDecimal.ZERO;
        for (var account : quantityChange.entrySet()) {
            AccountId id = account.getKey();
            for (Symbol symbol : account.getValue().keySet()) {
                Security security = book.securities().find(symbol).orElseThrow();
                BigDecimal price = security.price() != null ? security.price() : orderPrices.get(symbol);
                BigDecimal after = HouseholdBase.valueOf(quantityAfter(base, quantityChange, id, symbol), price);
                BigDecimal change = after.subtract(base.value.get(id).getOrDefault(symbol, BigDecimal.ZERO));
                String issuer = HouseholdBase.issuerOf(security);
                value.computeIfAbsent(id, a -> new HashMap<>()).put(symbol, after);
                issuerChange.computeIfAbsent(id, a -> new HashMap<>()).merge(issuer, change, BigDecimal::add);
                accountChange.merge(id, change, BigDecimal::add);
                symbolChange.merge(symbol, change, BigDecimal::add);
                householdIssuerChange.merge(issuer, change, BigDecimal::add);
                classChange.merge(security.assetClass(), change, BigDecimal::add);
                householdChange = householdChange.add(change);
            }
        }
        for (var change : cashChange.entrySet()) {
            accountChange.merge(change.getKey(), change.getValue(), BigDecimal::add);
            classChange.merge(AssetClass.CASH, change.getValue(), BigDecimal::add);
            householdChange = householdChange.add(change.getValue());
        }
        BigDecimal householdTotal = base.householdTotal.add(householdChange);
        for (Placed order : orders) {
            OrderCheck check = order.check();
            Security security = order.security();
            AccountId id = order.account().id();
            String issuer = HouseholdBase.issuerOf(security);
            BigDecimal accountTotal = base.accountTotal.get(id).add(accountChange.getOrDefault(id, BigDecimal.ZERO));
            BigDecimal securityValue = value.getOrDefault(id, Map.of()).getOrDefault(security.symbol(),
                    base.value.get(id).getOrDefault(security.symbol(), BigDecimal.ZERO));
            BigDecimal issuerValue = base.issuerValue.get(id).getOrDefault(issuer, BigDecimal.ZERO)
                    .add(issuerChange.getOrDefault(id, Map.of()).getOrDefault(issuer, BigDecimal.ZERO));
            check.securityPctOfAccount = pct(securityValue, accountTotal);
            check.issuerPctOfAccount = pct(issuerValue, accountTotal);
            check.securityPctOfHousehold = pct(base.householdSymbol.getOrDefault(security.symbol(), BigDecimal.ZERO)
                    .add(symbolChange.getOrDefault(security.symbol(), BigDecimal.ZERO)), householdTotal);
            check.issuerPctOfHousehold = pct(base.householdIssuer.getOrDefault(issuer, BigDecimal.ZERO)
                    .add(householdIssuerChange.getOrDefault(issuer, BigDecimal.ZERO)), householdTotal);
            // uninvested cash counts in the CASH class only while it is positive
            BigDecimal classValue = base.householdClass.getOrDefault(security.assetClass(), BigDecimal.ZERO)
                    .add(classChange.getOrDefault(security.assetClass(), BigDecimal.ZERO));
            check.classPctOfHousehold = pct(classValue.max(BigDecimal.ZERO), householdTotal);
            for (IpsBound bound : household.ipsBounds()) {
                if (!bound.assetClass().equals(security.assetClass())) {
                    continue;
                }
                check.ipsMin = bound.minPct();
                check.ipsMax = bound.maxPct();
                BigDecimal weight = check.classPctOfHousehold;
                if (order.buy() && weight.compareTo(bound.maxPct()) > 0) {
                    check.ipsExcessPts = weight.subtract(bound.maxPct());
                } else if (!order.buy() && weight.compareTo(bound.minPct()) < 0) {
                    check.ipsExcessPts = bound.minPct().subtract(weight);
                }
            }
        }
    }

    private void checkWashSales(Household household, List<Placed> orders) {
        WashSaleLedger ledger = new WashSaleLedger();
        LocalDate today = book.asOf();
        for (ExecutedTrade trade : household.recentTrades()) {
            Account account = household.account(trade.account()).orElseThrow();
            Optional<Security> security = book.securities().find(trade.symbol());
            if (security.isEmpty() || trade.tradeDate().isBefore(today.minusDays(WashSaleLedger.WINDOW_DAYS))
                    || trade.tradeDate().isAfter(today)) {
                continue;
            }
            boolean purchase = trade.side() == TradeSide.BUY;
            if (purchase || (trade.isLossSale() && !account.type().isTaxSheltered())) {
                ledger.add(new WashSaleLedger.Entry(account.id(), account.type(), trade.symbol().value(),
                        security.get().washSaleGroup(), purchase, trade.quantity(), trade.tradeDate(),
                        trade.realisedGain().map(BigDecimal::negate), false));
            }
        }
        for (Placed order : orders) {
            if (order.buy() || order.check().estimatedLoss.signum() > 0) {
                ledger.add(new WashSaleLedger.Entry(order.account().id(), order.account().type(), order.security().symbol().value(),
                        order.security().washSaleGroup(), order.buy(), order.quantity(), today,
                        order.buy() ? Optional.empty() : Optional.of(order.check().estimatedLoss), true));
            }
        }
        for (Placed order : orders) {
            Optional<WashSaleLedger.Conflict> conflict = order.buy()
                    ? ledger.forPurchase(order.account().id(), order.account().type(), order.security().washSaleGroup(), today)
                    : order.check().estimatedLoss.signum() > 0
                    ? ledger.forLossSale(order.account().id(), order.security().washSaleGroup(), today)
                    : Optional.empty();
            conflict.ifPresent(c -> {
                order.check().washSaleDetail = c.detail();
                order.check().washSalePermanent = c.permanentLoss();
            });
        }
    }

    private static BigDecimal pct(BigDecimal part, BigDecimal total) {
        return total.signum() <= 0 ? BigDecimal.ZERO : part.multiply(HUNDRED).divide(total, PCT_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal positive(String text, String what, List<String> problems) {
        if (blank(text)) {
            problems.add("no " + what + " is given");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() <= 0) {
                problems.add(what + " " + text.trim() + " is not positive");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(what + " '" + text.trim() + "' is not a number");
            return null;
        }
    }

    /** Weekdays after {@code from} up to and including {@code to}; no exchange holidays are known. */
    static int businessDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
