package trimtab.engine.book;

import java.util.Locale;
import java.util.Objects;

/**
 * An asset class such as {@code US_TOTAL_MARKET}. Uninvested cash is the asset class {@link #CASH};
 * cash-like funds (T-bill ETFs) are classified as {@code CASH} in the security master too, so that a
 * model's cash target measures all the money that is not at market risk.
 */
public record AssetClass(String code) implements Comparable<AssetClass> {
    public static final AssetClass CASH = new AssetClass("CASH");

    public AssetClass {
        Objects.requireNonNull(code, "asset class");
        code = code.trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new InvalidBookException("an asset class must not be blank");
        }
    }

    public static AssetClass of(String code) {
        return new AssetClass(code);
    }

    public boolean isCash() {
        return equals(CASH);
    }

    @Override
    public int compareTo(AssetClass other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
