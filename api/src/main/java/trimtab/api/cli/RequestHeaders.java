package trimtab.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header lines that say who sends the benchmark's API requests, and the name the service then records as the
 * actor. The health endpoint is sent without them.
 */
public interface RequestHeaders {
    /** Header lines, each ending in CRLF, for the service listening on {@code port}. */
    String lines(int port);

    /** The acting user the service records for these requests. */
    String actor();

    /** Logs in with {@code POST /api/v1/login} once, then sends the bearer token it got. */
    static RequestHeaders login(String username, String password) {
        return new RequestHeaders() {
            @Override
            public String lines(int port) {
                String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
                try (LoopbackConnection connection = new LoopbackConnection(port)) {
                    LoopbackConnection.Response response = connection.exchange(LoopbackConnection.request("POST", "/api/v1/login", "",
                            "application/json", body.getBytes(StandardCharsets.UTF_8)));
                    Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.text());
                    if (response.status() != 200 || !token.find()) {
                        throw new IllegalStateException("login as " + username + " answered " + response.status() + ": " + response.text());
                    }
                    return "Authorization: Bearer " + token.group(1) + "\r\n";
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot log in as " + username, e);
                }
            }

            @Override
            public String actor() {
                return username;
            }
        };
    }
}
