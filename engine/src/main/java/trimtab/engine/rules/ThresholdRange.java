package trimtab.engine.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The values a number in a rule row may plausibly take, and what that number is, in a compliance officer's
 * words. A value outside is almost always a typing slip (500 where 5 was meant, a minus sign, a dollar amount
 * in a percent column), which would silently change what is enforced; the compiler refuses it at its cell.
 *
 * @param what the kind of number, as it reads in "is not plausible for {what}", e.g. "a percentage"
 * @param min  the smallest plausible value, inclusive
 * @param max  the largest plausible value, inclusive
 */
public record ThresholdRange(String what, BigDecimal min, BigDecimal max) {

    /** A share of something in percent: 10 means 10 %. */
    public static final ThresholdRange PERCENT = of("a percentage", "0", "100");
    /** Drift or excess measured in percentage points of a portfolio (weight minus target). */
    public static final ThresholdRange PERCENTAGE_POINTS = of("a number of percentage points", "0", "100");
    /** A number of calendar or business days; ten years is the longest look-back or look-ahead a rule needs. */
    public static final ThresholdRange DAYS = of("a number of days", "0", "3650");
    /** Days counted from an event that may still lie ahead (negative) or be past. */
    public static final ThresholdRange DAYS_EITHER_WAY = of("a number of days before or after an event", "-3650", "3650");
    /** Days until the end of the current quarter. */
    public static final ThresholdRange DAYS_IN_A_QUARTER = of("a number of days within a quarter", "0", "92");
    /** The CBOE volatility index: its highest close ever was about 83; 150 leaves room without allowing nonsense. */
    public static final ThresholdRange VIX = of("a VIX level", "0", "150");
    /** A dollar amount: never negative, and below a trillion. */
    public static final ThresholdRange DOLLARS = of("an amount in dollars", "0", "1000000000000");
    /** A number of shares or units. */
    public static final ThresholdRange SHARES = of("a number of shares", "0", "1000000000000");
    /** A count of asset classes. */
    public static final ThresholdRange ASSET_CLASSES = of("a number of asset classes", "0", "50");
    /** A trigger's priority: 1 is most urgent and an empty cell counts as 9. */
    public static final ThresholdRange PRIORITY = of("a priority (1 = most urgent)", "1", "9");

    public ThresholdRange {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("the range of " + what + " is empty: " + min + " > " + max);
        }
    }

    public static ThresholdRange of(String what, String min, String max) {
        return new ThresholdRange(what, new BigDecimal(min), new BigDecimal(max));
    }

    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** "from 0 to 100" */
    public String bounds() {
        return "from " + min.toPlainString() + " to " + max.toPlainString();
    }
}
