package trimtab.api.book;

import java.math.BigDecimal;

/** How decimals read back: money always with its cents (1020.00), other figures without trailing zeros (180, 12.5). */
final class Numbers {
    private Numbers() {
    }

    static BigDecimal money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = plain(value);
        return plain.scale() < 2 ? plain.setScale(2) : plain;
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
