package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;

/**
 * Reads a batch's orders as sent: what is wrong with each (a problem is a violation, never an
 * exception), which account, household and security it names, its price, and the lists and
 * restrictions that concern it. Nothing here depends on the other orders of the batch except
 * duplicate ids, so a batch is read once however many passes screening makes over it.
 */
final class OrderReader {
    private final BookSnapshot book;
    private final SnapshotIndex index;

    OrderReader(BookSnapshot book, SnapshotIndex index) {
        this.book = book;
        this.index = index;
    }

    List<ReadOrder> read(List<OrderRequest> orders) {
        String[] ids = new String[orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            ids[i] = orderId(orders.get(i), i);
        }
        // most batches repeat no id: counted only when one is repeated
        Map<String, Integer> idCounts = null;
        if (anyRepeated(ids)) {
            idCounts = new HashMap<>();
            for (String id : ids) {
                idCounts.merge(id, 1, Integer::sum);
            }
        }
        List<ReadOrder> read = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            read.add(read(orders.get(i), i, ids[i], idCounts == null ? 1 : idCounts.get(ids[i])));
        }
        return read;
    }

    /** True when two of the ids are equal: an open-addressed table of the ids, with no entry objects. */
    private static boolean anyRepeated(String[] ids) {
        if (ids.length < 2) {
            return false;
        }
        int mask = Integer.highestOneBit(ids.length * 2 - 1) * 2 - 1;
        String[] table = new String[mask + 1];
        for (String id : ids) {
            int h = id.hashCode();
            int slot = (h ^ (h >>> 16)) & mask;
            while (table[slot] != null) {
                if (table[slot].equals(id)) {
                    return true;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
        return false;
    }

    private static String orderId(OrderRequest order, int position) {
        String id = trimmed(order.orderId());
        return id == null ? "#" + (position + 1) : id;
    }

    /**
     * The text without leading and trailing spaces ({@link String#trim}), or null when it is null or
     * {@linkplain String#isBlank blank}. Text as an order system sends it, already trimmed, is returned
     * without a search.
     */
    static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        if (length > 0) {
            char first = text.charAt(0);
            if (first > ' ' && text.charAt(length - 1) > ' ' && !Character.isWhitespace(first)) {
                return text;
            }
        }
        return text.isBlank() ? null : text.trim();
    }

    /** {@code text.toUpperCase(Locale.ROOT)}; text already in upper-case ASCII is returned as it is, without a copy. */
    static String upperCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                return text.toUpperCase(Locale.ROOT);
            }
        }
        return text;
    }

    /** Reads an order as sent; it is {@link ReadOrder#placed() placed} in the book when it is valid enough to simulate. */
    /** @param copies how many orders of the batch have this order's id */
    private ReadOrder read(OrderRequest order, int position, String orderId, int copies) {
        ReadOrder read = new ReadOrder(position);
        read.vix = book.market().vix();
        read.automated = order.automated();
        read.orderId = orderId;
        String accountId = trimmed(order.account());
        read.accountId = accountId == null ? "" : accountId;
        String symbol = trimmed(order.symbol());
        read.symbol = symbol == null ? "" : upperCase(symbol);
        List<String> problems = new ArrayList<>();
        if (copies > 1) {
            // every copy is refused: a verdict must belong to exactly one order
            problems.add("order id " + read.orderId + " is used by " + copies + " orders in the batch");
        }
        if (read.accountId.isEmpty()) {
            problems.add("no account is given");
        }
        if (read.symbol.isEmpty()) {
            problems.add("no symbol is given");
        }
        String side = trimmed(order.side());
        side = side == null ? "" : upperCase(side);
        if (side.equals("BUY") || side.equals("SELL")) {
            read.side = side;
        } else {
            problems.add(side.isEmpty() ? "no side is given" : "side '" + order.side().trim() + "' is neither BUY nor SELL");
        }
        BigDecimal quantity = positive(order.quantity(), "quantity", problems);
        BigDecimal limit = blank(order.limitPrice()) ? null : positive(order.limitPrice(), "limit price", problems);
        if (quantity != null) {
            read.quantity = quantity;
        }

        SnapshotIndex.AccountEntry accountEntry = read.accountId.isEmpty() ? null : index.account(book, read.accountId);
        Household household = accountEntry == null ? null : accountEntry.household();
        Account account = accountEntry == null ? null : accountEntry.account();
        read.unknownAccount = !read.accountId.isEmpty() && account == null;
        SnapshotIndex.SecurityEntry securityEntry = read.symbol.isEmpty() ? null : index.security(book, read.symbol);
        Security security = securityEntry == null ? null : securityEntry.security();
        read.unknownSecurity = !read.symbol.isEmpty() && security == null;
        if (account != null) {
            read.householdId = household.id().value();
            read.accountType = account.type().name();
        }
        if (security != null) {
            read.securityType = security.type().name();
            read.assetClass = security.assetClass().code();
            read.issuer = security.issuer();
            read.priceDate = security.priceDate();
            read.priceAgeDays = securityEntry.priceAgeDays();
        }
        BigDecimal price = limit != null ? limit : security == null ? null : security.price();
        read.priceMissing = security != null && price == null;
        if (price != null) {
            read.price = price;
            read.notional = read.quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
        }
        read.inputProblem = problems.isEmpty() ? "" : String.join("; ", problems);
        if (!problems.isEmpty() || account == null || security == null || price == null) {
            return read;
        }
        describeListsAndRestrictions(read, household, account, securityEntry);
        read.household = household;
        read.account = account;
        read.accountBase = index.accountBase(book, accountEntry);
        read.security = security;
        read.buy = read.side.equals("BUY");
        return read;
    }

    private static void describeListsAndRestrictions(ReadOrder read, Household household, Account account,
                                                     SnapshotIndex.SecurityEntry entry) {
        Security security = entry.security();
        Symbol symbol = security.symbol();
        if (entry.firmRestriction() != null) {
            read.firmRestricted = true;
            read.firmRestrictionReason = entry.firmRestriction().reason();
        }
        // most households restrict nothing: no search
        if (!household.restrictions().isEmpty()) {
            household.restriction(symbol).ifPresent(r -> {
                read.clientRestricted = true;
                read.clientRestrictionReason = r.reason();
            });
        }
        read.onNoBuyList = account.noBuy().contains(symbol);
        read.onNoSellList = account.noSell().contains(symbol);
        // most accounts exclude no tag: no sorted set to build
        read.esgConflictTags = account.esgExclusions().isEmpty() ? "" : String.join(", ", account.esgConflicts(security));
        read.offPlanMenu = read.side.equals("BUY") && account.isOffPlanMenu(symbol);
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

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
