package trimtab.engine.book;

import java.util.Objects;

/** Identifies a household across the book, the database and the rule facts. */
public record HouseholdId(String value) implements Comparable<HouseholdId> {
    public HouseholdId {
        Objects.requireNonNull(value, "household id");
        if (value.isBlank()) {
            throw new InvalidBookException("a household id must not be blank");
        }
    }

    public static HouseholdId of(String value) {
        return new HouseholdId(value);
    }

    @Override
    public int compareTo(HouseholdId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
