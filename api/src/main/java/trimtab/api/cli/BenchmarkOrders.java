package trimtab.api.cli;

import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Orders an order system could send for a book, seeded, as request bodies prepared before the load starts: a mix
 * of sells of held positions, buys of held securities within the account's cash, buys of securities the account
 * does not hold, and a share meant to be blocked (a buy of a security on the firm's restricted list, or a sale of
 * more than the account holds). The guardrails then decide; other rows (concentration, IPS bounds, wash sales,
 * trade size) catch some of the rest, as they would on a real day.
 */
final class BenchmarkOrders {
    /** Out of 100: sells of held, buys of held, buys of unheld; the rest are meant to be blocked. */
    private static final int SELL_HELD = 35;
    private static final int BUY_HELD = 70;
    private static final int BUY_UNHELD = 90;

    private final List<Account> accounts;
    private final List<Security> buyable;
    private final List<Symbol> restricted;
    private final SplittableRandom random;
    private long orderNumber;

    BenchmarkOrders(BookSnapshot book, long seed) {
        List<Account> all = new ArrayList<>();
        for (Household household : book.households()) {
            all.addAll(household.accounts());
        }
        this.accounts = List.copyOf(all);
        this.buyable = book.securities().all().stream()
                .filter(s -> s.price() != null && book.firmRestriction(s.symbol()).isEmpty()).toList();
        this.restricted = book.firmRestrictions().stream().map(Restriction::symbol).toList();
        this.random = new SplittableRandom(seed);
        if (accounts.isEmpty() || buyable.isEmpty()) {
            throw new IllegalArgumentException("the book needs accounts and priced securities to make orders for");
        }
    }

    int accountCount() {
        return accounts.size();
    }

    /** {@code count} request bodies of one order each. */
    List<byte[]> singles(int count) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(body(List.of(order(pickAccount()))));
        }
        return bodies;
    }

    /** {@code count} request bodies of {@code size} orders, spread over {@code accountsPerBatch} accounts. */
    List<byte[]> batches(int count, int size, int accountsPerBatch) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Account> chosen = new ArrayList<>(new LinkedHashSet<>(pickAccounts(accountsPerBatch)));
            List<String> orders = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                orders.add(order(chosen.get(j % chosen.size())));
            }
            bodies.add(body(orders));
        }
        return bodies;
    }

    private List<Account> pickAccounts(int n) {
        List<Account> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(pickAccount());
        }
        return picked;
    }

    private Account pickAccount() {
        return accounts.get(random.nextInt(accounts.size()));
    }

    private String order(Account account) {
        String id = "BO-" + (++orderNumber);
        int kind = random.nextInt(100);
        List<TaxLot> lots = account.lots();
        if (kind < SELL_HELD && !lots.isEmpty()) {
            Symbol symbol = lots.get(random.nextInt(lots.size())).symbol();
            BigDecimal held = account.quantityOf(symbol);
            BigDecimal quantity = held.multiply(BigDecimal.valueOf(10 + random.nextInt(41))).divide(BigDecimal.valueOf(100), 0,
                    RoundingMode.DOWN).max(BigDecimal.ONE).min(held.setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE));
            return json(id, account, symbol, "SELL", quantity);
        }
        if (kind < BUY_HELD && !lots.isEmpty()) {
            Symbol symbol = lots.get(random.nextInt(lots.size())).symbol();
            return json(id, account, symbol, "BUY", affordable(account, symbol));
        }
        if (kind < BUY_UNHELD || restricted.isEmpty()) {
            Security security = buyable.get(random.nextInt(buyable.size()));
            return json(id, account, security.symbol(), "BUY", affordable(account, security.symbol()));
        }
        if (random.nextBoolean() || lots.isEmpty()) {
            Symbol symbol = restricted.get(random.nextInt(restricted.size()));
            return json(id, account, symbol, "BUY", BigDecimal.valueOf(5 + random.nextInt(20)));
        }
        // a short sale: twice what is held
        Symbol symbol = lots.get(random.nextInt(lots.size())).symbol();
        return json(id, account, symbol, "SELL", account.quantityOf(symbol).multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.UP));
    }

    /** Whole shares worth up to a fifth of the account's cash, at least one. */
    private BigDecimal affordable(Account account, Symbol symbol) {
        Security security = buyable.stream().filter(s -> s.symbol().equals(symbol)).findFirst().orElse(null);
        if (security == null || security.price() == null || security.price().signum() <= 0) {
            return BigDecimal.valueOf(1 + random.nextInt(10));
        }
        BigDecimal budget = account.cash().multiply(BigDecimal.valueOf(1 + random.nextInt(20))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.DOWN);
        return budget.divide(security.price(), 0, RoundingMode.DOWN).max(BigDecimal.ONE);
    }

    private static String json(String id, Account account, Symbol symbol, String side, BigDecimal quantity) {
        return "{\"orderId\":\"" + id + "\",\"accountId\":\"" + account.id().value() + "\",\"symbol\":\"" + symbol.value()
                + "\",\"side\":\"" + side + "\",\"quantity\":" + quantity.toPlainString() + "}";
    }

    private static byte[] body(List<String> orders) {
        return ("{\"orders\":[" + String.join(",", orders) + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
