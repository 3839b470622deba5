package trimtab.engine.planner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.Amounts;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.LotId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TradeSide;
import trimtab.engine.book.WashSaleGroup;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.drift.DriftCalculator;
import trimtab.engine.drift.PortfolioDrift;
import trimtab.engine.drift.PortfolioScope;
import trimtab.engine.drift.PortfolioValuer;
import trimtab.engine.lots.LotRelief;
import trimtab.engine.lots.LotMethod;
import trimtab.engine.lots.LotSelector;
import trimtab.engine.lots.Term;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.taxpolicy.WashSaleScope;
import trimtab.engine.washsale.WashSaleLedger;

/**
 * Plans a household sleeve (every account without a model of its own) against the household model.
 * Deterministic: the same book and policies always give the same trades. See the package documentation
 * for the rules it follows; cash-class holdings (T-bill funds) are neither sold nor bought: the cash class
 * moves through uninvested cash.
 */
public final class TradePlanner {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal EDGE_SHARE = new BigDecimal("0.9");
    private final PlannerSettings settings;

    public TradePlanner(PlannerSettings settings) {
        this.settings = settings;
    }

    public Proposal planHousehold(Household household, BookSnapshot book, Map<AccountId, TaxPolicy> policies,
                                  RebalanceMode mode) {
        return planHousehold(household, book, policies, mode, Map.of());
    }

    /**
     * @param excluded trades the planner must not propose again (a security the guardrails blocked in an
     *                 account), with the reason: it falls back to the next security of the class or reports it
     */
    public Proposal planHousehold(Household household, BookSnapshot book, Map<AccountId, TaxPolicy> policies,
                                  RebalanceMode mode, Map<TradeKey, String> excluded) {
        ModelPortfolio model = book.model(household.model().orElseThrow(() -> new InvalidBookException(
                "household " + household.id() + " has no household model to rebalance to")));
        return new Run(household, household.householdSleeve(), model, book, policies, mode, excluded,
                PortfolioScope.ofHousehold(household.id())).plan();
    }

    /** Plans one account that has a model of its own, against that model. */
    public Proposal planAccount(Household household, AccountId accountId, BookSnapshot book, Map<AccountId, TaxPolicy> policies,
                                RebalanceMode mode) {
        Account account = household.account(accountId).orElseThrow(() -> new InvalidBookException(
                "account " + accountId + " is not an account of household " + household.id()));
        ModelPortfolio model = book.model(account.model().orElseThrow(() -> new InvalidBookException(
                "account " + accountId + " has no model of its own; it is planned with its household")));
        return new Run(household, List.of(account), model, book, policies, mode, Map.of(),
                PortfolioScope.ofAccount(household.id(), accountId)).plan();
    }

    /** A security traded in one direction in one account. */
    public record TradeKey(AccountId account, Symbol symbol, TradeSide side) {
    }

    /** A wash-sale group sold at a loss, or bought, in one account. */
    private record GroupInAccount(AccountId account, WashSaleGroup group) {
    }

    /** The working state of one planning run. */
    private final class Run {
        private final Household household;
        private final List<Account> accounts;
        private final ModelPortfolio model;
        private final BookSnapshot book;
        private final Map<AccountId, TaxPolicy> policies;
        private final RebalanceMode mode;
        private final Map<TradeKey, String> excluded;
        private final PortfolioScope scope;
        private final LocalDate today;
        private final Map<AccountId, BigDecimal> cash = new HashMap<>();
        private final Map<AccountId, List<TaxLot>> lots = new HashMap<>();
        private final Map<AccountId, BigDecimal> reserve = new HashMap<>();
        private final Map<AssetClass, String> blockers = new LinkedHashMap<>();
        private final List<ProposedTrade> trades = new ArrayList<>();
        private final Map<Term, BigDecimal> realised = new EnumMap<>(Term.class);
        /** Loss sales this plan proposes, by account and wash-sale group. */
        private final List<GroupInAccount> plannedLossSales = new ArrayList<>();
        /** Purchases this plan proposes (harvest substitutes and rebalance buys), by account and wash-sale group. */
        private final List<GroupInAccount> plannedBuys = new ArrayList<>();
        private final List<SwapBack> swapBacks = new ArrayList<>();
        /** Lots this plan buys: never sold again by the same plan (a harvest substitute stays until its swap-back). */
        private final Set<LotId> boughtInPlan = new HashSet<>();
        private BigDecimal harvested = BigDecimal.ZERO;
        private int newLots;

