package trimtab.engine.book;

import java.util.Objects;

/** Identifies a lot across the book, the database and the rule facts. */
public record LotId(String value) implements Comparable<LotId> {
    public LotId {
        Objects.requireNonNull(value, "lot id");
        if (value.isBlank()) {
            throw new InvalidBookException("a lot id must not be blank");
        }
    }

    public static LotId of(String value) {
        return new LotId(value);
    }

    @Override
    public int compareTo(LotId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
