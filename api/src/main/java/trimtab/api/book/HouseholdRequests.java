package trimtab.api.book;

import trimtab.api.book.StoredBook.StoredAccount;
import trimtab.api.book.StoredBook.StoredLot;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.LifeEvent;
import trimtab.engine.book.LifeEventType;
import trimtab.engine.book.LotId;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.book.TradeSide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks households sent by a client and turns them into the engine's records. Besides each record's own
 * constraints it makes the checks a book snapshot makes (known securities and models, an account in one
 * household only) and the ones the store needs (a lot id used once in the whole book), each at the JSON path of
 * the offending item. Ids that belong to someone else in the stored book are conflicts (409), the rest invalid
 * input (422).
 */
final class HouseholdRequests {
    private static final int NOTE_LENGTH = 200;

    private final Context context;
    private final RequestErrors invalid;
    private final RequestErrors conflicts;
    private final Map<String, JsonPath> accountsSeen = new HashMap<>();
    private final Map<String, JsonPath> lotsSeen = new HashMap<>();

    /**
     * What the stored book says about the ids a request names.
     *
     * @param washSaleGroups  symbol to wash-sale group: the security master
     * @param modelIds        the models, by {@link StoredBook#key}
     * @param storedAccounts  the request's accounts that are stored already, by key
     * @param storedLots      the request's lot ids that are stored already, by key
     */
    record Context(Map<String, String> washSaleGroups, Set<String> modelIds, Map<String, StoredAccount> storedAccounts,
                   Map<String, StoredLot> storedLots) {
    }

    HouseholdRequests(Context context, RequestErrors invalid, RequestErrors conflicts) {
        this.context = context;
        this.invalid = invalid;
        this.conflicts = conflicts;
    }

    /** The account ids a request names, to look their owners up before it is checked. */
    static List<String> accountIds(List<HouseholdJson> items) {
        return items.stream().filter(h -> h != null && h.accounts() != null).flatMap(h -> h.accounts().stream())
                .filter(a -> a != null && a.accountId() != null && !a.accountId().isBlank()).map(a -> a.accountId().strip()).toList();
    }

    /** The lot ids a request names. */
    static List<String> lotIds(List<HouseholdJson> items) {
        return items.stream().filter(h -> h != null && h.accounts() != null).flatMap(h -> h.accounts().stream())
                .filter(a -> a != null && a.lots() != null).flatMap(a -> a.lots().stream())
                .filter(l -> l != null && l.lotId() != null && !l.lotId().isBlank()).map(l -> l.lotId().strip()).toList();
    }

