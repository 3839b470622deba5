package trimtab.engine.book;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a household pays on realised gains this year.
 *
 * @param shortTermRate      marginal rate on short-term gains (ordinary income), e.g. 0.37
 * @param longTermRate       rate on long-term gains, e.g. 0.20
 * @param realisedShortTermYtd net short-term gains already realised this calendar year
 * @param realisedLongTermYtd  net long-term gains already realised this calendar year
 * @param lossCarryForward   capital losses carried in from earlier years (a positive amount)
 */
public record TaxProfile(BigDecimal shortTermRate, BigDecimal longTermRate, BigDecimal realisedShortTermYtd,
                         BigDecimal realisedLongTermYtd, BigDecimal lossCarryForward) {

    public static final TaxProfile NONE = new TaxProfile(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    public TaxProfile {
        Objects.requireNonNull(shortTermRate, "short-term rate");
        Objects.requireNonNull(longTermRate, "long-term rate");
        realisedShortTermYtd = realisedShortTermYtd == null ? BigDecimal.ZERO : realisedShortTermYtd;
        realisedLongTermYtd = realisedLongTermYtd == null ? BigDecimal.ZERO : realisedLongTermYtd;
        lossCarryForward = lossCarryForward == null ? BigDecimal.ZERO : lossCarryForward;
        for (BigDecimal rate : new BigDecimal[] {shortTermRate, longTermRate}) {
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidBookException("tax rate " + rate.toPlainString() + " must be between 0 and 1");
            }
        }
        if (lossCarryForward.signum() < 0) {
            throw new InvalidBookException("loss carry-forward " + lossCarryForward.toPlainString()
                    + " must be given as a positive amount");
        }
    }
}
