package trimtab.engine.book;

import java.util.Objects;

/**
 * Securities in one group are "substantially identical" for IRC §1091: funds that track the same
 * index (VOO, IVV, SPY) share a group; a single stock is its own group.
 */
public record WashSaleGroup(String value) {
    public WashSaleGroup {
        Objects.requireNonNull(value, "wash-sale group");
        if (value.isBlank()) {
            throw new InvalidBookException("a wash-sale group must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
