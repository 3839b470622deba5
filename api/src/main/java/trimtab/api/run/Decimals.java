package trimtab.api.run;

import java.math.BigDecimal;

/** DECIMAL columns come back at their column scale (21.00000000 shares); answers show 21 shares at 316.50. */
public final class Decimals {
    private Decimals() {
    }

    /** Without trailing zeros: quantities. */
    public static BigDecimal stripped(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Without trailing zeros beyond the cents: prices, which may have more decimals than two but never fewer. */
    public static BigDecimal price(BigDecimal value) {
        BigDecimal stripped = stripped(value);
        return stripped == null || stripped.scale() >= 2 ? stripped : stripped.setScale(2);
    }
}
