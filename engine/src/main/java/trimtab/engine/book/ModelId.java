package trimtab.engine.book;

import java.util.Objects;

/** Identifies a model across the book, the database and the rule facts. */
public record ModelId(String value) implements Comparable<ModelId> {
    public ModelId {
        Objects.requireNonNull(value, "model id");
        if (value.isBlank()) {
            throw new InvalidBookException("a model id must not be blank");
        }
    }

    public static ModelId of(String value) {
        return new ModelId(value);
    }

    @Override
    public int compareTo(ModelId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
