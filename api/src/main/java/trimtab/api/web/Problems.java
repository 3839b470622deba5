package trimtab.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem-details responses; the one place their shape and media type are decided. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpRequest<?> request, HttpStatus status, String type, String detail,
                                                        List<Problem.FieldError> errors) {
        Problem problem = new Problem("/problems/" + type, status.getReason(), status.getCode(), detail,
                request == null ? null : request.getPath(), errors);
        return HttpResponse.<Problem>status(status).body(problem).contentType(MEDIA_TYPE);
    }
}