        Run(Household household, List<Account> accounts, ModelPortfolio model, BookSnapshot book,
            Map<AccountId, TaxPolicy> policies, RebalanceMode mode, Map<TradeKey, String> excluded, PortfolioScope scope) {
            this.excluded = excluded;
            this.scope = scope;
            this.household = household;
            this.accounts = accounts;
            this.model = model;
            this.book = book;
            this.policies = policies;
            this.mode = mode;
            this.today = book.asOf();
            realised.put(Term.SHORT, BigDecimal.ZERO);
            realised.put(Term.LONG, BigDecimal.ZERO);
            for (Account account : accounts) {
                cash.put(account.id(), account.cash());
                lots.put(account.id(), new ArrayList<>(account.lots()));
                reserve.put(account.id(), reserveOf(account));
            }
        }

        Proposal plan() {
            DriftCalculator calculator = new DriftCalculator(book.securities());
            PortfolioDrift before = calculator.drift(scope, accounts, model);
            Map<AssetClass, BigDecimal> desired = desired(before);
            if (settings.harvest() && (mode == RebalanceMode.TO_TARGET || mode == RebalanceMode.TO_BAND_EDGE)) {
                harvest();
            }
            if (mode != RebalanceMode.BUY_ONLY) {
                for (AllocationDrift allocation : before.allocations()) {
                    BigDecimal excess = allocation.marketValue().subtract(desired.get(allocation.assetClass()));
                    if (!allocation.assetClass().isCash() && excess.compareTo(settings.minTradeNotional()) >= 0) {
                        sell(allocation.assetClass(), excess);
                    }
                }
            }
            if (mode != RebalanceMode.SELL_ONLY) {
                for (AllocationDrift allocation : before.allocations()) {
                    BigDecimal shortfall = desired.get(allocation.assetClass()).subtract(allocation.marketValue());
                    if (!allocation.assetClass().isCash() && shortfall.compareTo(settings.minTradeNotional()) >= 0) {
                        buy(allocation.assetClass(), shortfall);
                    }
                }
            }
            PortfolioDrift after = calculator.drift(scope, accountsAfter(), model);
            List<Residual> residuals = after.outOfBand().stream().map(a -> new Residual(a.assetClass(), a.absoluteDriftPts(),
                    blockers.getOrDefault(a.assetClass(), defaultReason(a)))).toList();
            return new Proposal(mode, trades, before, after, realised.get(Term.SHORT), realised.get(Term.LONG), tax(), residuals,
                    harvested, swapBacks);
        }

        /** A lot whose loss reaches its account's harvest thresholds. */
        private record HarvestCandidate(Account account, TaxLot lot, Security security, BigDecimal loss) {
            GroupInAccount key() {
                return new GroupInAccount(account.id(), security.washSaleGroup());
            }
        }

        /**
         * Sells each lot of the taxable accounts whose loss reaches the account's harvest thresholds and buys a
         * substitute of the same class from another wash-sale group with the proceeds, so the exposure stays; the
         * swap back is allowed from day 31. A lot whose group was bought within 30 days, or whose class has no
         * substitute the account may buy, is left alone.
         *
         * <p>No substitute is of a group this plan harvests in the wash-sale scope: the plan would sell the group
         * at a loss and buy it (IRC §1091). Which groups to harvest is decided before any substitute is picked,
         * by {@link #groupsToHarvest}; the trades then follow in account and lot order.
         */
        private void harvest() {
            List<HarvestCandidate> candidates = harvestCandidates();
            Set<GroupInAccount> harvestedGroups = groupsToHarvest(candidates);
            for (HarvestCandidate candidate : candidates) {
                if (!harvestedGroups.contains(candidate.key())) {
                    continue;
                }
                Account account = candidate.account();
                TaxLot lot = candidate.lot();
                Security security = candidate.security();
                Optional<Security> substitute = substitute(candidate, harvestedGroups);
                if (substitute.isEmpty()) {
                    continue;
                }
                List<LotRelief> relief = LotSelector.relieve(List.of(lot), lot.quantity(), security.price(), today,
                        LotMethod.SPECIFIC_ID, List.of(lot.id()));
                BigDecimal proceeds = relief.get(0).proceeds();
                BigDecimal price = substitute.get().price();
                BigDecimal quantity = shares(proceeds, price, account, RoundingMode.DOWN);
                if (quantity.signum() == 0) {
                    continue;
                }
                realised.merge(relief.get(0).term(), relief.get(0).gain(), BigDecimal::add);
                harvested = harvested.add(relief.get(0).gain().negate());
                plannedLossSales.add(candidate.key());
                removeShares(account, lot.symbol(), lot.quantity(), relief);
                trades.add(new ProposedTrade(account.id(), lot.symbol(), security.assetClass(), TradeSide.SELL, lot.quantity(),
                        security.price(), proceeds, relief, "harvest a " + relief.get(0).term().name().toLowerCase(Locale.ROOT)
                        + "-term loss of " + Amounts.format(candidate.loss()) + " (lot " + lot.id() + ")",
                        ProposedTrade.Purpose.HARVEST, List.of()));
                BigDecimal cost = quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
                TaxLot bought = new TaxLot(LotId.of(account.id() + "-NEW" + (++newLots)), substitute.get().symbol(), quantity, cost, today);
                lots.get(account.id()).add(bought);
                boughtInPlan.add(bought.id());
                plannedBuys.add(new GroupInAccount(account.id(), substitute.get().washSaleGroup()));
                cash.merge(account.id(), proceeds.subtract(cost), BigDecimal::add);
                LocalDate swapBack = today.plusDays(WashSaleLedger.WINDOW_DAYS + 1);
                trades.add(new ProposedTrade(account.id(), substitute.get().symbol(), security.assetClass(), TradeSide.BUY, quantity,
                        price, cost, List.of(), "substitute for the harvested " + lot.symbol() + ", keeping the exposure; swap back"
                        + " on or after " + swapBack, ProposedTrade.Purpose.SUBSTITUTE, List.of()));
                swapBacks.add(new SwapBack(account.id(), substitute.get().symbol(), quantity, lot.symbol(), swapBack));
            }
        }

