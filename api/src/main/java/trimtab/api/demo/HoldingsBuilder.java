package trimtab.api.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

/**
 * Turns a household's allocations into positions, tax lots and cash across its accounts.
 *
 * <p>First it plans <em>slots</em>: an asset class in an account, holding one or more securities, with its share
 * of the household's value. Classes are placed where an advisor would put them (bonds in the IRA, equities in the
 * Roth and the taxable account, old single stocks in the taxable account), then the number of positions is
 * brought to the household's target: a second fund in a class, the class in one more account, or a small legacy
 * position to add; a second fund, a T-bill position or a small slot folded into its sibling to remove. Only then
 * are shares, lots and cash made, as exact decimals.
 */
final class HoldingsBuilder {
    /** Legacy holdings (single stocks, funds of classes no model names) are placed like one more class; the
     *  pseudo class never reaches the book, whose securities carry their own classes. */
    static final AssetClass LEGACY = AssetClass.of("LEGACY_HOLDINGS");
    /** Lots per position, 1 to 6: most positions were bought once or twice, a few over many years. */
    private static final double[] LOT_COUNT_WEIGHTS = {0.26, 0.25, 0.19, 0.13, 0.10, 0.07};
    /** A T-bill fund has not been held for ten years: its lots are from the last two. */
    private static final int CASH_FUND_MAX_DAYS = 720;
    private static final double SECOND_ACCOUNT_CHANCE = 0.45;

    private final Firm firm;
    private final SecurityUniverse universe;
    private final PriceHistory history;
    private final RandomDraws draws;
    private final Set<Symbol> avoid;
    private final List<Slot> slots = new ArrayList<>();
    private final Map<AccountDraft, Double> cashShares = new LinkedHashMap<>();
    /** The securities each account's slots hold, to keep one position per security and account. */
    private final Map<AccountDraft, Set<Symbol>> planned = new HashMap<>();
    private final List<List<AccountDraft>> portfolios = new ArrayList<>();

    /** One asset class in one account. */
    private static final class Slot {
        final int portfolio;
        final AccountDraft account;
        final AssetClass assetClass;
        final List<Security> securities = new ArrayList<>();
        double share;
        boolean concentrated;
        /** no further fund can be added to it */
        boolean full;

        Slot(int portfolio, AccountDraft account, AssetClass assetClass, double share) {
            this.portfolio = portfolio;
            this.account = account;
            this.assetClass = assetClass;
            this.share = share;
        }
    }

    /** @param avoid securities never picked unless a household needs them (the firm's restricted stock, excluded tags) */
    HoldingsBuilder(Firm firm, RandomDraws draws, Set<Symbol> avoid) {
        this.firm = firm;
        this.universe = firm.universe;
        this.history = firm.history;
        this.draws = draws;
        this.avoid = avoid;
    }

    /**
     * Plans one portfolio: the household sleeve or an account with its own model.
     *
     * @param share         the portfolio's share of the household's value
     * @param required      securities it must hold as legacy positions, the concentrated one first (the allocation
     *                      must give legacy holdings room for them)
     * @param concentrated  whether the first legacy security dominates the legacy holdings
     */
    void addPortfolio(List<AccountDraft> accounts, double share, Allocation allocation, List<Security> required,
                      boolean concentrated) {
        int portfolio = portfolios.size();
        portfolios.add(accounts);
        for (Map.Entry<AssetClass, Double> entry : allocation.modelClasses().entrySet()) {
            if (!entry.getKey().isCash() && entry.getValue() > 0) {
                place(portfolio, entry.getKey(), entry.getValue() * share, accounts, List.of(), false);
            }
        }
        if (allocation.legacy() > 0) {
            place(portfolio, LEGACY, allocation.legacy() * share, accounts, required, concentrated);
        }
        placeCash(portfolio, allocation.of(AssetClass.CASH) * share, accounts);
        for (AccountDraft account : accounts) {
            if (slots.stream().noneMatch(s -> s.account == account && !s.assetClass.isCash())) {
                giveSlice(portfolio, account);
            }
        }
    }

    /** Adds or folds positions until the household holds {@code target} (security, account) positions, if it can. */
    void fitPositionCount(int target) {
        int count = positionCount();
        while (count < target && (grow() || spread() || addLegacy())) {
            count++;
        }
        while (count > target && shrink()) {
            count--;
        }
    }

    int positionCount() {
        return slots.stream().mapToInt(s -> s.securities.size()).sum();
    }

