package trimtab.api.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal arithmetic on scaled longs for the generator's inner loop (half a million lots for a large book):
 * a price of 316.50 is 3,165,000 ten-thousandths of a dollar. Products are checked for overflow and rounded half
 * to even, as {@link BigDecimal} would; results go into the book as {@code BigDecimal}.
 */
final class FixedPoint {
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private FixedPoint() {
    }

    static long tenTo(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /** The value in units of 10^-scale, rounded half to even. */
    static long units(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** a × b / divisor, rounded half to even; a and b non-negative. */
    static long multiplyDivide(long a, long b, long divisor) {
        return divide(Math.multiplyExact(a, b), divisor);
    }

    /** numerator / divisor, rounded half to even; both non-negative. */
    static long divide(long numerator, long divisor) {
        long quotient = numerator / divisor;
        long twiceRemainder = 2 * (numerator % divisor);
        if (twiceRemainder > divisor || (twiceRemainder == divisor && (quotient & 1) == 1)) {
            quotient++;
        }
        return quotient;
    }
}
