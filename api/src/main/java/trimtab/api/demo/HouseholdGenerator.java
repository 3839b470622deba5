package trimtab.api.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.book.TradeSide;

/**
 * Makes up one household of the synthetic firm from its own draws: who they are, their accounts, what they hold
 * and why it drifted, and the facts the rule rows test (cash flows, life events, restrictions, investment
 * policy, recent trades, taxes).
 */
final class HouseholdGenerator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Brokerage accounts first, then retirement accounts: the order advisors list them in. */
    private static final List<AccountType> ACCOUNT_ORDER = List.of(AccountType.TAXABLE, AccountType.TRUST,
            AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA, AccountType.ERISA_PLAN);
    private static final double[] ACCOUNT_COUNT_WEIGHTS = {0.15, 0.30, 0.30, 0.17, 0.08};
    private static final List<String> CUSTODIANS = List.of("SCHWAB", "FIDELITY", "PERSHING");
    private static final double[] CUSTODIAN_WEIGHTS = {0.45, 0.35, 0.20};
    private static final List<String> PLAN_RECORDKEEPERS = List.of("EMPOWER", "FIDELITY", "PRINCIPAL", "VOYA");
    private static final List<LifeEventType> LIFE_EVENTS = List.of(LifeEventType.RETIREMENT, LifeEventType.INHERITANCE,
            LifeEventType.DIVORCE, LifeEventType.DEATH_OF_SPOUSE, LifeEventType.JOB_CHANGE, LifeEventType.MARRIAGE,
            LifeEventType.BIRTH_OF_CHILD);
    private static final double[] LIFE_EVENT_WEIGHTS = {0.30, 0.14, 0.10, 0.10, 0.16, 0.10, 0.10};
    /** The least share of the household a stock it is known to hold (restricted, excluded, kept) takes. */
    private static final double LEGACY_PER_KNOWN_STOCK = 0.012;

    private final Firm firm;
    private final SecurityUniverse universe;
    private final LocalDate asOf;

    HouseholdGenerator(Firm firm) {
        this.firm = firm;
        this.universe = firm.universe;
        this.asOf = firm.asOf;
    }

    Household generate(int index) {
        return new Draft(index).build();
    }

    /** The household being made up; one per call, so that nothing is shared between households. */
    private final class Draft {
        private final RandomDraws draws;
        private final HouseholdId id;
        private final Set<Trait> traits;
        private final String surname;
        private final String firstName;
        private final BigDecimal value;
        private final List<LifeEventType> lifeEvents = new ArrayList<>();
        private final ModelPortfolio model;
        private final List<AccountDraft> accounts = new ArrayList<>();
        private DriftProfile sleeveProfile;

        Draft(int index) {
            this.draws = RandomDraws.forHousehold(firm.seed, index);
            this.id = new HouseholdId(firm.householdId(index));
            this.traits = drawTraits(firm.forcedTraits(index));
            this.surname = draws.pick(HouseholdNames.SURNAMES);
            this.firstName = draws.pick(HouseholdNames.FIRST_NAMES);
            this.value = householdValue();
            if (traits.contains(Trait.LIFE_EVENT)) {
                lifeEvents.add(LIFE_EVENTS.get(draws.weightedIndex(LIFE_EVENT_WEIGHTS)));
                if (draws.chance(0.15)) {
                    LifeEventType second = LIFE_EVENTS.get(draws.weightedIndex(LIFE_EVENT_WEIGHTS));
                    if (!lifeEvents.contains(second)) {
                        lifeEvents.add(second);
                    }
                }
            }
            this.model = householdModel();
        }

        Household build() {
            AdvisorId advisor = firm.advisor(draws);
            openAccounts();
            Optional<AccountDraft> ownModelAccount = assignOwnModel();
            Holdings held = buyHoldings(ownModelAccount);
            List<Restriction> restrictions = new ArrayList<>();
            held.clientRestricted.ifPresent(s -> restrictions.add(new Restriction(s.symbol(), "insider: " + firstName + " "
                    + surname + " is an officer of " + s.issuer())));
            held.keep.flatMap(this::holderOf).ifPresent(a -> a.noSell.add(held.keep.get().symbol()));
            accounts.forEach(a -> a.esgExclusions.addAll(held.esgExclusions));
            if (traits.contains(Trait.NO_BUY)) {
                addNoBuy();
            }
            List<ExecutedTrade> trades = traits.contains(Trait.RECENT_TRADES) ? recentTrades() : List.of();
            List<CashFlow> flows = cashFlows();
            List<Account> frozen = accounts.stream().map(AccountDraft::toAccount).toList();
            return new Household(id, name(), advisor, taxProfile(), Optional.of(model.id()), lastRebalance(), frozen, flows,
                    lifeEvents(), restrictions, ipsBounds(), trades);
        }

        private Set<Trait> drawTraits(Set<Trait> forced) {
            Set<Trait> drawn = EnumSet.noneOf(Trait.class);
            drawn.addAll(forced);
            for (Trait trait : Trait.values()) {
                if (draws.chance(trait.share())) {
                    drawn.add(trait);
                }
            }
            if (drawn.contains(Trait.BINDING_IPS)) {
                // the IPS is measured on the whole household: an account on its own model would blur it
                drawn.remove(Trait.OWN_MODEL_ACCOUNT);
            }
            return drawn;
        }

        /** Log-normal around $900,000, as advisory books are: many mid-size clients, a few very large. */
        private BigDecimal householdValue() {
            double dollars = traits.contains(Trait.VERY_WEALTHY) ? draws.uniform(4e6, 1e7)
                    : Math.max(120_000, Math.min(15e6, 900_000 * StrictMath.exp(0.85 * draws.gaussian())));
            return BigDecimal.valueOf(Math.round(dollars));
        }

        /** The middle model most often; the cautious one for retirees, the growth one for young families. */
        private ModelPortfolio householdModel() {
            List<ModelPortfolio> models = universe.modelsByRisk();
            if (lifeEvents.contains(LifeEventType.RETIREMENT) && draws.chance(0.6)) {
                return models.get(0);
            }
            if ((lifeEvents.contains(LifeEventType.BIRTH_OF_CHILD) || lifeEvents.contains(LifeEventType.MARRIAGE)) && draws.chance(0.5)) {
                return models.get(models.size() - 1);
            }
            double[] weights = new double[models.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = i == models.size() / 2 ? 1.8 : 1.0;
            }
            return models.get(draws.weightedIndex(weights));
        }

        private void openAccounts() {
            int count = 1 + draws.weightedIndex(ACCOUNT_COUNT_WEIGHTS);
            if (traits.contains(Trait.ERISA_PLAN) || traits.contains(Trait.OWN_MODEL_ACCOUNT)) {
                count = Math.max(2, count);
            }
            if (traits.contains(Trait.VERY_WEALTHY)) {
                count = Math.max(3, count);
            }
            Set<AccountType> types = EnumSet.noneOf(AccountType.class);
            // five accounts means every registration; a plan account only with another account beside it
            if (traits.contains(Trait.ERISA_PLAN) || count == 5) {
                types.add(AccountType.ERISA_PLAN);
            }
            if (traits.contains(Trait.RECENT_TRADES) || traits.contains(Trait.NO_SELL)) {
                types.add(AccountType.TAXABLE);
            }
            List<AccountType> others = new ArrayList<>(List.of(AccountType.TAXABLE, AccountType.TRADITIONAL_IRA,
                    AccountType.ROTH_IRA, AccountType.TRUST));
            while (types.size() < count) {
                double[] weights = others.stream().mapToDouble(this::accountTypeWeight).toArray();
                AccountType type = others.remove(draws.weightedIndex(weights));
                types.add(type);
            }
            String custodian = CUSTODIANS.get(draws.weightedIndex(CUSTODIAN_WEIGHTS));
            for (AccountType type : ACCOUNT_ORDER) {
                if (!types.contains(type)) {
                    continue;
                }
                boolean plan = type == AccountType.ERISA_PLAN;
                double weight = baseWeight(type) * StrictMath.exp(0.5 * draws.gaussian());
                AccountDraft account = new AccountDraft(new AccountId(id.value() + "-" + suffix(type)), type,
                        plan ? draws.pick(PLAN_RECORDKEEPERS) : custodian, weight);
                if (plan) {
                    fillPlanMenu(account);
                }
                accounts.add(account);
            }
        }

        private double accountTypeWeight(AccountType type) {
            return switch (type) {
                case TAXABLE -> 0.9;
                case TRADITIONAL_IRA -> 0.75;
                case ROTH_IRA -> 0.5;
                case TRUST -> traits.contains(Trait.VERY_WEALTHY) ? 0.6 : 0.15;
                case ERISA_PLAN -> 0;
            };
        }

        private double baseWeight(AccountType type) {
            return switch (type) {
                case TAXABLE -> 1.0;
                case TRUST -> 1.4;
                case TRADITIONAL_IRA -> 0.9;
                case ROTH_IRA -> 0.35;
                case ERISA_PLAN -> 0.6;
            };
        }

        private String suffix(AccountType type) {
            return switch (type) {
                case TAXABLE -> "TAX";
                case TRUST -> "TRUST";
                case TRADITIONAL_IRA -> "IRA";
                case ROTH_IRA -> "ROTH";
                case ERISA_PLAN -> "401K";
            };
        }

        /** One fund per class the models use (a plan offers a core lineup), and the plan's index and target-date funds. */
        private void fillPlanMenu(AccountDraft account) {
            for (AssetClass assetClass : universe.modelClasses()) {
                List<Security> funds = universe.modelFunds(assetClass);
                if (!funds.isEmpty()) {
                    account.planMenu.add(draws.pick(funds).symbol());
                }
            }
            universe.offModelFunds().stream().filter(s -> s.type() == SecurityType.MUTUAL_FUND)
                    .forEach(s -> account.planMenu.add(s.symbol()));
        }

        /**
         * A Roth on the growth model (a long horizon), a trust on the cautious one (the trustee's duty), or an IRA on
         * another model; never the plan account, and never the last brokerage account of the household sleeve.
         */
        private Optional<AccountDraft> assignOwnModel() {
            if (!traits.contains(Trait.OWN_MODEL_ACCOUNT)) {
                return Optional.empty();
            }
            long brokerage = accounts.stream().filter(a -> a.type != AccountType.ERISA_PLAN).count();
            if (brokerage < 2) {
                return Optional.empty();
            }
            List<ModelPortfolio> models = universe.modelsByRisk();
            List<ModelPortfolio> others = models.stream().filter(m -> !m.id().equals(model.id())).toList();
            if (others.isEmpty()) {
                return Optional.empty();
            }
            for (AccountType type : List.of(AccountType.ROTH_IRA, AccountType.TRUST, AccountType.TRADITIONAL_IRA, AccountType.TAXABLE)) {
                Optional<AccountDraft> account = accounts.stream().filter(a -> a.type == type).findFirst();
                if (account.isPresent()) {
                    ModelPortfolio own = switch (type) {
                        case ROTH_IRA -> others.get(others.size() - 1);
                        case TRUST -> others.get(0);
                        default -> draws.pick(others);
                    };
                    account.get().model = Optional.of(own.id());
                    return account;
                }
            }
            return Optional.empty();
        }

        /** The securities the holdings were built around, for the restrictions that name them. */
        private record Holdings(Optional<Security> clientRestricted, Optional<Security> keep, List<String> esgExclusions) {
        }

        private Holdings buyHoldings(Optional<AccountDraft> ownModelAccount) {
            sleeveProfile = traits.contains(Trait.BINDING_IPS) ? DriftProfile.EQUITY_UNDERWEIGHT
                    : traits.contains(Trait.CLIENT_RESTRICTION) && draws.chance(0.7) ? DriftProfile.LEGACY_CONCENTRATION
                    : traits.contains(Trait.CONTRIBUTION) && draws.chance(0.5) ? DriftProfile.CASH_HEAVY
                    : DriftProfile.draw(draws);
            Set<Symbol> avoid = new HashSet<>();
            firm.restrictedStock.ifPresent(s -> avoid.add(s.symbol()));
            List<Security> required = new ArrayList<>();
            List<Security> plainStocks = universe.stocks().stream()
                    .filter(s -> s.esgTags().isEmpty() && !firm.restrictedStock.equals(Optional.of(s))).toList();
            Optional<Security> clientRestricted = Optional.empty();
            if (traits.contains(Trait.CLIENT_RESTRICTION) && !plainStocks.isEmpty()) {
                clientRestricted = Optional.of(draws.pick(plainStocks));
                required.add(clientRestricted.get());
            }
            List<String> exclusions = new ArrayList<>();
            if (traits.contains(Trait.ESG_EXCLUSION) && !universe.esgTags().isEmpty()) {
                List<String> tags = draws.shuffled(universe.esgTags());
                exclusions.addAll(tags.subList(0, Math.min(tags.size(), draws.between(1, 2))));
                List<Security> tagged = universe.stocks().stream()
                        .filter(s -> s.esgTags().stream().anyMatch(exclusions::contains)).toList();
                tagged.forEach(s -> avoid.add(s.symbol()));
                // many clients adopt exclusions while still holding what they now exclude: selling it is allowed
                if (!tagged.isEmpty() && draws.chance(0.5)) {
                    required.add(draws.pick(tagged));
                }
            }
            if (traits.contains(Trait.HOLDS_FIRM_RESTRICTED)) {
                firm.restrictedStock.ifPresent(required::add);
            }
            Optional<Security> keep = Optional.empty();
            List<Security> keepable = plainStocks.stream().filter(s -> !required.contains(s)).toList();
            if (traits.contains(Trait.NO_SELL) && !keepable.isEmpty()) {
                keep = Optional.of(draws.pick(keepable));
                required.add(keep.get());
            }

            double totalWeight = accounts.stream().mapToDouble(a -> a.weight).sum();
            List<AccountDraft> sleeve = accounts.stream().filter(a -> a.model.isEmpty()).toList();
            HoldingsBuilder holdings = new HoldingsBuilder(firm, draws, avoid);
            holdings.addPortfolio(sleeve, sleeve.stream().mapToDouble(a -> a.weight).sum() / totalWeight,
                    sleeveProfile.allocate(model, universe, draws, LEGACY_PER_KNOWN_STOCK * required.size()), required,
                    sleeveProfile == DriftProfile.LEGACY_CONCENTRATION);
            if (ownModelAccount.isPresent()) {
                AccountDraft account = ownModelAccount.get();
                ModelPortfolio own = universe.modelsByRisk().stream().filter(m -> m.id().equals(account.model.orElseThrow()))
                        .findFirst().orElseThrow();
                DriftProfile profile = draws.chance(0.6) ? DriftProfile.IN_BAND : DriftProfile.EQUITY_OVERWEIGHT;
                holdings.addPortfolio(List.of(account), account.weight / totalWeight, profile.allocate(own, universe, draws, 0),
                        List.of(), false);
            }
            holdings.fitPositionCount(draws.between(10, Math.min(40, 12 + 6 * accounts.size())));
            holdings.materialise(value);
            return new Holdings(clientRestricted, keep, exclusions);
        }

        private Optional<AccountDraft> holderOf(Security security) {
            return accounts.stream().filter(a -> a.holds(security.symbol())).findFirst();
        }

        /** A stock the client never wants, or a model's fund the client dislikes (the planner then buys its alternate). */
        private void addNoBuy() {
            List<AccountDraft> brokerage = accounts.stream().filter(a -> a.type != AccountType.ERISA_PLAN).toList();
            AccountDraft account = draws.pick(brokerage);
            List<Security> candidates = new ArrayList<>();
            if (draws.chance(0.5)) {
                candidates.addAll(universe.stocks());
            } else {
                for (ModelTarget target : model.targets()) {
                    if (!target.assetClass().isCash()) {
                        target.primary().map(universe::security).ifPresent(candidates::add);
                    }
                }
            }
            candidates.removeIf(s -> firm.restrictedList.stream().anyMatch(r -> r.symbol().equals(s.symbol())));
            if (!candidates.isEmpty()) {
                account.noBuy.add(draws.pick(candidates).symbol());
            }
        }

        /**
         * A loss sale of a model fund from a taxable account (so the planner must not buy that fund back within 30
         * days) and a purchase of a security the household holds at a loss in a taxable account (so that lot must
         * not be harvested now); the purchase's lot is in the book.
         */
        private List<ExecutedTrade> recentTrades() {
            List<ExecutedTrade> trades = new ArrayList<>();
            Optional<AccountDraft> taxed = accounts.stream().filter(AccountDraft::isTaxed).findFirst();
            if (taxed.isEmpty()) {
                return trades;
            }
            List<Security> sellable = new ArrayList<>();
            for (ModelTarget target : model.targets()) {
                if (!target.assetClass().isCash() && !universe.isFixedIncome(target.assetClass())) {
                    target.primary().map(universe::security)
                            .filter(s -> firm.restrictedList.stream().noneMatch(r -> r.symbol().equals(s.symbol())))
                            .ifPresent(sellable::add);
                }
            }
            Optional<Security> sold = sellable.isEmpty() ? Optional.empty() : Optional.of(draws.pick(sellable));
            if (sold.isPresent()) {
                Security security = sold.get();
                BigDecimal quantity = fraction(value, draws.uniform(0.015, 0.05))
                        .divide(security.price(), 0, RoundingMode.HALF_EVEN).max(BigDecimal.TEN);
                BigDecimal price = scaled(security.price(), 1 - draws.uniform(0, 0.04));
                BigDecimal loss = fraction(quantity.multiply(price), draws.uniform(0.06, 0.16)).negate();
                trades.add(new ExecutedTrade(taxed.get().id, security.symbol(), TradeSide.SELL, quantity, price,
                        asOf.minusDays(draws.between(5, 26)), Optional.of(loss)));
            }
            // positions that can take one more lot, outside the plan account, not of the group just sold
            List<Position> atALoss = new ArrayList<>();
            List<Position> any = new ArrayList<>();
            for (AccountDraft account : accounts) {
                for (TaxLot lot : account.lots) {
                    if (account.type == AccountType.ERISA_PLAN || account.lotCount(lot.symbol()) >= 6 || sameGroup(lot.symbol(), sold)) {
                        continue;
                    }
                    Position position = new Position(account, universe.security(lot.symbol()));
                    any.add(position);
                    if (account.isTaxed() && isAtALoss(lot)) {
                        atALoss.add(position);
                    }
                }
            }
            if (any.isEmpty()) {
                return trades;
            }
            Position position = draws.pick(atALoss.isEmpty() ? any : atALoss);
            Security bought = position.security();
            // bought again in the IRA: if the taxable lot were harvested now, its loss would be lost for good
            AccountDraft buyer = atALoss.isEmpty() ? position.account() : accounts.stream()
                    .filter(a -> a.type == AccountType.TRADITIONAL_IRA || a.type == AccountType.ROTH_IRA)
                    .filter(a -> a.holds(bought.symbol()) && a.lotCount(bought.symbol()) < 6).findFirst()
                    .orElse(position.account());
            BigDecimal quantity = fraction(value, draws.uniform(0.005, 0.02))
                    .divide(bought.price(), 0, RoundingMode.HALF_EVEN).max(BigDecimal.valueOf(5));
            BigDecimal price = scaled(bought.price(), draws.uniform(0.985, 1.015));
            LocalDate date = asOf.minusDays(draws.between(2, 21));
            trades.add(new ExecutedTrade(buyer.id, bought.symbol(), TradeSide.BUY, quantity, price, date, Optional.empty()));
            buyer.lots.add(new TaxLot(buyer.nextLotId(bought.symbol()), bought.symbol(), quantity,
                    quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN), date));
            return trades;
        }

        private record Position(AccountDraft account, Security security) {
        }

        private boolean isAtALoss(TaxLot lot) {
            return lot.quantity().multiply(universe.security(lot.symbol()).price()).compareTo(lot.costBasis()) < 0;
        }

        private boolean sameGroup(Symbol symbol, Optional<Security> other) {
            return other.isPresent() && universe.security(symbol).washSaleGroup().equals(other.get().washSaleGroup());
        }

        private List<CashFlow> cashFlows() {
            List<CashFlow> flows = new ArrayList<>();
            List<AccountDraft> sleeve = accounts.stream().filter(a -> a.model.isEmpty()).toList();
            BigDecimal sleeveCash = sleeve.stream().map(a -> a.cash).reduce(BigDecimal.ZERO, BigDecimal::add);
            Optional<AccountDraft> payer = sleeve.stream().filter(AccountDraft::isTaxed).findFirst()
                    .or(() -> sleeve.stream().filter(a -> a.type == AccountType.TRADITIONAL_IRA).findFirst())
                    .or(() -> sleeve.stream().findFirst());
            if (traits.contains(Trait.PENDING_DISTRIBUTION) && payer.isPresent()) {
                // more than the uninvested cash of the sleeve: something must be sold to pay it
                AccountDraft from = payer.get();
                BigDecimal extra = fraction(value, draws.uniform(0.002, 0.04)).max(BigDecimal.valueOf(1500));
                boolean rmd = from.type == AccountType.TRADITIONAL_IRA;
                BigDecimal amount = rmd ? sleeveCash.add(extra) : roundUpToHundreds(sleeveCash.add(extra));
                String note = rmd ? "required minimum distribution for " + asOf.getYear()
                        : draws.pick(List.of("quarterly income distribution", "tuition payment", "down payment on a home",
                        "annual gift to the children", "fourth-quarter estimated tax payment"));
                flows.add(new CashFlow(from.id, asOf.plusDays(draws.between(3, 27)), amount.negate(), note));
            } else if (payer.isPresent() && draws.chance(0.08)) {
                // a regular income the cash covers
                BigDecimal amount = roundDownToHundreds(fraction(payer.get().cash, draws.uniform(0.1, 0.5)));
                if (amount.signum() > 0) {
                    flows.add(new CashFlow(payer.get().id, asOf.withDayOfMonth(1).plusMonths(1), amount.negate(), "monthly income"));
                }
            }
            if (traits.contains(Trait.CONTRIBUTION)) {
                Optional<AccountDraft> into = firstOfType(sleeve, AccountType.TAXABLE, AccountType.ROTH_IRA,
                        AccountType.TRADITIONAL_IRA, AccountType.TRUST);
                if (into.isPresent()) {
                    BigDecimal amount = sleeveProfile == DriftProfile.CASH_HEAVY
                            ? fraction(sleeveCash, draws.uniform(0.5, 0.9))
                            : fraction(value, draws.uniform(0.01, 0.05));
                    amount = roundDownToHundreds(amount).max(BigDecimal.valueOf(500));
                    String note = into.get().isTaxed()
                            ? draws.pick(List.of("deposit from checking", "year-end bonus", "proceeds of a home sale"))
                            : draws.pick(List.of("IRA contribution for " + asOf.getYear(), "rollover from a former employer's 401(k)"));
                    flows.add(new CashFlow(into.get().id, asOf.minusDays(draws.between(2, 27)), amount, note));
                }
            }
            for (AccountDraft plan : accounts) {
                if (plan.type == AccountType.ERISA_PLAN) {
                    // biweekly payroll deferrals: two received, the next one scheduled
                    BigDecimal deferral = fraction(BigDecimal.valueOf(1000), draws.uniform(0.35, 1.4));
                    LocalDate last = asOf.minusDays(draws.between(1, 13));
                    flows.add(new CashFlow(plan.id, last.minusDays(14), deferral, "payroll deferral"));
                    flows.add(new CashFlow(plan.id, last, deferral, "payroll deferral"));
                    flows.add(new CashFlow(plan.id, last.plusDays(14), deferral, "payroll deferral"));
                }
            }
            Optional<AccountDraft> ira = firstOfType(accounts, AccountType.ROTH_IRA, AccountType.TRADITIONAL_IRA);
            if (ira.isPresent() && draws.chance(0.08)) {
                flows.add(new CashFlow(ira.get().id, LocalDate.of(asOf.getYear() + 1, 1, 15), new BigDecimal("7000.00"),
                        "annual IRA contribution"));
            }
            return flows;
        }

        private List<LifeEvent> lifeEvents() {
            List<LifeEvent> events = new ArrayList<>();
            String spouse = draws.pick(HouseholdNames.FIRST_NAMES);
            for (LifeEventType type : lifeEvents) {
                // most events are recent enough for their review window; some are older or further ahead
                boolean recent = draws.chance(0.8);
                LocalDate date = switch (type) {
                    case RETIREMENT -> asOf.plusDays(recent ? draws.between(10, 85) : draws.between(120, 700));
                    case INHERITANCE, JOB_CHANGE -> asOf.minusDays(recent ? draws.between(5, 85) : draws.between(100, 400));
                    case DIVORCE -> asOf.minusDays(recent ? draws.between(10, 170) : draws.between(200, 500));
                    case DEATH_OF_SPOUSE -> asOf.minusDays(recent ? draws.between(20, 330) : draws.between(400, 700));
                    case MARRIAGE, BIRTH_OF_CHILD -> asOf.minusDays(draws.between(10, 300));
                };
                String note = switch (type) {
                    case RETIREMENT -> firstName + " retires";
                    case INHERITANCE -> firstName + " inherits from a parent's estate";
                    case DIVORCE -> "divorce decree: accounts to be retitled";
                    case DEATH_OF_SPOUSE -> spouse + " " + surname;
                    case JOB_CHANGE -> firstName + " changes employer; a 401(k) rollover is expected";
                    case MARRIAGE -> firstName + " marries " + spouse;
                    case BIRTH_OF_CHILD -> "a child is born; beneficiaries to be updated";
                };
                events.add(new LifeEvent(type, date, note));
            }
            return events;
        }

        /**
         * Most IPS ranges sit well around the model (10-15 pts either side); a binding one caps the largest equity
         * class below the model's own target, so the planner's buy there is blocked and re-planned.
         */
        private List<IpsBound> ipsBounds() {
            List<IpsBound> bounds = new ArrayList<>();
            if (!traits.contains(Trait.IPS_BOUNDS) && !traits.contains(Trait.BINDING_IPS)) {
                return bounds;
            }
            List<ModelTarget> byTarget = model.targets().stream().filter(t -> !t.assetClass().isCash())
                    .sorted(Comparator.comparing(ModelTarget::targetPct).reversed()).toList();
            Optional<ModelTarget> capped = Optional.empty();
            if (traits.contains(Trait.BINDING_IPS)) {
                capped = byTarget.stream().filter(t -> !universe.isFixedIncome(t.assetClass())).findFirst();
                capped.ifPresent(t -> bounds.add(new IpsBound(t.assetClass(),
                        t.targetPct().subtract(BigDecimal.valueOf(25)).max(BigDecimal.ZERO).setScale(0, RoundingMode.FLOOR),
                        t.targetPct().subtract(new BigDecimal("5.5")).setScale(0, RoundingMode.FLOOR))));
            }
            int ranged = draws.between(2, 3);
            for (ModelTarget target : byTarget) {
                if (bounds.size() >= ranged) {
                    break;
                }
                if (capped.isPresent() && capped.get().assetClass().equals(target.assetClass())) {
                    continue;
                }
                BigDecimal min = target.targetPct().subtract(BigDecimal.valueOf(draws.between(10, 15))).max(BigDecimal.ZERO);
                BigDecimal max = target.targetPct().add(BigDecimal.valueOf(draws.between(10, 15))).min(HUNDRED);
                bounds.add(new IpsBound(target.assetClass(), min, max));
            }
            return bounds;
        }

        /** Brackets rise with wealth; some households realised gains (or losses) this year, some carry losses in. */
        private TaxProfile taxProfile() {
            double dollars = value.doubleValue();
            String[][] brackets = dollars < 400_000 ? new String[][] {{"0.12", "0.00"}, {"0.22", "0.15"}, {"0.24", "0.15"}}
                    : dollars < 2_000_000 ? new String[][] {{"0.24", "0.15"}, {"0.32", "0.15"}, {"0.35", "0.15"}}
                    // the top bracket with the 3.8 % net investment income tax on both terms
                    : new String[][] {{"0.35", "0.20"}, {"0.37", "0.20"}, {"0.408", "0.238"}};
            String[] bracket = brackets[draws.below(brackets.length)];
            BigDecimal longTermYtd = BigDecimal.ZERO;
            double longTerm = draws.nextDouble();
            if (longTerm < 0.4) {
                longTermYtd = cents(draws.uniform(300, Math.max(600, Math.min(40_000, 0.03 * dollars))));
            } else if (longTerm < 0.5) {
                longTermYtd = cents(draws.uniform(1_000, 15_000)).negate();
            }
            BigDecimal shortTermYtd = draws.chance(0.15) ? cents(draws.uniform(100, 6_000)) : BigDecimal.ZERO;
            BigDecimal carryForward = !draws.chance(0.12) ? BigDecimal.ZERO
                    : draws.chance(0.5) ? new BigDecimal("3000.00") : cents(draws.uniform(3_000, 60_000));
            return new TaxProfile(new BigDecimal(bracket[0]), new BigDecimal(bracket[1]), shortTermYtd, longTermYtd, carryForward);
        }

        /** Some never (new clients), some more than a year ago (overdue), most within the year. */
        private Optional<LocalDate> lastRebalance() {
            double draw = draws.nextDouble();
            if (draw < 0.12) {
                return Optional.empty();
            }
            return Optional.of(asOf.minusDays(draw < 0.30 ? draws.between(366, 1100) : draws.between(7, 364)));
        }

        private String name() {
            boolean trust = accounts.stream().anyMatch(a -> a.type == AccountType.TRUST);
            if (trust && draws.chance(0.5)) {
                return surname + " family trust";
            }
            return switch (draws.below(3)) {
                case 0 -> surname + " household";
                case 1 -> surname + " family";
                default -> firstName + " " + surname;
            };
        }

        private Optional<AccountDraft> firstOfType(List<AccountDraft> among, AccountType... types) {
            for (AccountType type : types) {
                for (AccountDraft account : among) {
                    if (account.type == type) {
                        return Optional.of(account);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** {@code share} of an amount, to the cent; the share is a draw, the amount stays decimal. */
    private static BigDecimal fraction(BigDecimal amount, double share) {
        return amount.multiply(BigDecimal.valueOf(Math.round(share * 1e9), 9)).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cents(double dollars) {
        return BigDecimal.valueOf(Math.round(dollars * 100), 2);
    }

    private static BigDecimal scaled(BigDecimal price, double factor) {
        return price.multiply(BigDecimal.valueOf(Math.round(factor * 1e6), 6)).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal roundUpToHundreds(BigDecimal amount) {
        return amount.divide(HUNDRED, 0, RoundingMode.CEILING).multiply(HUNDRED).setScale(2);
    }

    private static BigDecimal roundDownToHundreds(BigDecimal amount) {
        return amount.divide(HUNDRED, 0, RoundingMode.FLOOR).multiply(HUNDRED).setScale(2);
    }
}
