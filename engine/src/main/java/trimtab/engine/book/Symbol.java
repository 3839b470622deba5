package trimtab.engine.book;

import java.util.Locale;
import java.util.Objects;

/** A security's ticker, upper case; the security master's key. */
public record Symbol(String value) implements Comparable<Symbol> {
    public Symbol {
        Objects.requireNonNull(value, "symbol");
        value = value.trim().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new InvalidBookException("a symbol must not be blank");
        }
    }

    public static Symbol of(String value) {
        return new Symbol(value);
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
