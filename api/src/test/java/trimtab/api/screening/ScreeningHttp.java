package trimtab.api.screening;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import trimtab.api.database.Transactions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** What the screening tests share: posting raw JSON and reading raw answers, and counting rows. */
final class ScreeningHttp {
    static final String CLIENT = "oms-screening-test";

    private ScreeningHttp() {
    }

    /** Posts a body as sent by an order system and returns the answer, whatever its status. */
    static HttpResponse<String> screen(HttpClient client, String query, String key, String body) {
        MutableHttpRequest<String> request = HttpRequest.POST("/api/v1/orders/screen" + query, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Test-User", CLIENT);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return exchange(client, request);
    }

    /** Reads as the order system that screened: it may read its own screenings and decisions. */
    static HttpResponse<String> get(HttpClient client, String path) {
        return exchange(client, HttpRequest.GET(path).header("X-Test-User", CLIENT));
    }

    private static HttpResponse<String> exchange(HttpClient client, HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    static String body(HttpResponse<String> response) {
        return response.getBody(String.class).orElse("");
    }

    static long count(Transactions transactions, String sql, String... parameters) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
