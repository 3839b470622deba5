package trimtab.api.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A request the service refuses, with the status and problem type it answers with. Thrown by controllers and
 * services; {@link ApiExceptionHandler} turns it into problem details.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ApiException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** 404: the thing named does not exist (or, later, is not the caller's to see). */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " does not exist", List.of());
    }

    /** 400: the request cannot be read at all (malformed JSON, a wrong type, an unknown field). */
    public static ApiException badRequest(String detail, String path, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "malformed-request", detail, List.of(new Problem.FieldError(path, message)));
    }

    /** 422: the request is well-formed but its content is not acceptable (a negative quantity, an unknown id it refers to). */
    public static ApiException invalid(String detail, List<Problem.FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", detail, errors);
    }

    public static ApiException invalid(String path, String message) {
        return invalid(message, List.of(new Problem.FieldError(path, message)));
    }

    /** 409: the request conflicts with the current state (an Idempotency-Key reused with another body, a decided trade). */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
