package trimtab.engine.book;

import java.util.Objects;

/** Identifies a advisor across the book, the database and the rule facts. */
public record AdvisorId(String value) implements Comparable<AdvisorId> {
    public AdvisorId {
        Objects.requireNonNull(value, "advisor id");
        if (value.isBlank()) {
            throw new InvalidBookException("a advisor id must not be blank");
        }
    }

    public static AdvisorId of(String value) {
        return new AdvisorId(value);
    }

    @Override
    public int compareTo(AdvisorId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
