package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    /** A valid order with its resolved book entries. */
    private record Placed(OrderCheck check, Household household, Account account, Security security, boolean buy,
                          BigDecimal quantity, BigDecimal price) {
    }

    PostTradeBatch(BookSnapshot book) {
        this.book = book;
    }

    List<OrderCheck> checks(List<OrderRequest> orders) {
        return checks(orders, Set.of());
    }

    /**
     * @param excluded positions of orders that will not execute (blocked in an earlier pass): they are read
     *                 and reported but take no part in the batch's post-trade state
     */
    List<OrderCheck> checks(List<OrderRequest> orders, Set<Integer> excluded) {
        List<OrderCheck> checks = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        Map<String, Integer> idCounts = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            idCounts.merge(orderId(orders.get(i), i), 1, Integer::sum);
        }
        for (int i = 0; i < orders.size(); i++) {
            OrderCheck check = new OrderCheck();
            checks.add(check);
            Optional<Placed> order = read(orders.get(i), i, check, idCounts);
            if (order.isPresent() && !excluded.contains(i)) {
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
        for (trimtab.engine.book.Restriction restriction : household.restrictions()) {
            if (restriction.symbol().equals(symbol)) {
                check.clientRestricted = true;
                check.clientRestrictionReason = restriction.reason();
            }
        }
        check.onNoBuyList = account.noBuy().contains(symbol);
        check.onNoSellList = account.noSell().contains(symbol);
        if (!account.esgExclusions().isEmpty() && !security.esgTags().isEmpty()) {
            Set<String> conflicts = new TreeSet<>();
            for (String tag : security.esgTags()) {
                if (account.esgExclusions().stream().anyMatch(e -> e.equalsIgnoreCase(tag))) {
                    conflicts.add(tag);
                }
            }
            check.esgConflictTags = String.join(", ", conflicts);
        }
        check.offPlanMenu = check.side.equals("BUY") && account.type() == trimtab.engine.book.AccountType.ERISA_PLAN
                && !account.planMenu().contains(symbol);
    }

    /** Plays one household's orders, sells before buys, and measures each order after the whole batch. */
    private void simulate(Household household, List<Placed> orders) {
        Map<AccountId, Map<Symbol, BigDecimal>> positions = new HashMap<>();
        Map<AccountId, BigDecimal> cash = new HashMap<>();
        Map<AccountId, Map<Symbol, List<TaxLot>>> lots = new HashMap<>();
        for (Account account : household.accounts()) {
            Map<Symbol, BigDecimal> held = new HashMap<>();
            Map<Symbol, List<TaxLot>> bySymbol = new HashMap<>();
            for (TaxLot lot : account.lots()) {
                held.merge(lot.symbol(), lot.quantity(), BigDecimal::add);
                bySymbol.computeIfAbsent(lot.symbol(), s -> new ArrayList<>()).add(lot);
            }
            positions.put(account.id(), held);
            cash.put(account.id(), account.cash());
            lots.put(account.id(), bySymbol);
        }
        Map<Symbol, BigDecimal> prices = new HashMap<>();
        orders.forEach(o -> prices.put(o.security().symbol(), o.price()));

        Map<AccountId, Map<Symbol, BigDecimal>> relieved = new HashMap<>();
        for (Placed sell : orders.stream().filter(o -> !o.buy()).toList()) {
            AccountId id = sell.account().id();
            Symbol symbol = sell.security().symbol();
            BigDecimal held = positions.get(id).getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal sold = sell.quantity().min(held.max(BigDecimal.ZERO));
            sell.check().heldQuantity = held;
            sell.check().shortBy = sell.quantity().subtract(sold);
            positions.get(id).put(symbol, held.subtract(sold));
            cash.merge(id, sold.multiply(sell.price()).setScale(2, RoundingMode.HALF_EVEN), BigDecimal::add);
            if (!sell.account().type().isTaxSheltered()) {
                BigDecimal already = relieved.computeIfAbsent(id, a -> new HashMap<>()).getOrDefault(symbol, BigDecimal.ZERO);
                BigDecimal basis = highestCostBasis(lots.get(id).getOrDefault(symbol, List.of()), already, sold);
                relieved.get(id).put(symbol, already.add(sold));
                BigDecimal gain = sold.multiply(sell.price()).subtract(basis).setScale(2, RoundingMode.HALF_EVEN);
                sell.check().estimatedLoss = gain.signum() < 0 ? gain.negate() : BigDecimal.ZERO;
            }
        }
        for (Placed buy : orders.stream().filter(Placed::buy).toList()) {
            AccountId id = buy.account().id();
            BigDecimal available = cash.get(id);
            BigDecimal cost = buy.check().notional;
            buy.check().heldQuantity = positions.get(id).getOrDefault(buy.security().symbol(), BigDecimal.ZERO);
            buy.check().cashAvailable = available.max(BigDecimal.ZERO);
            buy.check().overdraftBy = cost.subtract(available.max(BigDecimal.ZERO)).max(BigDecimal.ZERO).min(cost);
            cash.put(id, available.subtract(cost));
            positions.get(id).merge(buy.security().symbol(), buy.quantity(), BigDecimal::add);
        }
        measure(household, orders, positions, cash, prices);
        checkWashSales(household, orders);
    }

    /** Basis of {@code quantity} shares taken from the highest-cost lots, after {@code skip} shares already taken. */
    private static BigDecimal highestCostBasis(List<TaxLot> lots, BigDecimal skip, BigDecimal quantity) {
        List<TaxLot> sorted = new ArrayList<>(lots);
        sorted.sort(Comparator.comparing((TaxLot l) -> l.costBasis().divide(l.quantity(), 10, RoundingMode.HALF_EVEN)).reversed());
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

    private void measure(Household household, List<Placed> orders, Map<AccountId, Map<Symbol, BigDecimal>> positions,
                         Map<AccountId, BigDecimal> cash, Map<Symbol, BigDecimal> orderPrices) {
        // one pass over the household after the batch; each order is then measured by lookups
        Map<AccountId, Map<Symbol, BigDecimal>> bySymbol = new HashMap<>();
        Map<AccountId, Map<String, BigDecimal>> byIssuer = new HashMap<>();
        Map<AccountId, BigDecimal> accountTotals = new HashMap<>();
        Map<Symbol, BigDecimal> symbolInHousehold = new HashMap<>();
        Map<String, BigDecimal> issuerInHousehold = new HashMap<>();
        Map<AssetClass, BigDecimal> classInHousehold = new HashMap<>();
        BigDecimal householdTotal = BigDecimal.ZERO;
        for (Account account : household.accounts()) {
            Map<Symbol, BigDecimal> symbols = new HashMap<>();
            Map<String, BigDecimal> issuers = new HashMap<>();
            BigDecimal total = cash.get(account.id());
            // uninvested cash belongs to the CASH class, as in drift
            classInHousehold.merge(AssetClass.CASH, total.max(BigDecimal.ZERO), BigDecimal::add);
            for (var position : positions.get(account.id()).entrySet()) {
                Security security = book.securities().find(position.getKey()).orElse(null);
                BigDecimal price = security != null && security.price() != null ? security.price() : orderPrices.get(position.getKey());
                // an unpriced holding cannot be valued: it counts as 0 here (its own orders are blocked)
                BigDecimal value = price == null ? BigDecimal.ZERO
                        : position.getValue().max(BigDecimal.ZERO).multiply(price).setScale(2, RoundingMode.HALF_EVEN);
                symbols.merge(position.getKey(), value, BigDecimal::add);
                symbolInHousehold.merge(position.getKey(), value, BigDecimal::add);
                if (security != null) {
                    issuers.merge(issuerOf(security), value, BigDecimal::add);
                    issuerInHousehold.merge(issuerOf(security), value, BigDecimal::add);
                    classInHousehold.merge(security.assetClass(), value, BigDecimal::add);
                }
                total = total.add(value);
            }
            bySymbol.put(account.id(), symbols);
            byIssuer.put(account.id(), issuers);
            accountTotals.put(account.id(), total);
            householdTotal = householdTotal.add(total);
        }
        for (Placed order : orders) {
            OrderCheck check = order.check();
            Security security = order.security();
            AccountId id = order.account().id();
            BigDecimal accountTotal = accountTotals.get(id);
            check.securityPctOfAccount = pct(bySymbol.get(id).getOrDefault(security.symbol(), BigDecimal.ZERO), accountTotal);
            check.issuerPctOfAccount = pct(byIssuer.get(id).getOrDefault(issuerOf(security), BigDecimal.ZERO), accountTotal);
            check.securityPctOfHousehold = pct(symbolInHousehold.getOrDefault(security.symbol(), BigDecimal.ZERO), householdTotal);
            check.issuerPctOfHousehold = pct(issuerInHousehold.getOrDefault(issuerOf(security), BigDecimal.ZERO), householdTotal);
            check.classPctOfHousehold = pct(classInHousehold.getOrDefault(security.assetClass(), BigDecimal.ZERO), householdTotal);
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

    /** Securities without a known issuer are their own issuer, not one shared blank issuer. */
    private static String issuerOf(Security security) {
        return security.issuer().isBlank() ? "(" + security.symbol() + ")" : security.issuer();
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
            boolean purchase = trade.side() == trimtab.engine.book.TradeSide.BUY;
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