    /**
     * Buys the planned positions as lots at believable past prices, and leaves the cash in the accounts. The size of
     * a position is a draw (a share of the household); quantities and money are exact decimals from there on.
     */
    void materialise(BigDecimal householdValue) {
        long valueCents = FixedPoint.units(householdValue, 2);
        for (Slot slot : slots) {
            int count = slot.securities.size();
            double[] weights = new double[count];
            double total = 0;
            for (int i = 0; i < count; i++) {
                weights[i] = i == 0 ? 1.0 : slot.concentrated ? draws.uniform(0.04, 0.15) : draws.uniform(0.25, 0.8);
                total += weights[i];
            }
            for (int i = 0; i < count; i++) {
                buyLots(slot.account, slot.securities.get(i), Math.round(valueCents * slot.share * weights[i] / total));
            }
        }
        cashShares.forEach((account, share) -> account.cash = account.cash.add(BigDecimal.valueOf(Math.round(valueCents * share), 2)));
    }

    private void place(int portfolio, AssetClass assetClass, double share, List<AccountDraft> accounts, List<Security> required,
                       boolean concentrated) {
        List<AccountDraft> eligible = new ArrayList<>(accounts.size());
        for (AccountDraft account : accounts) {
            if (canHold(account, assetClass, !required.isEmpty())) {
                eligible.add(account);
            }
        }
        if (eligible.isEmpty()) {
            return;
        }
        // the account that attracts the class most holds it; each other one sometimes does too
        eligible.sort(Comparator.comparingDouble((AccountDraft a) -> -a.weight * preference(assetClass, a.type)));
        List<AccountDraft> chosen = new ArrayList<>(eligible.size());
        chosen.add(eligible.get(0));
        for (int i = 1; i < eligible.size(); i++) {
            if (draws.chance(SECOND_ACCOUNT_CHANCE)) {
                chosen.add(eligible.get(i));
            }
        }
        double total = 0;
        for (AccountDraft account : chosen) {
            total += account.weight * preference(assetClass, account.type);
        }
        for (AccountDraft account : chosen) {
            Slot slot = new Slot(portfolio, account, assetClass, share * account.weight * preference(assetClass, account.type) / total);
            if (account == chosen.get(0)) {
                required.stream().filter(s -> !holds(account, s)).forEach(slot.securities::add);
                slot.concentrated = concentrated;
            }
            if (slot.securities.isEmpty()) {
                Security first = firstSecurity(account, assetClass);
                if (first == null) {
                    continue;
                }
                slot.securities.add(first);
            }
            add(slot);
        }
    }

    /**
     * The cash class: uninvested cash in every account (a plan account keeps almost none), and in some brokerage
     * accounts part of it parked in the model's T-bill fund.
     */
    private void placeCash(int portfolio, double share, List<AccountDraft> accounts) {
        double[] weights = new double[accounts.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            AccountDraft account = accounts.get(i);
            weights[i] = account.weight * draws.uniform(0.5, 1.5) * (account.type == AccountType.ERISA_PLAN ? 0.15 : 1);
            total += weights[i];
        }
        for (int i = 0; i < weights.length; i++) {
            AccountDraft account = accounts.get(i);
            double accountShare = share * weights[i] / total;
            var cashFund = universe.cashFund();
            if (cashFund.isPresent() && account.type != AccountType.ERISA_PLAN && draws.chance(0.3)) {
                double inFund = accountShare * draws.uniform(0.5, 0.85);
                Slot slot = new Slot(portfolio, account, AssetClass.CASH, inFund);
                slot.securities.add(cashFund.get());
                add(slot);
                accountShare -= inFund;
            }
            cashShares.merge(account, accountShare, Double::sum);
        }
    }

    /** An account no class was placed in takes half of the slot it would most want. */
    private void giveSlice(int portfolio, AccountDraft account) {
        Slot best = null;
        for (Slot slot : slots) {
            if (slot.portfolio == portfolio && !slot.assetClass.isCash() && slot.assetClass != LEGACY
                    && canHold(account, slot.assetClass, false)
                    && (best == null || preference(slot.assetClass, account.type) * slot.share
                    > preference(best.assetClass, account.type) * best.share)) {
                best = slot;
            }
        }
        if (best == null) {
            return;
        }
        Security first = firstSecurity(account, best.assetClass);
        if (first == null) {
            return;
        }
        Slot slice = new Slot(portfolio, account, best.assetClass, best.share / 2);
        best.share /= 2;
        slice.securities.add(first);
        add(slice);
    }

    private void add(Slot slot) {
        slots.add(slot);
        Set<Symbol> held = planned.computeIfAbsent(slot.account, a -> new HashSet<>());
        slot.securities.forEach(s -> held.add(s.symbol()));
    }

