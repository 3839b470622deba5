package trimtab.api.book;

import trimtab.api.book.StoredBook.StoredTarget;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.WashSaleGroup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks securities and prices sent by a client and turns them into the engine's records. */
final class SecurityRequests {
    static final int SYMBOL_LENGTH = 16;
    private static final int TAG_LIST_LENGTH = 500;

    private SecurityRequests() {
    }

    static List<Security> securities(List<SecurityJson> items, RequestErrors errors) {
        List<Security> securities = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonPath path = JsonPath.ROOT.index(i);
            SecurityJson s = items.get(i);
            if (s == null) {
                errors.add(path, "must be a security, not null");
                continue;
            }
            String symbol = symbol(s.symbol(), path.field("symbol"), errors);
            if (symbol != null) {
                JsonPath first = seen.putIfAbsent(symbol, path);
                if (first != null) {
                    errors.add(path.field("symbol"), "security " + symbol + " is also at " + first + "; send each security once");
                    symbol = null;
                }
            }
            String name = errors.text(s.name(), path.field("name"), 200, false);
            SecurityType type = errors.choice(s.type(), SecurityType.class, path.field("type"), true);
            String assetClass = errors.id(s.assetClass(), path.field("assetClass"), 40, true);
            String issuer = errors.text(s.issuer(), path.field("issuer"), 200, false);
            String sector = errors.text(s.sector(), path.field("sector"), 100, false);
            List<String> tags = tags(s.esgTags(), path.field("esgTags"), TAG_LIST_LENGTH, errors);
            String group = errors.id(s.washSaleGroup(), path.field("washSaleGroup"), 40, false);
            BigDecimal price = errors.amount(s.price(), path.field("price"), DecimalColumn.PRICE, false, false);
            LocalDate priceDate = s.priceDate();
            if ((s.price() == null) != (priceDate == null)) {
                errors.add(path.field(priceDate == null ? "priceDate" : "price"), "a price needs its date and a date its price");
            }
            if (symbol == null || type == null || assetClass == null || tags == null || (s.price() != null && price == null)) {
                continue;
            }
            String symbolFinal = symbol;
            Security security = errors.build(path, () -> new Security(Symbol.of(symbolFinal), name, type, AssetClass.of(assetClass), issuer,
                    sector, Set.copyOf(tags), group == null ? null : new WashSaleGroup(group), price, priceDate));
            if (security != null) {
                securities.add(security);
            }
        }
        return securities;
    }

    /**
     * A security's wash-sale group may not change so that a stored model's harvest substitute ends up in the
     * same group as the primary it replaces: the substitute would then trigger the wash sale it is there to avoid,
     * and every snapshot of the book would be refused.
     */
    static void checkModelsStayConsistent(List<Security> securities, Map<String, String> storedGroups, List<StoredTarget> targets,
                                          RequestErrors errors) {
        Map<String, String> groups = new HashMap<>(storedGroups);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < securities.size(); i++) {
            groups.put(securities.get(i).symbol().value(), securities.get(i).washSaleGroup().value());
            positions.put(securities.get(i).symbol().value(), i);
        }
        for (StoredTarget target : targets) {
            if (target.primary() == null) {
                continue;
            }
            String primary = target.primary().toUpperCase(Locale.ROOT);
            for (String alternate : target.alternates()) {
                String substitute = alternate.toUpperCase(Locale.ROOT);
                boolean touched = positions.containsKey(primary) || positions.containsKey(substitute);
                String group = groups.get(primary);
                if (touched && group != null && group.equals(groups.get(substitute))) {
                    String changed = positions.containsKey(substitute) ? substitute : primary;
                    errors.add(JsonPath.ROOT.index(positions.get(changed)).field("washSaleGroup"), "model " + target.modelId() + ", "
                            + target.assetClass() + ": substitute " + substitute + " would be in the same wash-sale group (" + group
                            + ") as its primary " + primary + "; change the model first");
                }
            }
        }
    }

    /** A symbol as the security master keys it (upper case), or null. */
    static String symbol(String value, JsonPath path, RequestErrors errors) {
        String text = errors.id(value, path, SYMBOL_LENGTH, true);
        return text == null ? null : Symbol.of(text).value();
    }

    /** A symbol that must be in the security master. */
    static String knownSymbol(String value, JsonPath path, Map<String, String> washSaleGroups, RequestErrors errors) {
        String symbol = symbol(value, path, errors);
        if (symbol != null && !washSaleGroups.containsKey(symbol)) {
            errors.add(path, "security " + symbol + " is not in the security master; add it with PUT /api/v1/securities first");
            return null;
        }
        return symbol;
    }

    /** Short tags or symbols stored as one comma-separated column of a limited length; null when any is bad. */
    static List<String> tags(List<String> values, JsonPath path, int maxJoinedLength, RequestErrors errors) {
        if (values == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        boolean bad = false;
        for (int i = 0; i < values.size(); i++) {
            String tag = errors.id(values.get(i), path.index(i), 100, true);
            if (tag == null) {
                bad = true;
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        int joined = tags.stream().mapToInt(String::length).sum() + Math.max(0, tags.size() - 1);
        if (joined > maxJoinedLength) {
            errors.add(path, "the list is " + joined + " characters long when stored, at most " + maxJoinedLength + " fit");
            return null;
        }
        return bad ? null : tags;
    }

    /** Symbols of a list (no-buy, no-sell, plan menu), upper case; null when any is bad. */
    static List<String> symbols(List<String> values, JsonPath path, int maxJoinedLength, RequestErrors errors) {
        List<String> tags = tags(values, path, maxJoinedLength, errors);
        if (tags == null) {
            return null;
        }
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).length() > SYMBOL_LENGTH) {
                errors.add(path, "'" + tags.get(i) + "' is not a symbol (at most " + SYMBOL_LENGTH + " characters)");
                return null;
            }
            String symbol = Symbol.of(tags.get(i)).value();
            if (!symbols.contains(symbol)) {
                symbols.add(symbol);
            }
        }
        return symbols;
    }

    static List<PriceRow> prices(List<PriceJson> items, Map<String, String> washSaleGroups, RequestErrors errors) {
        List<PriceRow> rows = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonPath path = JsonPath.ROOT.index(i);
            PriceJson p = items.get(i);
            if (p == null) {
                errors.add(path, "must be a price, not null");
                continue;
            }
            String symbol = knownSymbol(p.symbol(), path.field("symbol"), washSaleGroups, errors);
            LocalDate date = errors.date(p.date(), path.field("date"), true);
            BigDecimal price = errors.amount(p.price(), path.field("price"), DecimalColumn.PRICE, true, false);
            if (symbol != null && date != null) {
                JsonPath first = seen.putIfAbsent(symbol + " " + date, path);
                if (first != null) {
                    errors.add(path, "the price of " + symbol + " on " + date + " is also at " + first);
                    continue;
                }
            }
            if (symbol != null && date != null && price != null) {
                rows.add(new PriceRow(symbol, date, price));
            }
        }
        return rows;
    }

    /** A checked price, ready to store. */
    record PriceRow(String symbol, LocalDate date, BigDecimal price) {
    }
}