        /** The lots of the taxable accounts whose loss reaches the thresholds and may be sold without a wash sale, in order. */
        private List<HarvestCandidate> harvestCandidates() {
            List<HarvestCandidate> candidates = new ArrayList<>();
            for (Account account : accounts) {
                if (account.type().isTaxSheltered()) {
                    continue;
                }
                TaxPolicy policy = policy(account);
                for (TaxLot lot : lots.get(account.id())) {
                    Security security = book.securities().require(lot.symbol(), "lot " + lot.id());
                    if (security.price() == null || lot.costBasis().signum() == 0 || sellBlocked(account, lot.symbol()).isPresent()) {
                        continue;
                    }
                    BigDecimal value = lot.quantity().multiply(security.price()).setScale(2, RoundingMode.HALF_EVEN);
                    BigDecimal loss = lot.costBasis().subtract(value);
                    BigDecimal lossPct = loss.multiply(HUNDRED).divide(lot.costBasis(), 6, RoundingMode.HALF_EVEN);
                    if (loss.compareTo(policy.harvestLossAmount()) < 0 || lossPct.compareTo(policy.harvestLossPct()) < 0
                            || boughtWithin30Days(account, security.washSaleGroup())
                            || boughtInThisPlan(account.id(), security.washSaleGroup())) {
                        continue;
                    }
                    candidates.add(new HarvestCandidate(account, lot, security, loss));
                }
            }
            return candidates;
        }

        /**
         * The (account, wash-sale group) pairs to harvest. Every harvested lot needs a substitute from a group that
         * is not itself harvested in the wash-sale scope, or the plan would buy a group it sells at a loss. When a
         * class has enough groups (VTI, ITOT and SCHB) every loss is harvested and the substitutes avoid the
         * harvested groups; when it has not (BND and AGG, the only two aggregate-bond groups), harvesting one
         * group uses up the other as its substitute. Of the two ways to avoid the wash sale (skip the second
         * harvest, or substitute around it) this keeps the most harvested loss: the groups are taken largest loss
         * first, and a group is added only if every group taken, itself included, still has a substitute. Greedy
         * rather than exhaustive: a class has a handful of groups, and the largest loss first is what an advisor
         * would keep. Ties keep account and lot order, so the plan is deterministic.
         */
        private Set<GroupInAccount> groupsToHarvest(List<HarvestCandidate> candidates) {
            Map<GroupInAccount, BigDecimal> lossByGroup = new LinkedHashMap<>();
            candidates.forEach(c -> lossByGroup.merge(c.key(), c.loss(), BigDecimal::add));
            List<GroupInAccount> largestFirst = lossByGroup.keySet().stream()
                    .sorted(Comparator.comparing(lossByGroup::get, Comparator.reverseOrder())).toList();
            Set<GroupInAccount> taken = new LinkedHashSet<>();
            for (GroupInAccount group : largestFirst) {
                taken.add(group);
                boolean feasible = candidates.stream().filter(c -> taken.contains(c.key()))
                        .allMatch(c -> substitute(c, taken).isPresent());
                if (!feasible) {
                    taken.remove(group);
                }
            }
            return taken;
        }

