package trimtab.engine.book;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One asset class of a model portfolio.
 *
 * @param targetPct        target weight in percent of the portfolio (40 means 40 %)
 * @param absoluteBandPts  tolerance in percentage points either side of the target (5 means ±5 pts); empty if none
 * @param relativeBandPct  tolerance as a percentage of the target (25 means ±25 % of 40 %, i.e. ±10 pts); empty if none
 * @param primary          the security bought for this class
 * @param alternates       harvest substitutes in order of preference, each from another wash-sale group
 */
public record ModelTarget(AssetClass assetClass, BigDecimal targetPct, Optional<BigDecimal> absoluteBandPts,
                          Optional<BigDecimal> relativeBandPct, Optional<Symbol> primary, List<Symbol> alternates) {

    public ModelTarget {
        Objects.requireNonNull(assetClass, "asset class");
        Objects.requireNonNull(targetPct, () -> assetClass + ": target");
        absoluteBandPts = absoluteBandPts == null ? Optional.empty() : absoluteBandPts;
        relativeBandPct = relativeBandPct == null ? Optional.empty() : relativeBandPct;
        primary = primary == null ? Optional.empty() : primary;
        alternates = alternates == null ? List.of() : List.copyOf(alternates);
        if (targetPct.signum() < 0 || targetPct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidBookException(assetClass + ": target " + targetPct.toPlainString() + " % is not between 0 and 100");
        }
        absoluteBandPts.filter(b -> b.signum() < 0).ifPresent(b -> {
            throw new InvalidBookException(assetClass + ": absolute band " + b.toPlainString() + " pts must not be negative");
        });
        relativeBandPct.filter(b -> b.signum() < 0).ifPresent(b -> {
            throw new InvalidBookException(assetClass + ": relative band " + b.toPlainString() + " % must not be negative");
        });
    }
}
