package trimtab.api.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): what went wrong in a sentence, and
 * for bad input each offending place, named by its JSON path, CSV line and column, or workbook cell.
 *
 * @param type   a stable identifier of the kind of problem, e.g. {@code /problems/invalid-input}
 * @param errors the offending places, in the order found; empty when the problem is not about input
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One offending place and what is wrong there. */
    @Serdeable
    public record FieldError(String path, String message) {
    }
}
