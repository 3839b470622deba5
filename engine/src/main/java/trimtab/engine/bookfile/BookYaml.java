package trimtab.engine.bookfile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.Household;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.TradeSide;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.LifeEvent;
import trimtab.engine.book.LifeEventType;
import trimtab.engine.book.LotId;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.book.WashSaleGroup;

/**
 * Reads a book from YAML on top of reference data: the date and VIX, price overrides, extra securities
 * and models, and the households with their accounts, lots, cash flows and life events. The format is
 * documented in {@code rule-tests/README.md}. Unknown keys are errors (a misspelt key must not be
 * silently ignored), and every error names its path in the document.
 */
public final class BookYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The book part of a document. */
    /** @param restricted the firm's restricted list */
    public record BookDoc(LocalDate asOf, BigDecimal vix, Map<String, BigDecimal> prices, List<SecurityDoc> securities,
                          List<ModelDoc> models, List<RestrictionDoc> restricted, List<HouseholdDoc> households) {
    }

    public record RestrictionDoc(String symbol, String reason) {
    }

    public record IpsDoc(String assetClass, BigDecimal min, BigDecimal max) {
    }

    /** @param realisedGain for a sale, its realised gain (negative: a loss) */
    public record TradeDoc(String account, String symbol, String side, BigDecimal quantity, BigDecimal price,
                           LocalDate date, BigDecimal realisedGain) {
    }

    public record SecurityDoc(String symbol, String name, String type, String assetClass, String issuer, String sector,
                              List<String> esgTags, String washSaleGroup, BigDecimal price, LocalDate priceDate) {
    }

    public record ModelDoc(String id, String name, List<TargetDoc> targets) {
    }

    public record TargetDoc(String assetClass, BigDecimal target, BigDecimal absoluteBand, BigDecimal relativeBand,
                            String primary, List<String> alternates) {
    }

    public record HouseholdDoc(String id, String name, String advisor, String model, LocalDate lastRebalance,
                               TaxDoc tax, List<AccountDoc> accounts, List<CashFlowDoc> cashFlows,
                               List<LifeEventDoc> lifeEvents, List<RestrictionDoc> restrictions, List<IpsDoc> ips,
                               List<TradeDoc> trades) {
    }

    public record TaxDoc(BigDecimal shortTermRate, BigDecimal longTermRate, BigDecimal realisedShortTermYtd,
                         BigDecimal realisedLongTermYtd, BigDecimal lossCarryForward) {
    }

    public record AccountDoc(String id, String type, String custodian, BigDecimal cash, Boolean fractionalShares,
                             String model, List<String> noBuy, List<String> noSell, List<String> esgExclusions,
                             List<String> planMenu, List<LotDoc> lots) {
    }

    public record LotDoc(String id, String symbol, BigDecimal quantity, BigDecimal costBasis,
                         @JsonProperty("costPerShare") BigDecimal costPerShare, LocalDate acquired) {
    }

    public record CashFlowDoc(String account, LocalDate date, BigDecimal amount, String note) {
    }

    public record LifeEventDoc(String type, LocalDate date, String note) {
    }

    private BookYaml() {
    }

    /** Parses a whole YAML document as a book. */
    public static BookSnapshot read(String yaml, String source, ReferenceData reference) {
        return toBook(parse(yaml, source, BookDoc.class), source, "", reference);
    }

    /** Parses a YAML document (or part of one) into the given document type, naming the path on error. */
    public static <T> T parse(String yaml, String source, Class<T> type) {
        try {
            return YAML.readValue(yaml, type);
        } catch (JsonMappingException e) {
            throw new BookFileException(source, path(e), problem(e));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw new BookFileException(source, where, e.getOriginalMessage());
        }
    }

    /** Converts an already parsed tree node (e.g. the "given" part of a scenario). */
    public static <T> T convert(JsonNode node, String source, String basePath, Class<T> type) {
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String path = path(e);
            throw new BookFileException(source, basePath.isEmpty() ? path : path.isEmpty() ? basePath : basePath + "." + path,
                    problem(e));
        } catch (JsonProcessingException e) {
            throw new BookFileException(source, basePath, e.getOriginalMessage());
        }
    }

    public static ObjectMapper mapper() {
        return YAML;
    }

    /** Builds the book snapshot a document describes, checking it item by item. */
    public static BookSnapshot toBook(BookDoc doc, String source, String basePath, ReferenceData reference) {
        String base = basePath.isEmpty() ? "" : basePath + ".";
        LocalDate asOf = required(doc.asOf(), source, base + "asOf");
        MarketSnapshot market = at(source, base + "vix",
                () -> new MarketSnapshot(asOf, doc.vix() == null ? new BigDecimal("16.00") : doc.vix()));

        Map<Symbol, Security> securities = new LinkedHashMap<>();
        reference.securities().forEach(s -> securities.put(s.symbol(), s));
        List<SecurityDoc> extra = list(doc.securities());
        for (int i = 0; i < extra.size(); i++) {
            SecurityDoc s = extra.get(i);
            String path = base + "securities[" + i + "]";
            Security security = at(source, path, () -> new Security(Symbol.of(required(s.symbol(), source, path + ".symbol")),
                    s.name(), enumOf(SecurityType.class, s.type() == null ? "ETF" : s.type(), source, path + ".type"),
                    AssetClass.of(required(s.assetClass(), source, path + ".assetClass")), s.issuer(), s.sector(),
                    Set.copyOf(list(s.esgTags())), s.washSaleGroup() == null ? null : new WashSaleGroup(s.washSaleGroup()),
                    s.price(), s.priceDate() == null && s.price() != null ? asOf : s.priceDate()));
            securities.put(security.symbol(), security);
        }
        if (doc.prices() != null) {
            for (var price : doc.prices().entrySet()) {
                String path = base + "prices." + price.getKey();
                Symbol symbol = at(source, path, () -> Symbol.of(price.getKey()));
                Security security = securities.get(symbol);
                if (security == null) {
                    throw new BookFileException(source, path, "security " + symbol + " is not in the security master");
                }
                securities.put(symbol, at(source, path, () -> security.withPrice(price.getValue(), asOf)));
            }
        }

        Map<ModelId, ModelPortfolio> models = new LinkedHashMap<>();
        reference.models().forEach(m -> models.put(m.id(), m));
        List<ModelDoc> modelDocs = list(doc.models());
        for (int i = 0; i < modelDocs.size(); i++) {
            ModelPortfolio model = model(modelDocs.get(i), source, base + "models[" + i + "]");
            models.put(model.id(), model);
        }

        List<Household> households = new ArrayList<>();
        List<HouseholdDoc> householdDocs = list(doc.households());
        for (int i = 0; i < householdDocs.size(); i++) {
            households.add(household(householdDocs.get(i), source, base + "households[" + i + "]"));
        }
        List<Restriction> restricted = restrictions(doc.restricted(), source, base + "restricted");
        return at(source, base.isEmpty() ? "(book)" : basePath, () -> new BookSnapshot(market,
                new SecurityMaster(securities.values()), List.copyOf(models.values()), households, restricted));
    }

    private static List<Restriction> restrictions(List<RestrictionDoc> docs, String source, String path) {
        List<Restriction> restrictions = new ArrayList<>();
        List<RestrictionDoc> list = list(docs);
        for (int i = 0; i < list.size(); i++) {
            RestrictionDoc r = list.get(i);
            String rPath = path + "[" + i + "]";
            restrictions.add(at(source, rPath, () -> new Restriction(Symbol.of(required(r.symbol(), source, rPath + ".symbol")),
                    r.reason())));
        }
        return restrictions;
    }

    private static ModelPortfolio model(ModelDoc doc, String source, String path) {
        String id = required(doc.id(), source, path + ".id");
        List<ModelTarget> targets = new ArrayList<>();
        List<TargetDoc> targetDocs = list(doc.targets());
        for (int i = 0; i < targetDocs.size(); i++) {
            TargetDoc t = targetDocs.get(i);
            String tPath = path + ".targets[" + i + "]";
            targets.add(at(source, tPath, () -> new ModelTarget(AssetClass.of(required(t.assetClass(), source, tPath + ".assetClass")),
                    required(t.target(), source, tPath + ".target"), Optional.ofNullable(t.absoluteBand()),
                    Optional.ofNullable(t.relativeBand()), Optional.ofNullable(t.primary()).map(Symbol::of),
                    list(t.alternates()).stream().map(Symbol::of).toList())));
        }
        return at(source, path, () -> new ModelPortfolio(ModelId.of(id), doc.name(), targets));
    }

    private static Household household(HouseholdDoc doc, String source, String path) {
        String id = required(doc.id(), source, path + ".id");
        TaxDoc tax = doc.tax();
        TaxProfile profile = tax == null ? null : at(source, path + ".tax", () -> new TaxProfile(
                tax.shortTermRate() == null ? BigDecimal.ZERO : tax.shortTermRate(),
                tax.longTermRate() == null ? BigDecimal.ZERO : tax.longTermRate(),
                tax.realisedShortTermYtd(), tax.realisedLongTermYtd(), tax.lossCarryForward()));
        List<Account> accounts = new ArrayList<>();
        List<AccountDoc> accountDocs = list(doc.accounts());
        for (int i = 0; i < accountDocs.size(); i++) {
            accounts.add(account(accountDocs.get(i), source, path + ".accounts[" + i + "]"));
        }
        List<CashFlow> flows = new ArrayList<>();
        List<CashFlowDoc> flowDocs = list(doc.cashFlows());
        for (int i = 0; i < flowDocs.size(); i++) {
            CashFlowDoc f = flowDocs.get(i);
            String fPath = path + ".cashFlows[" + i + "]";
            flows.add(at(source, fPath, () -> new CashFlow(AccountId.of(required(f.account(), source, fPath + ".account")),
                    required(f.date(), source, fPath + ".date"), required(f.amount(), source, fPath + ".amount"), f.note())));
        }
        List<LifeEvent> events = new ArrayList<>();
        List<LifeEventDoc> eventDocs = list(doc.lifeEvents());
        for (int i = 0; i < eventDocs.size(); i++) {
            LifeEventDoc e = eventDocs.get(i);
            String ePath = path + ".lifeEvents[" + i + "]";
            events.add(at(source, ePath, () -> new LifeEvent(enumOf(LifeEventType.class, required(e.type(), source, ePath + ".type"), source, ePath + ".type"),
                    required(e.date(), source, ePath + ".date"), e.note())));
        }
        List<IpsBound> bounds = new ArrayList<>();
        List<IpsDoc> ipsDocs = list(doc.ips());
        for (int i = 0; i < ipsDocs.size(); i++) {
            IpsDoc b = ipsDocs.get(i);
            String bPath = path + ".ips[" + i + "]";
            bounds.add(at(source, bPath, () -> new IpsBound(AssetClass.of(required(b.assetClass(), source, bPath + ".assetClass")),
                    b.min(), b.max())));
        }
        List<ExecutedTrade> trades = new ArrayList<>();
        List<TradeDoc> tradeDocs = list(doc.trades());
        for (int i = 0; i < tradeDocs.size(); i++) {
            TradeDoc t = tradeDocs.get(i);
            String tPath = path + ".trades[" + i + "]";
            trades.add(at(source, tPath, () -> new ExecutedTrade(AccountId.of(required(t.account(), source, tPath + ".account")),
                    Symbol.of(required(t.symbol(), source, tPath + ".symbol")),
                    enumOf(TradeSide.class, required(t.side(), source, tPath + ".side"), source, tPath + ".side"),
                    required(t.quantity(), source, tPath + ".quantity"), required(t.price(), source, tPath + ".price"),
                    required(t.date(), source, tPath + ".date"), Optional.ofNullable(t.realisedGain()))));
        }
        List<Restriction> restrictions = restrictions(doc.restrictions(), source, path + ".restrictions");
        return at(source, path, () -> new Household(HouseholdId.of(id), doc.name(),
                AdvisorId.of(doc.advisor() == null ? "unassigned" : doc.advisor()), profile,
                Optional.ofNullable(doc.model()).map(ModelId::of), Optional.ofNullable(doc.lastRebalance()),
                accounts, flows, events, restrictions, bounds, trades));
    }

    private static Account account(AccountDoc doc, String source, String path) {
        String id = required(doc.id(), source, path + ".id");
        List<TaxLot> lots = new ArrayList<>();
        List<LotDoc> lotDocs = list(doc.lots());
        for (int i = 0; i < lotDocs.size(); i++) {
            LotDoc l = lotDocs.get(i);
            String lPath = path + ".lots[" + i + "]";
            String lotId = l.id() == null ? id + "-L" + (i + 1) : l.id();
            BigDecimal quantity = required(l.quantity(), source, lPath + ".quantity");
            BigDecimal basis = l.costBasis() != null ? l.costBasis()
                    : l.costPerShare() != null ? l.costPerShare().multiply(quantity)
                    : required(null, source, lPath + ".costBasis (or costPerShare)");
            lots.add(at(source, lPath, () -> new TaxLot(LotId.of(lotId), Symbol.of(required(l.symbol(), source, lPath + ".symbol")),
                    quantity, basis, required(l.acquired(), source, lPath + ".acquired"))));
        }
        return at(source, path, () -> new Account(AccountId.of(id),
                enumOf(AccountType.class, required(doc.type(), source, path + ".type"), source, path + ".type"), doc.custodian(),
                doc.cash() == null ? BigDecimal.ZERO : doc.cash(), Boolean.TRUE.equals(doc.fractionalShares()),
                symbols(doc.noBuy()), symbols(doc.noSell()), Set.copyOf(list(doc.esgExclusions())), lots,
                Optional.ofNullable(doc.model()).map(ModelId::of), symbols(doc.planMenu())));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String source, String path) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        throw new BookFileException(source, path, "'" + text + "' is not one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static Set<Symbol> symbols(List<String> symbols) {
        return Set.copyOf(list(symbols).stream().map(Symbol::of).toList());
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T required(T value, String source, String path) {
        if (value == null) {
            throw new BookFileException(source, path, "is required");
        }
        return value;
    }

    /** Runs a constructor and names the path if it rejects the data. */
    private static <T> T at(String source, String path, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidBookException e) {
            throw new BookFileException(source, path, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BookFileException(source, path, e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String problem(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unrecognized field")) {
            return "unknown key (check its spelling): " + message.replaceAll(" \\(class [^)]*\\)", "")
                    .replaceAll(",\\s*not marked as ignorable.*", "");
        }
        return message.replaceAll("`[a-z.]+\\.BookYaml\\$", "`");
    }
}
