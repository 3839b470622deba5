package trimtab.engine.book;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Market-wide facts on the evaluation date. */
public record MarketSnapshot(LocalDate asOf, BigDecimal vix) {
    public MarketSnapshot {
        Objects.requireNonNull(asOf, "as-of date");
        Objects.requireNonNull(vix, "VIX");
        if (vix.signum() < 0) {
            throw new InvalidBookException("VIX " + vix.toPlainString() + " must not be negative");
        }
    }
}
