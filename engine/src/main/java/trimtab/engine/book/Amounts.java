package trimtab.engine.book;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts read in messages: two places and a thousands separator ("18,000.00"). */
public final class Amounts {
    private Amounts() {
    }

    /** Two places, half up, with a thousands separator: "7.00", "-18,000.00". (String.format is too slow here.) */
    public static String format(BigDecimal value) {
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
        if (cents.precision() <= 18) {
            // every amount a message shows: written from the whole cents without toPlainString's strings
            return formatCents(cents.scaleByPowerOfTen(2).longValueExact());
        }
        return group(cents.toPlainString());
    }

    /** A whole number of cents (|cents| < 10^18) as {@link #format} writes it. */
    static String formatCents(long cents) {
        long units = Math.abs(cents) / 100;
        int fraction = (int) (Math.abs(cents) % 100);
        String digits = Long.toString(units);
        int length = digits.length();
        StringBuilder out = new StringBuilder(length + length / 3 + 4);
        if (cents < 0) {
            out.append('-');
        }
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.append('.').append((char) ('0' + fraction / 10)).append((char) ('0' + fraction % 10)).toString();
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
