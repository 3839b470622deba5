package trimtab.engine.drift;

import java.math.BigDecimal;
import java.util.Optional;
import trimtab.engine.book.AssetClass;

/**
 * The drift of one asset class.
 *
 * @param weightPct          share of the portfolio in percent
 * @param targetPct          model target in percent (0 for a class the model does not hold)
 * @param absoluteDriftPts   weight - target, signed, in percentage points
 * @param relativeDriftPct   absolute drift / target in percent, signed; empty when the target is 0
 * @param absoluteBandPts    the class's absolute band, if it has one
 * @param relativeBandPct    the class's relative band, if it has one
 */
public record AllocationDrift(AssetClass assetClass, BigDecimal marketValue, BigDecimal weightPct, BigDecimal targetPct,
                              BigDecimal absoluteDriftPts, Optional<BigDecimal> relativeDriftPct,
                              Optional<BigDecimal> absoluteBandPts, Optional<BigDecimal> relativeBandPct,
                              BandBreach breach) {

    public boolean isOutOfBand() {
        return breach.isBreach();
    }

    public boolean isOverweight() {
        return absoluteDriftPts.signum() > 0;
    }
}
