package trimtab.engine.book;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine needs to evaluate a set of households on one date, checked for consistency:
 * every lot's security is known, every model a household or account names exists, and a model's
 * harvest substitutes really are in another wash-sale group than its primary security.
 */
public final class BookSnapshot {
    private final MarketSnapshot market;
    private final SecurityMaster securities;
    private final Map<ModelId, ModelPortfolio> models;
    private final List<Household> households;
    private final Map<Symbol, Restriction> firmRestrictions;
    private final Map<AccountId, Household> householdOfAccount = new java.util.HashMap<>();
    private final Map<AccountId, Account> accounts = new java.util.HashMap<>();

    /** @param firmRestrictions the firm's restricted list */
    public BookSnapshot(MarketSnapshot market, SecurityMaster securities, List<ModelPortfolio> models,
                        List<Household> households, List<Restriction> firmRestrictions) {
        this.market = Objects.requireNonNull(market, "market snapshot");
        Map<Symbol, Restriction> restricted = new LinkedHashMap<>();
        firmRestrictions.forEach(r -> restricted.put(r.symbol(), r));
        this.firmRestrictions = Map.copyOf(restricted);
        this.securities = Objects.requireNonNull(securities, "security master");
        Map<ModelId, ModelPortfolio> byId = new LinkedHashMap<>();
        for (ModelPortfolio model : models) {
            if (byId.putIfAbsent(model.id(), model) != null) {
                throw new InvalidBookException("model " + model.id() + " is defined twice");
            }
            checkModel(model);
        }
        this.models = Map.copyOf(byId);
        this.households = List.copyOf(households);
        indexHouseholds();
    }

    /** The same reference data, already checked, with other households (checked against it). */
    private BookSnapshot(BookSnapshot reference, List<Household> households) {
        this.market = reference.market;
        this.securities = reference.securities;
        this.models = reference.models;
        this.firmRestrictions = reference.firmRestrictions;
        this.households = List.copyOf(households);
        indexHouseholds();
    }

    /**
     * This snapshot's market, securities, models and restricted list with these households instead of its own: what
     * a service keeping the reference data between requests screens each request on. Only the households are checked
     * (the rest was when this snapshot was made), so it costs what indexing them costs.
     */
    public BookSnapshot withHouseholds(List<Household> households) {
        return new BookSnapshot(this, households);
    }

    private void indexHouseholds() {
        Set<HouseholdId> seenHouseholds = new HashSet<>();
        for (Household household : this.households) {
            if (!seenHouseholds.add(household.id())) {
                throw new InvalidBookException("household " + household.id() + " appears twice");
            }
            household.model().ifPresent(m -> requireModel(m, "household " + household.id()));
            for (Account account : household.accounts()) {
                if (accounts.putIfAbsent(account.id(), account) != null) {
                    throw new InvalidBookException("account " + account.id() + " belongs to more than one household");
                }
                householdOfAccount.put(account.id(), household);
                account.model().ifPresent(m -> requireModel(m, "account " + account.id()));
                for (TaxLot lot : account.lots()) {
                    if (securities.find(lot.symbol()).isEmpty()) {
                        // where it was used is only worth spelling out when it is wrong
                        securities.require(lot.symbol(), "lot " + lot.id() + " of account " + account.id());
                    }
                }
            }
        }
    }

    private void checkModel(ModelPortfolio model) {
        for (ModelTarget target : model.targets()) {
            String where = "model " + model.id() + ", " + target.assetClass();
            Optional<Security> primary = target.primary().map(s -> securities.require(s, where + " primary"));
            for (Symbol alternate : target.alternates()) {
                Security substitute = securities.require(alternate, where + " substitute");
                if (primary.isPresent() && primary.get().washSaleGroup().equals(substitute.washSaleGroup())) {
                    throw new InvalidBookException(where + ": substitute " + alternate + " is in the same wash-sale group ("
                            + substitute.washSaleGroup() + ") as " + primary.get().symbol()
                            + ", so it cannot replace it without a wash sale");
                }
            }
        }
    }

    private void requireModel(ModelId id, String usedBy) {
        if (!models.containsKey(id)) {
            throw new InvalidBookException(usedBy + " is assigned model " + id + ", which does not exist");
        }
    }

    public LocalDate asOf() {
        return market.asOf();
    }

    public MarketSnapshot market() {
        return market;
    }

    public SecurityMaster securities() {
        return securities;
    }

    public ModelPortfolio model(ModelId id) {
        ModelPortfolio model = models.get(id);
        if (model == null) {
            throw new InvalidBookException("model " + id + " does not exist");
        }
        return model;
    }

    /** Every model, in no particular order. */
    public java.util.Collection<ModelPortfolio> models() {
        return models.values();
    }

    /** The firm's restricted list. */
    public java.util.Collection<Restriction> firmRestrictions() {
        return firmRestrictions.values();
    }

    public List<Household> households() {
        return households;
    }

    /** The household an account belongs to, if the account is in the book. */
    public Optional<Household> householdOf(AccountId account) {
        return Optional.ofNullable(householdOfAccount.get(account));
    }

    public Optional<Account> account(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /** The firm's restriction of a security, if it is on the restricted list. */
    public Optional<Restriction> firmRestriction(Symbol symbol) {
        return Optional.ofNullable(firmRestrictions.get(symbol));
    }

    public Optional<Household> household(HouseholdId id) {
        return households.stream().filter(h -> h.id().equals(id)).findFirst();
    }
}