        /**
         * The class's first security the account may buy from another wash-sale group than the one harvested and
         * than every group harvested in the account's wash-sale scope.
         */
        private Optional<Security> substitute(HarvestCandidate candidate, Set<GroupInAccount> harvestedGroups) {
            Optional<ModelTarget> target = model.target(candidate.security().assetClass());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            AccountId account = candidate.account().id();
            List<Symbol> symbols = new ArrayList<>();
            target.get().primary().ifPresent(symbols::add);
            symbols.addAll(target.get().alternates());
            for (Symbol symbol : symbols) {
                Optional<Security> security = book.securities().find(symbol);
                if (security.isEmpty() || security.get().washSaleGroup().equals(candidate.security().washSaleGroup())) {
                    continue;
                }
                WashSaleGroup group = security.get().washSaleGroup();
                boolean harvestedInScope = harvestedGroups.stream().anyMatch(h -> h.group().equals(group) && linked(h.account(), account));
                if (!harvestedInScope && buyableSecurity(candidate.account(), security.get())) {
                    return security;
                }
            }
            return Optional.empty();
        }

        private String defaultReason(AllocationDrift after) {
            if (mode == RebalanceMode.SELL_ONLY && !after.isOverweight()) {
                return "sell-only mode: nothing is bought";
            }
            if (mode == RebalanceMode.BUY_ONLY && after.isOverweight()) {
                return "buy-only mode: nothing is sold";
            }
            if (after.assetClass().isCash()) {
                return "cash moves only as the other classes are traded";
            }
            return "trades smaller than the minimum of " + settings.minTradeNotional().toPlainString()
                    + " or whole shares leave it outside its band";
        }

        /** What each class should be worth after the plan, by mode. */
        private Map<AssetClass, BigDecimal> desired(PortfolioDrift drift) {
            Map<AssetClass, BigDecimal> desired = new HashMap<>();
            BigDecimal total = drift.totalValue();
            for (AllocationDrift a : drift.allocations()) {
                BigDecimal target = percentOf(a.targetPct(), total);
                BigDecimal value = switch (mode) {
                    case TO_TARGET -> target;
                    case TO_BAND_EDGE -> a.isOutOfBand() ? percentOf(edge(a), total) : a.marketValue();
                    case BUY_ONLY -> a.marketValue().max(target);
                    case SELL_ONLY -> a.marketValue().min(target);
                };
                desired.put(a.assetClass(), value);
            }
            return desired;
        }

        /**
         * Where opportunistic rebalancing stops: just inside the nearest band edge (at 90 % of the band's width,
         * so that whole shares do not leave the class on the edge), within both bands.
         */
        private BigDecimal edge(AllocationDrift a) {
            BigDecimal t = a.targetPct();
            boolean over = a.isOverweight();
            BigDecimal edge = t;
            boolean first = true;
            for (Optional<BigDecimal> width : List.of(a.absoluteBandPts(),
                    a.relativeBandPct().filter(r -> t.signum() > 0).map(r -> t.multiply(r).divide(HUNDRED, 6, RoundingMode.HALF_EVEN)))) {
                if (width.isEmpty()) {
                    continue;
                }
                BigDecimal inside = width.get().multiply(EDGE_SHARE);
                BigDecimal candidate = over ? t.add(inside) : t.subtract(inside).max(BigDecimal.ZERO);
                edge = first ? candidate : over ? edge.min(candidate) : edge.max(candidate);
                first = false;
            }
            return edge;
        }

