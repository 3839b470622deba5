package trimtab.api.book;

import java.math.BigDecimal;

/**
 * What a DECIMAL column of the book can hold. A value with more decimals would be rounded silently by the
 * database and one with more digits refused by it as an error the client cannot read, so requests are checked
 * against these first: what is read back is exactly what was sent.
 */
public record DecimalColumn(int integerDigits, int scale, String unit) {
    public static final DecimalColumn MONEY = new DecimalColumn(17, 2, "to the cent");
    public static final DecimalColumn COST = new DecimalColumn(15, 4, "dollars");
    public static final DecimalColumn PRICE = new DecimalColumn(13, 6, "dollars per share");
    public static final DecimalColumn QUANTITY = new DecimalColumn(16, 8, "shares");
    public static final DecimalColumn PERCENT = new DecimalColumn(5, 4, "percent");
    public static final DecimalColumn RATE = new DecimalColumn(2, 4, "a fraction, 0.35 for 35 %");
    public static final DecimalColumn VIX = new DecimalColumn(5, 4, "index points");

    /** Why the value does not fit, or null when it does. */
    public String misfit(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        int scaleUsed = Math.max(0, stripped.scale());
        if (scaleUsed > scale) {
            return "has " + scaleUsed + " decimals, at most " + scale + " are kept (" + unit + ")";
        }
        int integer = stripped.precision() - stripped.scale();
        if (integer > integerDigits) {
            return "is too large (at most " + integerDigits + " digits before the decimal point)";
        }
        return null;
    }
}
