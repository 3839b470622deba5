package trimtab.api.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Makes the framework's own errors (no such route, wrong method, unreadable JSON, a failed validation, a body
 * too large) problem details too, so that a client handles one error shape. Error paths from validation and
 * binding are kept as the field path.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        HttpRequest<?> request = context.getRequest();
        if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            // the same words for every refusal: they must not tell a stranger more than that they were refused
            return new Problem("/problems/" + type(status), status.getReason(), status.getCode(), status == HttpStatus.UNAUTHORIZED
                    ? "log in first: send 'Authorization: Bearer <token>' with a valid token from POST /api/v1/login"
                    : "your roles do not allow this", request == null ? null : request.getPath(), List.of());
        }
        List<Problem.FieldError> errors = context.getErrors().stream()
                .map(e -> new Problem.FieldError(e.getPath().map(ProblemBodyProvider::jsonPath).orElse(null), e.getMessage()))
                .toList();
        String detail = errors.isEmpty() ? status.getReason() : errors.get(0).message();
        return new Problem("/problems/" + type(status), status.getReason(), status.getCode(), detail,
                request == null ? null : request.getPath(), errors);
    }

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }

    private static String type(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case REQUEST_ENTITY_TOO_LARGE -> "too-large";
            case UNPROCESSABLE_ENTITY -> "invalid-input";
            default -> status.getCode() >= 500 ? "internal-error" : "error";
        };
    }

    /** Validation paths look like "screen.request.orders[0].quantity"; clients know the body, so start at it. */
    private static String jsonPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length > 2) {
            return "$." + String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return path.startsWith("$") ? path : "$." + path;
    }

}