        private void sell(AssetClass assetClass, BigDecimal amount) {
            BigDecimal toSell = amount;
            // tax-sheltered accounts first: selling there realises nothing
            List<Account> order = accounts.stream().sorted(Comparator.comparing((Account a) -> !a.type().isTaxSheltered())).toList();
            for (Account account : order) {
                for (Map.Entry<Symbol, BigDecimal> position : positionsOf(account, assetClass)) {
                    if (toSell.compareTo(settings.minTradeNotional()) < 0) {
                        return;
                    }
                    Symbol symbol = position.getKey();
                    Optional<String> blocked = sellBlocked(account, symbol);
                    if (blocked.isPresent()) {
                        blockers.put(assetClass, blocked.get());
                        continue;
                    }
                    Security security = book.securities().require(symbol, "account " + account.id());
                    BigDecimal price = security.requirePrice(symbol + " in account " + account.id());
                    BigDecimal quantity = nearestShares(toSell, price, account).min(position.getValue());
                    if (quantity.signum() == 0) {
                        continue;
                    }
                    SaleCheck sale = fitSale(account, security, quantity, price);
                    if (sale.quantity().signum() == 0 || sale.quantity().multiply(price).compareTo(settings.minTradeNotional()) < 0) {
                        sale.reason().ifPresent(r -> blockers.put(assetClass, r));
                        continue;
                    }
                    sale.reason().ifPresent(r -> blockers.put(assetClass, r));
                    BigDecimal notional = sale.quantity().multiply(price).setScale(2, RoundingMode.HALF_EVEN);
                    recordSale(account, security, sale, price, notional);
                    toSell = toSell.subtract(notional);
                }
            }
            if (toSell.compareTo(settings.minTradeNotional()) >= 0) {
                blockers.putIfAbsent(assetClass, "nothing more of it can be sold");
            }
        }

        private record SaleCheck(BigDecimal quantity, List<LotRelief> lots, Optional<String> reason) {
        }

        /** The largest sale up to {@code wanted} shares that keeps within the gain budget, short-term cap and wash-sale rules. */
        private SaleCheck fitSale(Account account, Security security, BigDecimal wanted, BigDecimal price) {
            if (account.type().isTaxSheltered()) {
                return new SaleCheck(wanted, List.of(), Optional.empty());
            }
            TaxPolicy policy = policy(account);
            List<TaxLot> held = lotsOf(account.id(), security.symbol());
            List<LotRelief> all = LotSelector.relieve(held, wanted, price, today, policy.lotMethod(), List.of());
            Optional<String> problem = saleProblem(account, policy, security, all);
            if (problem.isEmpty()) {
                return new SaleCheck(wanted, all, Optional.empty());
            }
            // the largest sale that fits, by bisection on the share count; "low" always fits
            int scale = account.fractionalShares() ? 3 : 0;
            BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
            BigDecimal low = BigDecimal.ZERO;
            BigDecimal high = wanted;
            List<LotRelief> fitting = List.of();
            while (high.subtract(low).compareTo(step) > 0) {
                BigDecimal middle = low.add(high).divide(BigDecimal.valueOf(2), scale, RoundingMode.DOWN);
                List<LotRelief> relief = LotSelector.relieve(held, middle, price, today, policy.lotMethod(), List.of());
                if (saleProblem(account, policy, security, relief).isEmpty()) {
                    low = middle;
                    fitting = relief;
                } else {
                    high = middle;
                }
            }
            return new SaleCheck(low, fitting, problem);
        }

        private Optional<String> saleProblem(Account account, TaxPolicy policy, Security security, List<LotRelief> relief) {
            BigDecimal shortTerm = BigDecimal.ZERO;
            BigDecimal longTerm = BigDecimal.ZERO;
            boolean loss = false;
            for (LotRelief lot : relief) {
                if (lot.term() == Term.SHORT) {
                    shortTerm = shortTerm.add(lot.gain());
                } else {
                    longTerm = longTerm.add(lot.gain());
                }
                loss |= lot.isLoss();
            }
            BigDecimal realisedYtd = household.taxProfile().realisedShortTermYtd().add(household.taxProfile().realisedLongTermYtd());
            BigDecimal net = realisedYtd.add(realised.get(Term.SHORT)).add(realised.get(Term.LONG)).add(shortTerm).add(longTerm);
            if (net.compareTo(policy.gainBudget()) > 0) {
                return Optional.of("the annual gain budget of " + policy.gainBudget().toPlainString() + " would be exceeded");
            }
            BigDecimal shortTermTotal = household.taxProfile().realisedShortTermYtd().add(realised.get(Term.SHORT)).add(shortTerm);
            if (shortTerm.signum() > 0 && shortTermTotal.compareTo(policy.shortTermGainCap()) > 0) {
                return Optional.of("the short-term gain cap of " + policy.shortTermGainCap().toPlainString() + " would be exceeded");
            }
            if (loss && boughtWithin30Days(account, security.washSaleGroup())) {
                return Optional.of("selling at a loss would be a wash sale: the same securities were bought within 30 days");
            }
            if (loss && boughtInThisPlan(account.id(), security.washSaleGroup())) {
                return Optional.of("selling at a loss would be a wash sale: this plan buys the same securities (wash-sale group "
                        + security.washSaleGroup() + ")");
            }
            return Optional.empty();
        }

