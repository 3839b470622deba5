package trimtab.engine.washsale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.Amounts;
import trimtab.engine.book.WashSaleGroup;

/**
 * The purchases and loss sales of one wash-sale scope (a household: all its accounts, IRAs included)
 * within the 61-day window around a date, executed or proposed in the same batch, by wash-sale group.
 */
public final class WashSaleLedger {
    /** Days either side of a loss sale in which a purchase makes it a wash sale. */
    public static final int WINDOW_DAYS = 30;

    /** One purchase or loss sale the ledger knows of; {@code proposed} for an order of the current batch. */
    public record Entry(AccountId account, AccountType accountType, String symbol, WashSaleGroup group, boolean purchase,
                        BigDecimal quantity, LocalDate date, Optional<BigDecimal> loss, boolean proposed) {
        String describe() {
            String what = purchase ? "purchase of " : "loss sale of ";
            String when = proposed ? "in this batch" : "on " + date;
            return what + quantity.stripTrailingZeros().toPlainString() + " " + symbol + " in account " + account + " " + when;
        }
    }

    /** Why a sale or purchase would be a wash sale, and whether the loss would be lost for good. */
    public record Conflict(String detail, boolean permanentLoss) {
    }

    private final Map<WashSaleGroup, List<Entry>> byGroup = new HashMap<>();

    public void add(Entry entry) {
        byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry);
    }

    /**
     * A sale at a loss in a taxable account is a wash sale if the same group was bought within 30 days
     * before it (executed) or is bought in the same batch.
     */
    public Optional<Conflict> forLossSale(AccountId account, WashSaleGroup group, LocalDate date) {
        // a replacement in an IRA is the worst case (the loss is lost for good): report it first
        return byGroup.getOrDefault(group, List.of()).stream()
                .filter(Entry::purchase)
                .filter(e -> e.proposed() || within(e.date(), date))
                .min(java.util.Comparator.comparing(e -> !isRetirement(e.accountType())))
                .map(e -> new Conflict("selling at a loss would be a wash sale because of the " + e.describe()
                        + " (same wash-sale group " + group + ")", isRetirement(e.accountType())));
    }

    /**
     * A purchase is a wash-sale replacement if the same group was sold at a loss within the 30 days
     * before it, or is sold at a loss in the same batch. Bought in an IRA or Roth IRA, the loss is lost.
     */
    public Optional<Conflict> forPurchase(AccountId account, AccountType accountType, WashSaleGroup group, LocalDate date) {
        return byGroup.getOrDefault(group, List.of()).stream()
                .filter(e -> !e.purchase())
                .filter(e -> e.proposed() || within(e.date(), date))
                .findFirst()
                .map(e -> new Conflict("buying would replace the " + e.describe()
                        + e.loss().map(l -> " (loss " + Amounts.format(l) + ")").orElse("")
                        + " within 30 days", isRetirement(accountType)));
    }

    private static boolean within(LocalDate other, LocalDate date) {
        return Math.abs(ChronoUnit.DAYS.between(other, date)) <= WINDOW_DAYS;
    }

    private static boolean isRetirement(AccountType type) {
        return type == AccountType.TRADITIONAL_IRA || type == AccountType.ROTH_IRA;
    }
}
