package trimtab.engine.book;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An investment policy statement limit: the household's weight in an asset class must stay between
 * {@code minPct} and {@code maxPct} percent after any trade.
 */
public record IpsBound(AssetClass assetClass, BigDecimal minPct, BigDecimal maxPct) {
    public IpsBound {
        Objects.requireNonNull(assetClass, "IPS asset class");
        minPct = minPct == null ? BigDecimal.ZERO : minPct;
        maxPct = maxPct == null ? BigDecimal.valueOf(100) : maxPct;
        if (minPct.signum() < 0 || maxPct.compareTo(BigDecimal.valueOf(100)) > 0 || minPct.compareTo(maxPct) > 0) {
            throw new InvalidBookException("IPS bound for " + assetClass + ": " + minPct.toPlainString() + " % to "
                    + maxPct.toPlainString() + " % is not a range within 0-100 %");
        }
    }
}