        private void recordSale(Account account, Security security, SaleCheck sale, BigDecimal price, BigDecimal notional) {
            for (LotRelief lot : sale.lots()) {
                realised.merge(lot.term(), lot.gain(), BigDecimal::add);
                if (lot.isLoss()) {
                    plannedLossSales.add(new GroupInAccount(account.id(), security.washSaleGroup()));
                }
            }
            removeShares(account, security.symbol(), sale.quantity(), sale.lots());
            cash.merge(account.id(), notional, BigDecimal::add);
            trades.add(new ProposedTrade(account.id(), security.symbol(), security.assetClass(), TradeSide.SELL, sale.quantity(),
                    price, notional, sale.lots(), security.assetClass() + " is above its " + (mode == RebalanceMode.TO_BAND_EDGE
                    ? "band" : "target"), ProposedTrade.Purpose.REBALANCE, List.of()));
        }

        private void buy(AssetClass assetClass, BigDecimal amount) {
            Optional<ModelTarget> target = model.target(assetClass);
            if (target.isEmpty()) {
                return;
            }
            BigDecimal toBuy = amount;
            // bonds where their income is sheltered, everything else where gains are taxed at the long-term rate
            boolean shelterFirst = isFixedIncome(assetClass);
            List<Account> order = accounts.stream()
                    .sorted(Comparator.comparing((Account a) -> a.type().isTaxSheltered() != shelterFirst)).toList();
            for (Account account : order) {
                BigDecimal available = cash.get(account.id()).subtract(reserve.get(account.id()));
                if (toBuy.compareTo(settings.minTradeNotional()) < 0) {
                    return;
                }
                if (available.compareTo(settings.minTradeNotional()) < 0) {
                    continue;
                }
                Optional<Security> security = buyable(account, target.get());
                if (security.isEmpty()) {
                    continue;
                }
                BigDecimal price = security.get().price();
                BigDecimal quantity = shares(toBuy.min(available), price, account, RoundingMode.DOWN);
                BigDecimal notional = quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
                if (quantity.signum() == 0 || notional.compareTo(settings.minTradeNotional()) < 0) {
                    continue;
                }
                cash.merge(account.id(), notional.negate(), BigDecimal::add);
                TaxLot bought = new TaxLot(LotId.of(account.id() + "-NEW" + (++newLots)), security.get().symbol(), quantity, notional, today);
                lots.get(account.id()).add(bought);
                boughtInPlan.add(bought.id());
                plannedBuys.add(new GroupInAccount(account.id(), security.get().washSaleGroup()));
                trades.add(new ProposedTrade(account.id(), security.get().symbol(), assetClass, TradeSide.BUY, quantity, price,
                        notional, List.of(), assetClass + " is below its " + (mode == RebalanceMode.TO_BAND_EDGE ? "band" : "target"),
                        ProposedTrade.Purpose.REBALANCE, List.of()));
                toBuy = toBuy.subtract(notional);
            }
            if (toBuy.compareTo(settings.minTradeNotional()) >= 0) {
                blockers.putIfAbsent(assetClass, "the accounts that can buy it lack the cash (cash cannot move between"
                        + " accounts, and the reserve for distributions stays)");
            }
        }

        /** The model's primary security for the class, or the first alternate this account may buy. */
        private Optional<Security> buyable(Account account, ModelTarget target) {
            List<Symbol> candidates = new ArrayList<>();
            target.primary().ifPresent(candidates::add);
            candidates.addAll(target.alternates());
            for (Symbol symbol : candidates) {
                Optional<Security> security = book.securities().find(symbol);
                if (security.isPresent() && buyableSecurity(account, security.get())) {
                    return security;
                }
            }
            blockers.put(target.assetClass(), "no security of the class may be bought in account " + account.id()
                    + " (restricted, excluded, off the plan menu or sold at a loss within 30 days)");
            return Optional.empty();
        }

        /** Priced, not restricted, listed or excluded for the account, and not a wash-sale replacement. */
        private boolean buyableSecurity(Account account, Security security) {
            Symbol symbol = security.symbol();
            return security.price() != null && !account.noBuy().contains(symbol) && book.firmRestriction(symbol).isEmpty()
                    && household.restriction(symbol).isEmpty() && account.esgConflicts(security).isEmpty()
                    && !account.isOffPlanMenu(symbol)
                    && !excluded.containsKey(new TradeKey(account.id(), symbol, TradeSide.BUY))
                    && !soldAtALossWithin30Days(account, security.washSaleGroup());
        }

