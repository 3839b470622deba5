package trimtab.api.run;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.web.ApiException;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body into its record, so that an unreadable body is refused with 400 naming the JSON path
 * of the offending field ({@code $.dryrun} for an unknown field, {@code $.asOf} for a date that is not one) rather
 * than the framework's name for the method argument. The records refuse unknown fields
 * ({@code @JsonIgnoreProperties(ignoreUnknown = false)}).
 */
@Singleton
public final class JsonBodies {
    /** Serde names the field as "[name]" or "[Type name]" in its messages. */
    private static final Pattern PROPERTY = Pattern.compile("(?:Unknown property|property) \\[(?:[\\w.<>$]+ )?([\\w$]+)]");

    private final JsonMapper json;

    JsonBodies(JsonMapper json) {
        this.json = json;
    }

    /** The body as a {@code type}, or {@code empty} when there is no body at all. */
    public <T> T read(String body, Class<T> type, T empty) {
        if (body == null || body.isBlank()) {
            return empty;
        }
        try {
            T value = json.readValue(body, type);
            return value == null ? empty : value;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Matcher property = PROPERTY.matcher(message);
            String path = property.find() ? "$." + property.group(1) : "$";
            String problem = message.startsWith("Unknown property") ? "unknown field " + path.substring(2)
                    : "cannot be read: " + firstLine(message);
            throw ApiException.badRequest("the request body is not a valid " + type.getSimpleName() + ": " + path + " " + problem,
                    path, problem);
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
