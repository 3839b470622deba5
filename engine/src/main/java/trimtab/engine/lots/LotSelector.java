package trimtab.engine.lots;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.LotId;
import trimtab.engine.book.TaxLot;

/**
 * Picks the lots a sale relieves and works out each lot's basis, proceeds, gain and term. Basis and
 * proceeds of part of a lot are pro rata, rounded to the cent; the whole of a lot always carries its
 * whole basis. Ties keep the book's lot order, so the choice is deterministic.
 */
public final class LotSelector {
    private static final int PER_SHARE_SCALE = 10;

    private LotSelector() {
    }

    /**
     * @param lots      the account's lots of the security being sold
     * @param specific  for {@link LotMethod#SPECIFIC_ID}, the lots to relieve in order; ignored otherwise
     * @throws InvalidBookException when the lots hold fewer shares than the sale, or a named lot is not among them
     */
    public static List<LotRelief> relieve(List<TaxLot> lots, BigDecimal quantity, BigDecimal price, LocalDate saleDate,
                                          LotMethod method, List<LotId> specific) {
        if (quantity.signum() <= 0) {
            throw new InvalidBookException("a sale of " + quantity.toPlainString() + " shares is not positive");
        }
        BigDecimal held = lots.stream().map(TaxLot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (held.compareTo(quantity) < 0) {
            throw new InvalidBookException("selling " + quantity.toPlainString() + " shares but the lots hold "
                    + held.toPlainString());
        }
        List<LotRelief> relieved = new ArrayList<>();
        BigDecimal remaining = quantity;
        for (TaxLot lot : ordered(lots, price, saleDate, method, specific)) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take = remaining.min(lot.quantity());
            boolean whole = take.compareTo(lot.quantity()) == 0;
            BigDecimal basis = whole ? lot.costBasis()
                    : lot.costBasis().multiply(take).divide(lot.quantity(), 2, RoundingMode.HALF_EVEN);
            BigDecimal proceeds = take.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
            relieved.add(new LotRelief(lot.id(), take, lot.acquired(), basis, proceeds, proceeds.subtract(basis),
                    Term.of(lot.acquired(), saleDate)));
            remaining = remaining.subtract(take);
        }
        if (remaining.signum() > 0) {
            throw new InvalidBookException("the named lots hold " + quantity.subtract(remaining).toPlainString()
                    + " of the " + quantity.toPlainString() + " shares to sell");
        }
        return relieved;
    }

    private static List<TaxLot> ordered(List<TaxLot> lots, BigDecimal price, LocalDate saleDate, LotMethod method,
                                        List<LotId> specific) {
        Comparator<TaxLot> byDate = Comparator.comparing(TaxLot::acquired);
        Comparator<TaxLot> byCostPerShare = Comparator.comparing(LotSelector::costPerShare);
        return switch (method) {
            case FIFO -> lots.stream().sorted(byDate).toList();
            case LIFO -> lots.stream().sorted(byDate.reversed()).toList();
            case HIFO -> lots.stream().sorted(byCostPerShare.reversed()).toList();
            case SPECIFIC_ID -> {
                Map<LotId, TaxLot> byId = lots.stream().collect(Collectors.toMap(TaxLot::id, Function.identity()));
                List<TaxLot> named = new ArrayList<>();
                for (LotId id : specific) {
                    TaxLot lot = byId.get(id);
                    if (lot == null) {
                        throw new InvalidBookException("lot " + id + " is not a lot of this security in the account");
                    }
                    named.add(lot);
                }
                yield named;
            }
            case TAX_OPTIMAL -> lots.stream().sorted(Comparator
                    .comparingInt((TaxLot l) -> taxOptimalBucket(l, price, saleDate))
                    .thenComparing(l -> gainPerShare(l, price))).toList();
        };
    }

    /** 0 short-term loss, 1 long-term loss, 2 long-term gain, 3 short-term gain; within a bucket, lowest gain per share first. */
    private static int taxOptimalBucket(TaxLot lot, BigDecimal price, LocalDate saleDate) {
        boolean loss = gainPerShare(lot, price).signum() < 0;
        boolean longTerm = Term.of(lot.acquired(), saleDate) == Term.LONG;
        if (loss) {
            return longTerm ? 1 : 0;
        }
        return longTerm ? 2 : 3;
    }

    private static BigDecimal gainPerShare(TaxLot lot, BigDecimal price) {
        return price.subtract(costPerShare(lot));
    }

    private static BigDecimal costPerShare(TaxLot lot) {
        return lot.costBasis().divide(lot.quantity(), PER_SHARE_SCALE, RoundingMode.HALF_EVEN);
    }
}