        private Optional<String> sellBlocked(Account account, Symbol symbol) {
            String guardrail = excluded.get(new TradeKey(account.id(), symbol, TradeSide.SELL));
            if (guardrail != null) {
                return Optional.of(guardrail);
            }
            if (account.noSell().contains(symbol)) {
                return Optional.of(symbol + " is on the no-sell list of account " + account.id());
            }
            if (book.firmRestriction(symbol).isPresent() || household.restriction(symbol).isPresent()) {
                return Optional.of(symbol + " is restricted");
            }
            return Optional.empty();
        }

        private boolean boughtWithin30Days(Account account, WashSaleGroup group) {
            return tradesInScope(account).stream().anyMatch(t -> t.side() == TradeSide.BUY && sameGroup(t, group)
                    && !t.tradeDate().isBefore(today.minusDays(WashSaleLedger.WINDOW_DAYS)) && !t.tradeDate().isAfter(today));
        }

        private boolean soldAtALossWithin30Days(Account account, WashSaleGroup group) {
            boolean planned = plannedLossSales.stream().anyMatch(e -> e.group().equals(group) && linked(e.account(), account.id()));
            return planned || tradesInScope(account).stream().anyMatch(t -> t.isLossSale()
                    && sameGroup(t, group) && !t.tradeDate().isBefore(today.minusDays(WashSaleLedger.WINDOW_DAYS)));
        }

        /** Whether this plan buys the group in an account whose purchases would replace a loss sale in this account. */
        private boolean boughtInThisPlan(AccountId account, WashSaleGroup group) {
            return plannedBuys.stream().anyMatch(b -> b.group().equals(group) && linked(b.account(), account));
        }

        /**
         * Whether a purchase in one account and a loss sale in the other fall in one wash-sale scope: the same
         * account, or either account's policy looks across the household (or the firm). Symmetric, so that a
         * loss sale and a purchase are judged alike whichever of the two the plan proposes first.
         */
        private boolean linked(AccountId one, AccountId other) {
            return one.equals(other) || scopeOf(one) != WashSaleScope.ACCOUNT || scopeOf(other) != WashSaleScope.ACCOUNT;
        }

        /** The executed trades the account's wash-sale scope looks across: its own, its household's, or the firm's. */
        private List<ExecutedTrade> tradesInScope(Account account) {
            return switch (scopeOf(account)) {
                case ACCOUNT -> household.recentTrades().stream().filter(t -> t.account().equals(account.id())).toList();
                case HOUSEHOLD -> household.recentTrades();
                case FIRM -> book.households().stream().flatMap(h -> h.recentTrades().stream()).toList();
            };
        }

        private WashSaleScope scopeOf(Account account) {
            return scopeOf(account.id());
        }

        private WashSaleScope scopeOf(AccountId account) {
            TaxPolicy policy = policies.get(account);
            return policy == null ? WashSaleScope.HOUSEHOLD : policy.washSaleScope();
        }

        private boolean sameGroup(ExecutedTrade trade, WashSaleGroup group) {
            return book.securities().find(trade.symbol()).map(s -> s.washSaleGroup().equals(group)).orElse(false);
        }

        private List<Map.Entry<Symbol, BigDecimal>> positionsOf(Account account, AssetClass assetClass) {
            Map<Symbol, BigDecimal> held = new LinkedHashMap<>();
            for (TaxLot lot : lots.get(account.id())) {
                Security security = book.securities().require(lot.symbol(), "lot " + lot.id());
                if (security.assetClass().equals(assetClass) && !boughtInPlan.contains(lot.id())) {
                    held.merge(lot.symbol(), lot.quantity(), BigDecimal::add);
                }
            }
            // the largest position first; ties by symbol, so the plan is deterministic
            return held.entrySet().stream().sorted(Comparator.comparing((Map.Entry<Symbol, BigDecimal> e) ->
                    e.getValue().multiply(book.securities().find(e.getKey()).map(Security::price).orElse(BigDecimal.ZERO))).reversed()
                    .thenComparing(Map.Entry::getKey)).toList();
        }

        /** The account's lots of the security that a sale may relieve: not those this plan buys (see {@link #positionsOf}). */
        private List<TaxLot> lotsOf(AccountId account, Symbol symbol) {
            return lots.get(account).stream().filter(l -> l.symbol().equals(symbol) && !boughtInPlan.contains(l.id())).toList();
        }