    /** Adds a second (third ...) fund to a class in an account, the slot drawn by its size. */
    private boolean grow() {
        while (true) {
            double open = 0;
            for (Slot slot : slots) {
                open += slot.full ? 0 : slot.share;
            }
            if (open <= 0) {
                return false;
            }
            double point = draws.nextDouble() * open;
            Slot slot = null;
            for (Slot candidate : slots) {
                if (!candidate.full) {
                    slot = candidate;
                    point -= candidate.share;
                    if (point < 0) {
                        break;
                    }
                }
            }
            Security extra = extraSecurity(slot);
            if (extra == null) {
                slot.full = true;
                continue;
            }
            slot.securities.add(extra);
            planned.get(slot.account).add(extra.symbol());
            return true;
        }
    }

    /** Places the largest class also in an account of its portfolio that does not hold it yet, with half its share. */
    private boolean spread() {
        for (Slot slot : bySizeDescending()) {
            if (slot.assetClass.isCash() || slot.assetClass == LEGACY) {
                continue;
            }
            for (AccountDraft account : portfolios.get(slot.portfolio)) {
                boolean holdsClass = slots.stream().anyMatch(s -> s.account == account && s.assetClass.equals(slot.assetClass));
                if (!holdsClass && canHold(account, slot.assetClass, false)) {
                    Security first = firstSecurity(account, slot.assetClass);
                    if (first != null) {
                        Slot copy = new Slot(slot.portfolio, account, slot.assetClass, slot.share / 2);
                        slot.share /= 2;
                        copy.securities.add(first);
                        add(copy);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A small legacy position (an old stock or fund) in the household sleeve, when nothing else can be added. */
    private boolean addLegacy() {
        if (slots.isEmpty() || slots.stream().anyMatch(s -> s.assetClass == LEGACY && s.portfolio == 0)) {
            return false;
        }
        for (AccountDraft account : portfolios.get(0)) {
            Security first = account.type == AccountType.ERISA_PLAN ? null : firstSecurity(account, LEGACY);
            if (first != null) {
                Slot largest = bySizeDescending().get(0);
                double share = Math.min(0.01, largest.share / 2);
                largest.share -= share;
                Slot legacy = new Slot(0, account, LEGACY, share);
                legacy.securities.add(first);
                add(legacy);
                return true;
            }
        }
        return false;
    }

    private List<Slot> bySizeDescending() {
        List<Slot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparingDouble((Slot s) -> -s.share));
        return sorted;
    }

    /**
     * Removes one position: a second fund first, then a T-bill position (back to cash), then the smallest slot
     * whose class the portfolio also holds elsewhere (folded into that sibling), never an account's last one.
     */
    private boolean shrink() {
        Slot smallest = null;
        for (Slot slot : slots) {
            if (slot.securities.size() > 1 && (smallest == null || slot.share < smallest.share)) {
                smallest = slot;
            }
        }
        if (smallest != null) {
            Security dropped = smallest.securities.remove(smallest.securities.size() - 1);
            planned.get(smallest.account).remove(dropped.symbol());
            return true;
        }
        for (Slot slot : slots) {
            if (slot.assetClass.isCash()) {
                slots.remove(slot);
                planned.get(slot.account).remove(slot.securities.get(0).symbol());
                cashShares.merge(slot.account, slot.share, Double::sum);
                return true;
            }
        }
        Slot fold = null;
        Slot into = null;
        for (Slot slot : slots) {
            if (slot.concentrated || slots.stream().filter(s -> s.account == slot.account).count() < 2) {
                continue;
            }
            Slot sibling = slots.stream().filter(s -> s != slot && s.portfolio == slot.portfolio && s.assetClass.equals(slot.assetClass))
                    .max(Comparator.comparingDouble(s -> s.share)).orElse(null);
            if (sibling != null && (fold == null || slot.share < fold.share)) {
                fold = slot;
                into = sibling;
            }
        }
        if (fold == null) {
            return false;
        }
        slots.remove(fold);
        planned.get(fold.account).remove(fold.securities.get(0).symbol());
        into.share += fold.share;
        return true;
    }

    private Security firstSecurity(AccountDraft account, AssetClass assetClass) {
        if (assetClass.isCash()) {
            return universe.cashFund().orElse(null);
        }
        if (assetClass != LEGACY && account.type != AccountType.ERISA_PLAN) {
            List<Security> modelFunds = universe.modelFunds(assetClass);
            // most advisors bought the model's primary fund; others a fund they preferred at the time
            if (!modelFunds.isEmpty() && draws.chance(0.6) && usable(account, modelFunds.get(0))) {
                return modelFunds.get(0);
            }
        }
        return pickUsable(account, candidates(account, assetClass));
    }

    private Security extraSecurity(Slot slot) {
        if (slot.assetClass.isCash() || (slot.concentrated && slot.securities.size() >= 4)) {
            return null;
        }
        return pickUsable(slot.account, candidates(slot.account, slot.assetClass));
    }

    /** What an account may hold in a class: a plan account only its menu; legacy positions by registration. */
    private List<Security> candidates(AccountDraft account, AssetClass assetClass) {
        if (account.type == AccountType.ERISA_PLAN) {
            return (assetClass == LEGACY ? universe.offModelFunds() : universe.funds(assetClass)).stream()
                    .filter(s -> account.planMenu.contains(s.symbol())).toList();
        }
        if (assetClass != LEGACY) {
            return universe.funds(assetClass);
        }
        // old single stocks sit in taxable accounts; retirement accounts hold the odd sector or index fund
        boolean stock = draws.chance(account.isTaxed() ? 0.7 : 0.25);
        return stock ? universe.stocks() : universe.offModelFunds();
    }

    private Security pickUsable(AccountDraft account, List<Security> candidates) {
        List<Security> usable = new ArrayList<>();
        for (Security security : candidates) {
            if (usable(account, security)) {
                usable.add(security);
            }
        }
        return usable.isEmpty() ? null : draws.pick(usable);
    }

    private boolean usable(AccountDraft account, Security security) {
        return !avoid.contains(security.symbol()) && !holds(account, security);
    }

    private boolean holds(AccountDraft account, Security security) {
        Set<Symbol> held = planned.get(account);
        return held != null && held.contains(security.symbol());
    }

    private boolean canHold(AccountDraft account, AssetClass assetClass, boolean requiredSecurities) {
        if (account.type != AccountType.ERISA_PLAN) {
            return true;
        }
        // a plan cannot hold a stock the client must keep; its menu decides the rest
        return !requiredSecurities && !candidates(account, assetClass).isEmpty();
    }

    /**
     * Asset location: how much an account of this registration attracts a class. Bonds' income is taxed as
     * ordinary income, so they go where it is sheltered; growth goes to the Roth; old stock stays where it was bought.
     */
    private double preference(AssetClass assetClass, AccountType type) {
        boolean taxed = !type.isTaxSheltered();
        if (assetClass == LEGACY) {
            return taxed ? 4 : type == AccountType.ERISA_PLAN ? 0.5 : 0.6;
        }
        if (universe.isFixedIncome(assetClass)) {
            return switch (type) {
                case TRADITIONAL_IRA -> 3;
                case ERISA_PLAN -> 2;
                case ROTH_IRA -> 0.5;
                case TAXABLE, TRUST -> 1;
            };
        }
        return switch (type) {
            case ROTH_IRA -> 2;
            case TAXABLE, TRUST -> 1.5;
            case TRADITIONAL_IRA, ERISA_PLAN -> 1;
        };
    }

    /**
     * Lots of one position worth about {@code cents}: whole shares (thousandths of a unit in a plan account), split
     * into 1-6 lots bought over the last ten years, oldest first, each at its month's price.
     */
    private void buyLots(AccountDraft account, Security security, long cents) {
        int scale = account.fractionalShares ? 3 : 0;
        long priceUnits = history.priceUnits(security);
        // cents x 10^(scale + 2) / price in ten-thousandths = quantity in units of 10^-scale
        long units = Math.max(1, FixedPoint.multiplyDivide(cents, FixedPoint.tenTo(scale + 2), priceUnits));
        int lots = (int) Math.min(units, 1 + draws.weightedIndex(LOT_COUNT_WEIGHTS));
        int maxDays = security.assetClass().isCash() ? CASH_FUND_MAX_DAYS : firm.maxDaysAgo();
        int[] daysAgo = new int[lots];
        for (int i = 0; i < lots; i++) {
            // more lots are recent than old (dividends reinvested, contributions, rebalancing): u(1 + u) / 2 leans low
            double u = draws.nextDouble();
            daysAgo[i] = 1 + (int) ((maxDays - 1) * u * (1 + u) / 2);
        }
        Arrays.sort(daysAgo);
        double[] cumulative = new double[lots];
        double total = 0;
        for (int i = 0; i < lots; i++) {
            total += draws.uniform(0.3, 1.0);
            cumulative[i] = total;
        }
        long spare = units - lots;
        long before = 0;
        for (int i = 0; i < lots; i++) {
            long upTo = Math.round(spare * cumulative[i] / total);
            long lotUnits = 1 + upTo - before;
            before = upTo;
            int ago = daysAgo[lots - 1 - i];
            long costPerShare = history.costPerShareUnits(security, ago, draws);
            // units x ten-thousandths has scale + 4 decimals; cents have 2
            long costCents = FixedPoint.multiplyDivide(lotUnits, costPerShare, FixedPoint.tenTo(scale + 2));
            account.lots.add(new TaxLot(account.nextLotId(security.symbol()), security.symbol(), BigDecimal.valueOf(lotUnits, scale),
                    BigDecimal.valueOf(costCents, 2), firm.daysBefore(ago)));
        }
    }
}
