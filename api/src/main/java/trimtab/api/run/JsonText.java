package trimtab.api.run;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Stored JSON in and out: what the run tables keep is written and read with the service's own mapper. */
final class JsonText {
    private JsonText() {
    }

    static String write(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(JsonMapper json, String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is not a " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(JsonMapper json, String text, Class<T> type) {
        return read(json, text, Argument.of(type));
    }
}