        /** Takes the relieved shares out of the working lots (for a sheltered account: first lots first). */
        private void removeShares(Account account, Symbol symbol, BigDecimal quantity, List<LotRelief> relief) {
            List<TaxLot> working = lots.get(account.id());
            Map<LotId, BigDecimal> take = new HashMap<>();
            if (relief.isEmpty()) {
                BigDecimal remaining = quantity;
                for (TaxLot lot : working) {
                    if (lot.symbol().equals(symbol) && remaining.signum() > 0) {
                        BigDecimal taken = remaining.min(lot.quantity());
                        take.put(lot.id(), taken);
                        remaining = remaining.subtract(taken);
                    }
                }
            } else {
                relief.forEach(r -> take.put(r.lot(), r.quantity()));
            }
            List<TaxLot> updated = new ArrayList<>();
            for (TaxLot lot : working) {
                BigDecimal taken = take.getOrDefault(lot.id(), BigDecimal.ZERO);
                BigDecimal left = lot.quantity().subtract(taken);
                if (taken.signum() == 0) {
                    updated.add(lot);
                } else if (left.signum() > 0) {
                    BigDecimal basisLeft = lot.costBasis().multiply(left).divide(lot.quantity(), 2, RoundingMode.HALF_EVEN);
                    updated.add(new TaxLot(lot.id(), lot.symbol(), left, basisLeft, lot.acquired()));
                }
            }
            lots.put(account.id(), updated);
        }

        private List<Account> accountsAfter() {
            return accounts.stream().map(a -> new Account(a.id(), a.type(), a.custodian(), cash.get(a.id()), a.fractionalShares(),
                    a.noBuy(), a.noSell(), a.esgExclusions(), lots.get(a.id()), a.model(), a.planMenu())).toList();
        }

        /** Cash an account keeps: its distributions due within the reserve window, and the minimum cash share. */
        private BigDecimal reserveOf(Account account) {
            BigDecimal distributions = household.cashFlows().stream()
                    .filter(f -> f.account().equals(account.id()) && f.isDistribution())
                    .filter(f -> !f.date().isBefore(today) && !f.date().isAfter(today.plusDays(settings.reserveDays())))
                    .map(f -> f.amount().negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal value = new PortfolioValuer(book.securities()).valueByAssetClass(List.of(account))
                    .values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return distributions.add(percentOf(settings.minCashPct(), value));
        }

        private BigDecimal tax() {
            BigDecimal shortTerm = realised.get(Term.SHORT);
            BigDecimal longTerm = realised.get(Term.LONG);
            // a net loss of one term offsets a gain of the other
            if (shortTerm.signum() < 0 && longTerm.signum() > 0) {
                longTerm = longTerm.add(shortTerm).max(BigDecimal.ZERO);
                shortTerm = BigDecimal.ZERO;
            } else if (longTerm.signum() < 0 && shortTerm.signum() > 0) {
                shortTerm = shortTerm.add(longTerm).max(BigDecimal.ZERO);
                longTerm = BigDecimal.ZERO;
            }
            return shortTerm.max(BigDecimal.ZERO).multiply(household.taxProfile().shortTermRate())
                    .add(longTerm.max(BigDecimal.ZERO).multiply(household.taxProfile().longTermRate()))
                    .setScale(2, RoundingMode.HALF_EVEN);
        }

        private TaxPolicy policy(Account account) {
            TaxPolicy policy = policies.get(account.id());
            if (policy == null) {
                throw new InvalidBookException("no tax policy was resolved for account " + account.id());
            }
            return policy;
        }

        /**
         * The share count whose value is nearest the amount: rounding up lands a sale inside the band, but never
         * further past the goal than rounding down would fall short of it (so no class ends worse than it began).
         */
        private BigDecimal nearestShares(BigDecimal amount, BigDecimal price, Account account) {
            BigDecimal down = shares(amount, price, account, RoundingMode.DOWN);
            BigDecimal up = shares(amount, price, account, RoundingMode.UP);
            BigDecimal over = up.multiply(price).subtract(amount);
            BigDecimal under = amount.subtract(down.multiply(price));
            return over.compareTo(under) <= 0 ? up : down;
        }

        private BigDecimal shares(BigDecimal amount, BigDecimal price, Account account, RoundingMode rounding) {
            int scale = account.fractionalShares() ? 3 : 0;
            return amount.divide(price, scale, rounding).max(BigDecimal.ZERO);
        }
    }

    private static BigDecimal percentOf(BigDecimal pct, BigDecimal total) {
        return total.multiply(pct).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
    }

    /** Bond-like classes, whose income is taxed as ordinary income: held in tax-sheltered accounts when possible. */
    static boolean isFixedIncome(AssetClass assetClass) {
        String code = assetClass.code();
        return code.contains("BOND") || code.contains("TREASURY") || code.contains("TIPS");
    }
}
