package trimtab.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import trimtab.api.security.Role;
import trimtab.api.security.UserAdministration;
import trimtab.api.security.UserKind;
import trimtab.api.security.UserViews;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users tests act as, created on first use through the service's own user administration and logged in
 * through the real login endpoint; tokens are cached per user for the life of the server.
 *
 * <p>A name says what the user is: {@code adv-<advisor id>[.<name>]} an ADVISOR of that advisor id
 * ({@code adv-adv-7} and {@code adv-adv-7.bob} both look after advisor ADV-7's households), {@code oms...} the order system (a SERVICE user), {@code ops...} OPERATIONS, {@code admin} the
 * administrator created at first start, anything else a COMPLIANCE_OFFICER.
 */
@Singleton
@Requires(env = Environment.TEST)
public final class TestUsers {
    public static final String PASSWORD = "test-password-123";
    public static final String OPERATIONS = "ops-test";
    public static final String OFFICER = "officer-test";
    public static final String ORDER_SYSTEM = "oms-test";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final Provider<EmbeddedServer> server;
    private final UserAdministration administration;
    private final JsonMapper json;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    TestUsers(Provider<EmbeddedServer> server, UserAdministration administration, JsonMapper json) {
        this.server = server;
        this.administration = administration;
        this.json = json;
    }

    /** The username of the advisor user looking after the households of this advisor id. */
    public static String advisor(String advisorId) {
        return "adv-" + advisorId.toLowerCase(Locale.ROOT);
    }

    /** A bearer token for the user, creating the user first if needed. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, name -> {
            ensure(name);
            return login(name, name.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD);
        });
    }

    /** Forgets cached tokens (after a change that makes older tokens stop working). */
    public void forget(String username) {
        tokens.remove(username);
    }

    public void ensure(String username) {
        if (username.equals(ADMIN)) {
            return;
        }
        UserKind kind = UserKind.PERSON;
        List<Role> roles;
        String advisorId = null;
        if (username.startsWith("adv-")) {
            roles = List.of(Role.ADVISOR);
            String rest = username.substring(4);
            advisorId = (rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest).toUpperCase(Locale.ROOT);
        } else if (username.startsWith("oms")) {
            roles = List.of(Role.ORDER_SYSTEM);
            kind = UserKind.SERVICE;
        } else if (username.startsWith("ops")) {
            roles = List.of(Role.OPERATIONS);
        } else {
            roles = List.of(Role.COMPLIANCE_OFFICER);
        }
        try {
            administration.create(new UserViews.NewUser(username, null, kind, PASSWORD, roles, advisorId), new Actor("test-setup"));
        } catch (ApiException e) {
            if (e.status().getCode() != 409) {
                throw e;
            }
        }
    }

    /** Logs in through the real endpoint; answers the access token. */
    public String login(String username, String password) {
        HttpResponse<String> response = postLogin(username, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return (String) json.readValue(response.body(), Map.class).get("access_token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The login endpoint's raw answer. */
    public HttpResponse<String> postLogin(String username, String password) {
        try {
            String body = json.writeValueAsString(Map.of("username", username, "password", password));
            return http.send(HttpRequest.newBuilder(URI.create(server.get().getURL() + "/api/v1/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
