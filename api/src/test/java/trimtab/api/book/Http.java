package trimtab.api.book;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import trimtab.api.web.Problem;
import trimtab.api.web.Problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The book API as a client calls it: JSON text in, records or problem details out. */
final class Http {
    static final String USER = "ops.lena";

    private final HttpClient client;

    Http(HttpClient client) {
        this.client = client;
    }

    static MutableHttpRequest<String> put(String uri, String json) {
        return HttpRequest.PUT(uri, json).contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Test-User", USER);
    }

    static MutableHttpRequest<String> post(String uri, String json) {
        return HttpRequest.POST(uri, json).contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Test-User", USER);
    }

    <T> T ok(MutableHttpRequest<?> request, Class<T> type) {
        HttpResponse<T> response = client.toBlocking().exchange(request, type);
        assertThat(response.status().getCode()).isBetween(200, 201);
        return response.body();
    }

    <T> T get(String uri, Class<T> type) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), type);
    }

    /** The problem a refused request answers with, checked to be problem details with the expected status. */
    Problem refused(MutableHttpRequest<?> request, HttpStatus status) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return fail("expected " + status + " but got " + response.status() + ": " + response.body());
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as(e.getResponse().getBody(String.class).orElse("")).isEqualTo(status.getCode());
            assertThat(e.getResponse().getContentType()).map(MediaType::toString).hasValue(Problems.MEDIA_TYPE);
            return e.getResponse().getBody(Problem.class).orElseThrow();
        }
    }
}
