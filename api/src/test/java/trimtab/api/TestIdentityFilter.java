package trimtab.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Lets the service's tests call the API as a real, logged-in user without repeating the login in every test: a
 * request that carries no Authorization header gets a bearer token for the user named in {@code X-Test-User}, or
 * else for the usual user of that part of the API (the order system for screening, a compliance officer for rule
 * sets, audit and decisions, the administrator for users, operations for the rest). {@code X-Test-Anonymous}
 * sends the request with no credentials at all. The security tests ({@code trimtab.api.security}) send their
 * own tokens and so bypass this.
 */
@ClientFilter("/api/**")
@Requires(env = Environment.TEST)
final class TestIdentityFilter {
    static final String USER = "X-Test-User";
    static final String ANONYMOUS = "X-Test-Anonymous";

    private final TestUsers users;

    TestIdentityFilter(TestUsers users) {
        this.users = users;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void authenticate(MutableHttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals("/api/v1/login") || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        if (request.getHeaders().contains(ANONYMOUS)) {
            request.getHeaders().remove(ANONYMOUS);
            return;
        }
        String user = request.getHeaders().get(USER);
        request.getHeaders().remove(USER);
        request.bearerAuth(users.token(user != null ? user : usualUser(path)));
    }

    private static String usualUser(String path) {
        if (path.startsWith("/api/v1/orders/screen") || path.startsWith("/api/v1/screenings/")) {
            return TestUsers.ORDER_SYSTEM;
        }
        if (path.startsWith("/api/v1/rule-sets") || path.startsWith("/api/v1/audit") || path.startsWith("/api/v1/decisions/")
                || (path.startsWith("/api/v1/trades/") && path.endsWith("/why"))) {
            return TestUsers.OFFICER;
        }
        if (path.startsWith("/api/v1/users")) {
            return TestUsers.ADMIN;
        }
        return TestUsers.OPERATIONS;
    }
}
