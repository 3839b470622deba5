package trimtab.engine.washsale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.WashSaleGroup;

/**
 * Applies IRC §1091 to a realised trade history (IRS Publication 550, "Wash Sales"): for each loss sale,
 * the purchases of the same wash-sale group within 30 days before or after it replace the shares sold,
 * earliest first, each purchased share replacing at most one sold share. The loss is disallowed in
 * proportion to the shares replaced; the disallowed part is added to the replacement shares' basis and
 * their holding period includes that of the shares sold. A replacement bought in an IRA or Roth IRA
 * disallows the loss with no basis added anywhere (Rev. Rul. 2008-5).
 */
public final class WashSaleAdjuster {

    /**
     * A sale at a loss. Split a sale that relieved lots of different acquisition dates into one entry per lot.
     *
     * @param loss     the loss as a positive amount
     * @param acquired when the shares sold were acquired (their holding period is tacked onto the replacement)
     */
    public record LossSale(String id, AccountId account, WashSaleGroup group, LocalDate date, BigDecimal quantity,
                           BigDecimal loss, LocalDate acquired) {
        public LossSale {
            Objects.requireNonNull(id, "sale id");
            if (quantity.signum() <= 0 || loss.signum() <= 0) {
                throw new IllegalArgumentException("loss sale " + id + ": quantity and loss must be positive");
            }
        }
    }

    /** A purchase that may replace shares sold at a loss. Do not pass the purchase of the very shares sold. */
    public record Purchase(String id, AccountId account, AccountType accountType, WashSaleGroup group, LocalDate date,
                           BigDecimal quantity) {
    }

    /**
     * What one purchase took of one loss sale.
     *
     * @param basisAdded     the disallowed loss added to these shares' basis (0 when the loss is lost)
     * @param tackedAcquired the acquisition date that gives these shares the sold shares' holding period;
     *                       empty when the loss is lost (IRA / Roth IRA replacement)
     * @param permanent      the replacement is in an IRA or Roth IRA: the disallowed part is lost for good
     */
    public record Replacement(String purchaseId, BigDecimal shares, BigDecimal disallowedLoss, BigDecimal basisAdded,
                              Optional<LocalDate> tackedAcquired, boolean permanent) {
    }

    /** The outcome for one loss sale: how much of the loss is disallowed and which purchases replaced it. */
    public record Outcome(String saleId, BigDecimal loss, BigDecimal disallowedLoss, BigDecimal allowedLoss,
                          List<Replacement> replacements) {
        public boolean isWashSale() {
            return disallowedLoss.signum() > 0;
        }
    }

    private WashSaleAdjuster() {
    }

    /** One outcome per loss sale, in sale-date order. */
    public static List<Outcome> adjust(List<LossSale> sales, List<Purchase> purchases) {
        Map<String, BigDecimal> unused = new HashMap<>();
        purchases.forEach(p -> unused.put(p.id(), p.quantity()));
        List<Purchase> byDate = purchases.stream().sorted(Comparator.comparing(Purchase::date)).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (LossSale sale : sales.stream().sorted(Comparator.comparing(LossSale::date)).toList()) {
            outcomes.add(adjust(sale, byDate, unused));
        }
        return outcomes;
    }

    private static Outcome adjust(LossSale sale, List<Purchase> purchases, Map<String, BigDecimal> unused) {
        BigDecimal toReplace = sale.quantity();
        BigDecimal disallowedSoFar = BigDecimal.ZERO;
        List<Replacement> replacements = new ArrayList<>();
        long heldDays = ChronoUnit.DAYS.between(sale.acquired(), sale.date());
        for (Purchase purchase : purchases) {
            if (toReplace.signum() == 0) {
                break;
            }
            boolean inWindow = Math.abs(ChronoUnit.DAYS.between(purchase.date(), sale.date())) <= WashSaleLedger.WINDOW_DAYS;
            BigDecimal available = unused.get(purchase.id());
            if (!purchase.group().equals(sale.group()) || !inWindow || available.signum() == 0) {
                continue;
            }
            BigDecimal shares = toReplace.min(available);
            toReplace = toReplace.subtract(shares);
            unused.put(purchase.id(), available.subtract(shares));
            // the last replacement takes what rounding left, so that the pieces add up to the whole loss
            BigDecimal disallowed = toReplace.signum() == 0 && shares.compareTo(sale.quantity()) != 0
                    ? sale.loss().multiply(sale.quantity().subtract(toReplace)).divide(sale.quantity(), 2, RoundingMode.HALF_EVEN)
                            .subtract(disallowedSoFar)
                    : sale.loss().multiply(shares).divide(sale.quantity(), 2, RoundingMode.HALF_EVEN);
            disallowedSoFar = disallowedSoFar.add(disallowed);
            boolean permanent = purchase.accountType() == AccountType.TRADITIONAL_IRA || purchase.accountType() == AccountType.ROTH_IRA;
            replacements.add(new Replacement(purchase.id(), shares, disallowed, permanent ? BigDecimal.ZERO : disallowed,
                    permanent ? Optional.empty() : Optional.of(purchase.date().minusDays(heldDays)), permanent));
        }
        return new Outcome(sale.id(), sale.loss(), disallowedSoFar, sale.loss().subtract(disallowedSoFar), replacements);
    }
}
