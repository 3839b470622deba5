package trimtab.api.rulesets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The lifecycle endpoints as a client calls them: JSON text in, status and JSON text out, whatever the status. */
public final class LifecycleHttp {
    private final BlockingHttpClient client;
    private final JsonMapper json;

    public LifecycleHttp(HttpClient client, JsonMapper json) {
        this.client = client.toBlocking();
        this.json = json;
    }

    /** A response's status and body, and its body read as a JSON object. */
    public record Answer(int status, String contentType, String body, Map<String, Object> json) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> object(String field) {
            return (Map<String, Object>) json.get(field);
        }
    }

    /** POSTs a JSON body as {@code user} (the usual test officer when null). */
    public Answer post(String path, String body, String user) {
        MutableHttpRequest<String> request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (user != null) {
            request.header("X-Test-User", user);
        }
        return exchange(request);
    }

    /** POSTs a JSON body with no credentials at all. */
    public Answer postAnonymous(String path, String body) {
        return exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Test-Anonymous", "true"));
    }

    public Answer get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    @SuppressWarnings("unchecked")
    private Answer exchange(HttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = client.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<String>) e.getResponse();
        }
        String body = response.getBody(String.class).orElse("");
        Map<String, Object> parsed = Map.of();
        if (body.startsWith("{")) {
            try {
                parsed = json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Answer(response.code(), response.getContentType().map(MediaType::toString).orElse(""), body, parsed);
    }
}
