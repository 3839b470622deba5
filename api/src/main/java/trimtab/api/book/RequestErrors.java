package trimtab.api.book;

import io.micronaut.http.HttpStatus;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;
import trimtab.engine.book.InvalidBookException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The problems found in one request, each with the JSON path of its item, and the field checks that find them.
 * Every item of a bulk request is checked before anything is refused, so a client fixes its file in one round
 * instead of one error per attempt. A check that fails records the problem and returns null; the caller skips
 * the item.
 */
final class RequestErrors {
    /** A response listing more places than this is no more useful and could be very large. */
    static final int MAX_LISTED = 1000;

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private int count;

    void add(JsonPath path, String message) {
        count++;
        if (errors.size() < MAX_LISTED) {
            errors.add(new Problem.FieldError(path.text(), message));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    /** Refuses the request with 422 when anything was found. */
    void throwIfAny() {
        throwIfAny(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input");
    }

    void throwIfAny(HttpStatus status, String type) {
        if (count == 0) {
            return;
        }
        Problem.FieldError first = errors.get(0);
        String detail = count == 1 ? first.path() + ": " + first.message()
                : count + " problems, the first at " + first.path() + ": " + first.message()
                        + (count > errors.size() ? " (the first " + errors.size() + " are listed)" : "");
        throw new ApiException(status, type, detail, errors);
    }

    /** Trimmed text, or null (with an error when required). */
    String text(String value, JsonPath path, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(path, "is required");
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            add(path, "is " + trimmed.length() + " characters long, at most " + maxLength + " are allowed");
            return null;
        }
        return trimmed;
    }

    /** An identifier: no commas, since lists of them are stored comma-separated, and no surrounding spaces. */
    String id(String value, JsonPath path, int maxLength, boolean required) {
        String text = text(value, path, maxLength, required);
        if (text != null && text.contains(",")) {
            add(path, "'" + text + "' must not contain a comma");
            return null;
        }
        return text;
    }

    BigDecimal decimal(BigDecimal value, JsonPath path, DecimalColumn column, boolean required) {
        if (value == null) {
            if (required) {
                add(path, "is required");
            }
            return null;
        }
        String misfit = column.misfit(value);
        if (misfit != null) {
            add(path, value.toPlainString() + " " + misfit);
            return null;
        }
        return value;
    }

    /** A decimal that must be above zero (positive) or at least zero. */
    BigDecimal amount(BigDecimal value, JsonPath path, DecimalColumn column, boolean required, boolean zeroAllowed) {
        BigDecimal checked = decimal(value, path, column, required);
        if (checked != null && (checked.signum() < 0 || (!zeroAllowed && checked.signum() == 0))) {
            add(path, checked.toPlainString() + (zeroAllowed ? " must not be negative" : " must be positive"));
            return null;
        }
        return checked;
    }

    LocalDate date(LocalDate value, JsonPath path, boolean required) {
        if (value == null && required) {
            add(path, "is required");
        }
        return value;
    }

    /** One of an enum's names, case aside. */
    <E extends Enum<E>> E choice(String value, Class<E> type, JsonPath path, boolean required) {
        String text = text(value, path, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(path, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    /**
     * Builds an engine record; a constraint the engine enforces that the checks above did not anticipate is
     * still reported at the item's path rather than as a server error.
     */
    <T> T build(JsonPath path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidBookException | NullPointerException e) {
            add(path, e.getMessage() == null ? "is incomplete" : e.getMessage());
            return null;
        }
    }
}