    List<Household> households(List<HouseholdJson> items) {
        Set<String> householdKeys = new HashSet<>();
        Set<String> accountKeys = new HashSet<>();
        items.stream().filter(h -> h != null && h.householdId() != null).forEach(h -> householdKeys.add(StoredBook.key(h.householdId())));
        accountIds(items).forEach(a -> accountKeys.add(StoredBook.key(a)));
        List<Household> households = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonPath path = JsonPath.ROOT.index(i);
            HouseholdJson h = items.get(i);
            if (h == null) {
                invalid.add(path, "must be a household, not null");
                continue;
            }
            if (h.householdId() != null && !h.householdId().isBlank()) {
                JsonPath first = seen.putIfAbsent(StoredBook.key(h.householdId()), path);
                if (first != null) {
                    invalid.add(path.field("householdId"), "household " + h.householdId().strip() + " is also at " + first
                            + "; send each household once");
                    continue;
                }
            }
            Household household = household(h, path, householdKeys, accountKeys);
            if (household != null) {
                households.add(household);
            }
        }
        return households;
    }

    private Household household(HouseholdJson h, JsonPath path, Set<String> householdKeys, Set<String> accountKeys) {
        int before = invalid.count() + conflicts.count();
        String id = invalid.id(h.householdId(), path.field("householdId"), 40, true);
        if (id != null && StoredBook.key(id).equals("firm")) {
            // The restriction table scopes the firm's list as FIRM and a client's by household id.
            invalid.add(path.field("householdId"), "FIRM is reserved for the firm's restricted list; choose another household id");
        }
        String name = invalid.text(h.name(), path.field("name"), 200, false);
        String advisor = invalid.id(h.advisorId(), path.field("advisorId"), 40, true);
        String model = modelId(h.modelId(), path.field("modelId"));
        TaxProfile taxProfile = taxProfile(h.taxProfile(), path.field("taxProfile"));

        List<Account> accounts = new ArrayList<>();
        List<AccountJson> accountItems = h.accounts() == null ? List.of() : h.accounts();
        for (int j = 0; j < accountItems.size(); j++) {
            add(accounts, account(accountItems.get(j), path.field("accounts").index(j), id, householdKeys, accountKeys));
        }
        // Every account the body names, valid or not, so that a bad account is not reported again by its cash flows.
        Map<String, AccountId> accountsByKey = new HashMap<>();
        accountItems.stream().filter(a -> a != null && a.accountId() != null && !a.accountId().isBlank())
                .forEach(a -> accountsByKey.putIfAbsent(StoredBook.key(a.accountId()), AccountId.of(a.accountId().strip())));
        List<CashFlow> cashFlows = new ArrayList<>();
        List<CashFlowJson> flowItems = h.cashFlows() == null ? List.of() : h.cashFlows();
        for (int j = 0; j < flowItems.size(); j++) {
            add(cashFlows, cashFlow(flowItems.get(j), path.field("cashFlows").index(j), accountsByKey, invalid));
        }
        List<LifeEvent> lifeEvents = new ArrayList<>();
        List<LifeEventJson> eventItems = h.lifeEvents() == null ? List.of() : h.lifeEvents();
        for (int j = 0; j < eventItems.size(); j++) {
            add(lifeEvents, lifeEvent(eventItems.get(j), path.field("lifeEvents").index(j), invalid));
        }
        List<Restriction> restrictions = restrictions(h.restrictions(), path.field("restrictions"), invalid);
        List<IpsBound> bounds = ipsBounds(h.ipsBounds(), path.field("ipsBounds"));
        List<ExecutedTrade> trades = new ArrayList<>();
        List<TradeJson> tradeItems = h.recentTrades() == null ? List.of() : h.recentTrades();
        for (int j = 0; j < tradeItems.size(); j++) {
            add(trades, trade(tradeItems.get(j), path.field("recentTrades").index(j), accountsByKey));
        }
        if (invalid.count() + conflicts.count() > before) {
            return null;
        }
        return invalid.build(path, () -> new Household(HouseholdId.of(id), name, AdvisorId.of(advisor), taxProfile,
                Optional.ofNullable(model).map(ModelId::of), Optional.ofNullable(h.lastRebalance()), accounts, cashFlows, lifeEvents,
                restrictions, bounds, trades));
    }

    private Account account(AccountJson a, JsonPath path, String householdId, Set<String> householdKeys, Set<String> accountKeys) {
        if (a == null) {
            invalid.add(path, "must be an account, not null");
            return null;
        }
        int before = invalid.count() + conflicts.count();
        String id = invalid.id(a.accountId(), path.field("accountId"), 40, true);
        if (id != null) {
            JsonPath first = accountsSeen.putIfAbsent(StoredBook.key(id), path);
            StoredAccount stored = context.storedAccounts().get(StoredBook.key(id));
            if (first != null) {
                invalid.add(path.field("accountId"), "account " + id + " is also at " + first + "; an account belongs to one household");
            } else if (stored != null && householdId != null && !StoredBook.key(stored.householdId()).equals(StoredBook.key(householdId))) {
                conflicts.add(path.field("accountId"), "account " + id + " belongs to household " + stored.householdId()
                        + ", not " + householdId + "; an account cannot move to another household");
            }
        }
        AccountType type = invalid.choice(a.type(), AccountType.class, path.field("type"), true);
        String custodian = invalid.text(a.custodian(), path.field("custodian"), 40, false);
        BigDecimal cash = invalid.amount(a.cash(), path.field("cash"), DecimalColumn.MONEY, true, true);
        String model = modelId(a.modelId(), path.field("modelId"));
        List<String> noBuy = SecurityRequests.symbols(a.noBuy(), path.field("noBuy"), 500, invalid);
        List<String> noSell = SecurityRequests.symbols(a.noSell(), path.field("noSell"), 500, invalid);
        List<String> esg = SecurityRequests.tags(a.esgExclusions(), path.field("esgExclusions"), 500, invalid);
        List<String> planMenu = SecurityRequests.symbols(a.planMenu(), path.field("planMenu"), 1000, invalid);
        List<TaxLot> lots = new ArrayList<>();
        List<LotJson> lotItems = a.lots() == null ? List.of() : a.lots();
        for (int k = 0; k < lotItems.size(); k++) {
            add(lots, lot(lotItems.get(k), path.field("lots").index(k), householdKeys, accountKeys));
        }
        if (invalid.count() + conflicts.count() > before) {
            return null;
        }
        return invalid.build(path, () -> new Account(AccountId.of(id), type, custodian, cash, Boolean.TRUE.equals(a.fractionalShares()),
                symbolSet(noBuy), symbolSet(noSell), Set.copyOf(esg), lots, Optional.ofNullable(model).map(ModelId::of), symbolSet(planMenu)));
    }

    private TaxLot lot(LotJson l, JsonPath path, Set<String> householdKeys, Set<String> accountKeys) {
        if (l == null) {
            invalid.add(path, "must be a lot, not null");
            return null;
        }
        int before = invalid.count() + conflicts.count();
        String id = invalid.id(l.lotId(), path.field("lotId"), 60, true);
        if (id != null) {
            JsonPath first = lotsSeen.putIfAbsent(StoredBook.key(id), path);
            StoredLot stored = context.storedLots().get(StoredBook.key(id));
            if (first != null) {
                invalid.add(path.field("lotId"), "lot id " + id + " is also at " + first + "; a lot id is unique in the book");
            } else if (stored != null && !accountKeys.contains(StoredBook.key(stored.accountId()))
                    && !householdKeys.contains(StoredBook.key(stored.householdId()))) {
                // A lot of an account this request replaces is replaced with it; one held elsewhere is not this request's.
                conflicts.add(path.field("lotId"), "lot id " + id + " is a lot of account " + stored.accountId() + " in household "
                        + stored.householdId() + "; a lot id is unique in the book");
            }
        }
        String symbol = SecurityRequests.knownSymbol(l.symbol(), path.field("symbol"), context.washSaleGroups(), invalid);
        BigDecimal quantity = invalid.amount(l.quantity(), path.field("quantity"), DecimalColumn.QUANTITY, true, false);
        BigDecimal cost = invalid.amount(l.costBasis(), path.field("costBasis"), DecimalColumn.COST, true, true);
        LocalDate acquired = invalid.date(l.acquired(), path.field("acquired"), true);
        if (invalid.count() + conflicts.count() > before) {
            return null;
        }
        return invalid.build(path, () -> new TaxLot(LotId.of(id), Symbol.of(symbol), quantity, cost, acquired));
    }

    /** A cash flow on one of the household's accounts (given by {@link StoredBook#key}). */
    static CashFlow cashFlow(CashFlowJson f, JsonPath path, Map<String, AccountId> accountsByKey, RequestErrors errors) {
        if (f == null) {
            errors.add(path, "must be a cash flow, not null");
            return null;
        }
        AccountId account = ownAccount(f.accountId(), path.field("accountId"), accountsByKey, errors);
        LocalDate date = errors.date(f.date(), path.field("date"), true);
        BigDecimal amount = errors.decimal(f.amount(), path.field("amount"), DecimalColumn.MONEY, true);
        if (amount != null && amount.signum() == 0) {
            errors.add(path.field("amount"), "must not be zero (positive for a contribution, negative for a distribution)");
            amount = null;
        }
        String note = errors.text(f.note(), path.field("note"), NOTE_LENGTH, false);
        if (account == null || date == null || amount == null) {
            return null;
        }
        BigDecimal checked = amount;
        return errors.build(path, () -> new CashFlow(account, date, checked, note));
    }

    static LifeEvent lifeEvent(LifeEventJson e, JsonPath path, RequestErrors errors) {
        if (e == null) {
            errors.add(path, "must be a life event, not null");
            return null;
        }
        LifeEventType type = errors.choice(e.type(), LifeEventType.class, path.field("type"), true);
        LocalDate date = errors.date(e.date(), path.field("date"), true);
        String note = errors.text(e.note(), path.field("note"), NOTE_LENGTH, false);
        if (type == null || date == null) {
            return null;
        }
        return errors.build(path, () -> new LifeEvent(type, date, note));
    }

    /** A restricted list (a client's or the firm's): each symbol once, with its reason. */
    static List<Restriction> restrictions(List<RestrictionJson> items, JsonPath path, RequestErrors errors) {
        List<Restriction> restrictions = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        List<RestrictionJson> given = items == null ? List.of() : items;
        for (int j = 0; j < given.size(); j++) {
            JsonPath at = path.index(j);
            RestrictionJson r = given.get(j);
            if (r == null) {
                errors.add(at, "must be a restriction, not null");
                continue;
            }
            String symbol = SecurityRequests.symbol(r.symbol(), at.field("symbol"), errors);
            String reason = errors.text(r.reason(), at.field("reason"), 200, false);
            if (symbol == null) {
                continue;
            }
            JsonPath first = seen.putIfAbsent(symbol, at);
            if (first != null) {
                errors.add(at.field("symbol"), symbol + " is also restricted at " + first + "; list each security once");
                continue;
            }
            add(restrictions, errors.build(at, () -> new Restriction(Symbol.of(symbol), reason)));
        }
        return restrictions;
    }

    private List<IpsBound> ipsBounds(List<IpsBoundJson> items, JsonPath path) {
        List<IpsBound> bounds = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        List<IpsBoundJson> given = items == null ? List.of() : items;
        for (int j = 0; j < given.size(); j++) {
            JsonPath at = path.index(j);
            IpsBoundJson b = given.get(j);
            if (b == null) {
                invalid.add(at, "must be an IPS bound, not null");
                continue;
            }
            String assetClass = invalid.id(b.assetClass(), at.field("assetClass"), 40, true);
            BigDecimal min = invalid.amount(b.minPct(), at.field("minPct"), DecimalColumn.PERCENT, false, true);
            BigDecimal max = invalid.amount(b.maxPct(), at.field("maxPct"), DecimalColumn.PERCENT, false, true);
            if (max != null && max.compareTo(BigDecimal.valueOf(100)) > 0) {
                invalid.add(at.field("maxPct"), max.toPlainString() + " % is above 100 %");
                continue;
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                invalid.add(at.field("minPct"), min.toPlainString() + " % is above the maximum of " + max.toPlainString() + " %");
                continue;
            }
            if (assetClass == null || (b.minPct() != null && min == null) || (b.maxPct() != null && max == null)) {
                continue;
            }
            JsonPath first = seen.putIfAbsent(AssetClass.of(assetClass).code(), at);
            if (first != null) {
                invalid.add(at.field("assetClass"), "asset class " + AssetClass.of(assetClass) + " is also bounded at " + first);
                continue;
            }
            add(bounds, invalid.build(at, () -> new IpsBound(AssetClass.of(assetClass), min, max)));
        }
        return bounds;
    }

    private ExecutedTrade trade(TradeJson t, JsonPath path, Map<String, AccountId> accountsByKey) {
        if (t == null) {
            invalid.add(path, "must be a trade, not null");
            return null;
        }
        AccountId account = ownAccount(t.accountId(), path.field("accountId"), accountsByKey, invalid);
        String symbol = SecurityRequests.knownSymbol(t.symbol(), path.field("symbol"), context.washSaleGroups(), invalid);
        TradeSide side = invalid.choice(t.side(), TradeSide.class, path.field("side"), true);
        BigDecimal quantity = invalid.amount(t.quantity(), path.field("quantity"), DecimalColumn.QUANTITY, true, false);
        BigDecimal price = invalid.amount(t.price(), path.field("price"), DecimalColumn.PRICE, true, false);
        LocalDate date = invalid.date(t.tradeDate(), path.field("tradeDate"), true);
        BigDecimal gain = invalid.decimal(t.realisedGain(), path.field("realisedGain"), DecimalColumn.MONEY, false);
        if (side == TradeSide.BUY && gain != null) {
            invalid.add(path.field("realisedGain"), "a purchase realises no gain; leave it out");
            return null;
        }
        if (account == null || symbol == null || side == null || quantity == null || price == null || date == null
                || (t.realisedGain() != null && gain == null)) {
            return null;
        }
        return invalid.build(path, () -> new ExecutedTrade(account, Symbol.of(symbol), side, quantity, price, date, Optional.ofNullable(gain)));
    }

    private TaxProfile taxProfile(TaxProfileJson t, JsonPath path) {
        if (t == null) {
            return TaxProfile.NONE;
        }
        int before = invalid.count();
        BigDecimal shortTerm = rate(t.shortTermRate(), path.field("shortTermRate"));
        BigDecimal longTerm = rate(t.longTermRate(), path.field("longTermRate"));
        BigDecimal shortYtd = invalid.decimal(t.realisedShortTermYtd(), path.field("realisedShortTermYtd"), DecimalColumn.MONEY, false);
        BigDecimal longYtd = invalid.decimal(t.realisedLongTermYtd(), path.field("realisedLongTermYtd"), DecimalColumn.MONEY, false);
        BigDecimal carry = invalid.amount(t.lossCarryForward(), path.field("lossCarryForward"), DecimalColumn.MONEY, false, true);
        if (invalid.count() > before) {
            return TaxProfile.NONE;
        }
        return invalid.build(path, () -> new TaxProfile(shortTerm, longTerm, shortYtd, longYtd, carry));
    }

    private BigDecimal rate(BigDecimal value, JsonPath path) {
        BigDecimal rate = invalid.amount(value, path, DecimalColumn.RATE, true, true);
        if (rate != null && rate.compareTo(BigDecimal.ONE) > 0) {
            invalid.add(path, rate.toPlainString() + " is not a rate between 0 and 1 (0.35 for 35 %)");
            return null;
        }
        return rate;
    }

    private String modelId(String value, JsonPath path) {
        String id = invalid.id(value, path, 40, false);
        if (id != null && !context.modelIds().contains(StoredBook.key(id))) {
            invalid.add(path, "model " + id + " does not exist; add it with PUT /api/v1/models first");
            return null;
        }
        return id;
    }

    private static AccountId ownAccount(String value, JsonPath path, Map<String, AccountId> accountsByKey, RequestErrors errors) {
        String id = errors.id(value, path, 40, true);
        if (id == null) {
            return null;
        }
        AccountId account = accountsByKey.get(StoredBook.key(id));
        if (account == null) {
            errors.add(path, "account " + id + " is not one of the household's accounts");
        }
        return account;
    }

    private static Set<Symbol> symbolSet(List<String> symbols) {
        Set<Symbol> set = new HashSet<>();
        symbols.forEach(s -> set.add(Symbol.of(s)));
        return set;
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }
}
