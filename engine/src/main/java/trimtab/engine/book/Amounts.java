package trimtab.engine.book;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts read in messages: two places and a thousands separator ("18,000.00"). */
public final class Amounts {
    private Amounts() {
    }

    /** Two places, half up, with a thousands separator: "7.00", "-18,000.00". (String.format is too slow here.) */
    public static String format(BigDecimal value) {
        return group(value.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    /** A number as a person typed it ("250000", "0.5"), with a thousands separator and its own decimals. */
    public static String asTyped(String text) {
        try {
            return group(new BigDecimal(text.trim()).toPlainString());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String group(String plain) {
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int point = digits.indexOf('.');
        int end = point < 0 ? digits.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + 4);
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < end; i++) {
            if (i > 0 && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.append(digits, end, digits.length()).toString();
    }
}
