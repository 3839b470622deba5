package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A part of a whole (a security's value in its account's total), as the percentage a guardrail row
 * compares. The division is made only when a row reads it: most rows never look at most orders'
 * weights (the concentration rows test the side and security type first), and an exact division at
 * six places is the costliest step of valuing an order.
 *
 * <p>Rows may read an order from two threads (a benchmark fires the same facts on both): the cached
 * result is an immutable {@code BigDecimal} that any thread would compute identically, so a race only
 * repeats the division.
 */
final class Share {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PCT_SCALE = 6;

    /** An order that was not valued: weight 0. */
    static final Share NONE = new Share(BigDecimal.ZERO, BigDecimal.ZERO);

    private final BigDecimal part;
    private final BigDecimal whole;
    private BigDecimal percent;

    Share(BigDecimal part, BigDecimal whole) {
        this.part = part;
        this.whole = whole;
    }

    /** {@code part} in percent of {@code whole}, exact to six places (half even); 0 when the whole is not positive. */
    BigDecimal percent() {
        BigDecimal p = percent;
        if (p == null) {
            p = whole.signum() <= 0 ? BigDecimal.ZERO : part.multiply(HUNDRED).divide(whole, PCT_SCALE, RoundingMode.HALF_EVEN);
            percent = p;
        }
        return p;
    }
}
