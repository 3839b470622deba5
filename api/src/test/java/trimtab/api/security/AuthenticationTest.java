package trimtab.api.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import trimtab.api.TestUsers;
import trimtab.api.audit.AuditEntry;
import trimtab.api.audit.AuditTrail;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in and what makes a token stop working: lock-out after five wrong passwords, a password change, a role
 * change, a disabled user; what the users API accepts and refuses; and that no password is ever answered or logged.
 */
@MicronautTest(transactional = false)
class AuthenticationTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestUsers users;
    @Inject
    AuditTrail audit;
    @Inject
    java.util.Collection<io.micronaut.security.token.validator.TokenValidator<HttpRequest<?>>> tokenValidators;

    @Test
    void bearerTokensGoThroughTheVerifiedTokensKeptSoTheTestsBelowShowThatKeptTokensStillEndAtOnce() {
        assertThat(tokenValidators).hasAtLeastOneElementOfType(VerifiedTokens.class);
    }

    @Test
    void aLoginAnswersABearerTokenWithTheUsersRolesAndNothingElse() {
        users.ensure("adv-adv-login");
        java.net.http.HttpResponse<String> answer = users.postLogin("adv-adv-login", TestUsers.PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"access_token\"", "\"token_type\":\"Bearer\"", "\"username\":\"adv-adv-login\"",
                "\"roles\":[\"ADVISOR\"]").doesNotContain(TestUsers.PASSWORD, "$2a$");

        Map<String, Object> me = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").header("X-Test-User", "adv-adv-login"),
                Argument.mapOf(String.class, Object.class));
        assertThat(me).containsEntry("username", "adv-adv-login").containsEntry("advisorId", "ADV-LOGIN")
                .containsEntry("roles", List.of("ADVISOR"));
        // usernames are case-insensitive at the door and stored lower-case
        assertThat(users.postLogin("  ADV-ADV-LOGIN ", TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsLockTheUserOutEvenWithTheRightOneUntilAnAdministratorResetsIt() {
        users.ensure("ops-locked");
        for (int i = 1; i <= 4; i++) {
            assertThat(users.postLogin("ops-locked", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(users.postLogin("ops-locked", TestUsers.PASSWORD).statusCode()).as("4 failures: not locked yet").isEqualTo(200);
        for (int i = 1; i <= 5; i++) {
            assertThat(users.postLogin("ops-locked", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        java.net.http.HttpResponse<String> locked = users.postLogin("ops-locked", TestUsers.PASSWORD);
        assertThat(locked.statusCode()).as("locked: the right password is refused too").isEqualTo(401);
        // the refusal says nothing about why (unknown user, wrong password and locked read the same)
        assertThat(locked.body()).isEqualTo(users.postLogin("no-such-user", TestUsers.PASSWORD).body());
        assertThat(audit.about("user:ops-locked")).extracting(AuditEntry::entryType).contains("LOGIN_LOCKED");
        Map<?, ?> shown = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users/ops-locked"), Map.class);
        assertThat(shown.get("lockedUntil")).as("an administrator sees the lock-out").isNotNull();

        client.toBlocking().exchange(put("/api/v1/users/ops-locked/password", "{\"password\": \"a-new-password-for-ops\"}"));
        assertThat(users.postLogin("ops-locked", "a-new-password-for-ops").statusCode()).isEqualTo(200);
        assertThat(audit.about("user:ops-locked")).extracting(AuditEntry::entryType)
                .containsSubsequence("USER_CREATED", "LOGIN_LOCKED", "PASSWORD_RESET");
        assertThat(audit.about("user:ops-locked")).extracting(AuditEntry::payload)
                .noneMatch(payload -> payload.contains("a-new-password-for-ops") || payload.contains("$2a$"));
    }

    @Test
    void changingOnesPasswordEndsTheOldTokenAndNeedsTheCurrentPassword() {
        users.ensure("carla");
        String old = users.login("carla", TestUsers.PASSWORD);
        assertThat(status(HttpRequest.GET("/api/v1/rule-sets").bearerAuth(old))).isEqualTo(200);

        HttpClientResponseException wrong = refused(put("/api/v1/me/password",
                "{\"currentPassword\": \"not-my-password\", \"newPassword\": \"carla-new-password\"}").bearerAuth(old));
        assertThat(wrong.getStatus().getCode()).isEqualTo(422);
        assertThat(wrong.getResponse().getBody(String.class).orElseThrow()).contains("$.currentPassword");
        HttpClientResponseException tooShort = refused(put("/api/v1/me/password",
                "{\"currentPassword\": \"" + TestUsers.PASSWORD + "\", \"newPassword\": \"short\"}").bearerAuth(old));
        assertThat(tooShort.getResponse().getBody(String.class).orElseThrow()).contains("$.newPassword", "at least 12 characters");

        assertThat(status(put("/api/v1/me/password", "{\"currentPassword\": \"" + TestUsers.PASSWORD
                + "\", \"newPassword\": \"carla-new-password\"}").bearerAuth(old))).isEqualTo(204);
        assertThat(status(HttpRequest.GET("/api/v1/rule-sets").bearerAuth(old))).as("the old token has ended").isEqualTo(401);
        String fresh = users.login("carla", "carla-new-password");
        assertThat(status(HttpRequest.GET("/api/v1/rule-sets").bearerAuth(fresh))).isEqualTo(200);
    }

    @Test
    void aRoleTakenAwayOrAUserDisabledEndsTheirTokensAtOnce() {
        users.ensure("ops-moved");
        String token = users.login("ops-moved", TestUsers.PASSWORD);
        assertThat(status(HttpRequest.GET("/api/v1/households").bearerAuth(token))).isEqualTo(200);

        Map<?, ?> changed = client.toBlocking().retrieve(put("/api/v1/users/ops-moved", "{\"roles\": [\"COMPLIANCE_OFFICER\"]}"), Map.class);
        assertThat(changed.get("roles")).isEqualTo(List.of("COMPLIANCE_OFFICER"));
        assertThat(status(HttpRequest.GET("/api/v1/households").bearerAuth(token))).as("issued under the old roles").isEqualTo(401);
        String asOfficer = users.login("ops-moved", TestUsers.PASSWORD);
        assertThat(status(HttpRequest.GET("/api/v1/rule-sets").bearerAuth(asOfficer))).isEqualTo(200);
        assertThat(status(HttpRequest.PUT("/api/v1/securities", "[]").bearerAuth(asOfficer))).isEqualTo(403);

        client.toBlocking().exchange(put("/api/v1/users/ops-moved", "{\"enabled\": false}"));
        assertThat(status(HttpRequest.GET("/api/v1/rule-sets").bearerAuth(asOfficer))).isEqualTo(401);
        assertThat(users.postLogin("ops-moved", TestUsers.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(audit.about("user:ops-moved")).extracting(AuditEntry::entryType)
                .containsExactly("USER_CREATED", "USER_CHANGED", "USER_CHANGED");
        assertThat(audit.about("user:ops-moved")).extracting(AuditEntry::actor).containsExactly("test-setup", "admin", "admin");
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        HttpClientResponseException e = refused(put("/api/v1/users/admin", "{\"enabled\": false}"));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(refused(put("/api/v1/users/admin", "{\"roles\": [\"OPERATIONS\"]}")).getStatus().getCode()).isEqualTo(409);
    }

    @Test
    void theUsersApiRefusesBadUsersByFieldAndNeverAnswersAPassword() {
        HttpClientResponseException bad = refused(post("/api/v1/users",
                "{\"username\": \"Bad Name\", \"password\": \"short\", \"roles\": [\"ADVISOR\"]}"));
        assertThat(bad.getStatus().getCode()).isEqualTo(422);
        assertThat(bad.getResponse().getBody(String.class).orElseThrow())
                .contains("\"path\":\"$.username\"", "\"path\":\"$.password\"", "\"path\":\"$.advisorId\"");
        assertThat(refused(post("/api/v1/users", "{\"username\": \"trimtab\", \"password\": \"long-enough-password\", "
                + "\"roles\": [\"OPERATIONS\"]}")).getResponse().getBody(String.class).orElseThrow()).contains("reserved");
        assertThat(refused(post("/api/v1/users", "{\"username\": \"ops-person\", \"password\": \"long-enough-password\", "
                + "\"roles\": [\"ORDER_SYSTEM\"]}")).getResponse().getBody(String.class).orElseThrow()).contains("SERVICE users");
        assertThat(refused(post("/api/v1/users", "{\"username\": \"x\", \"roles\": [\"KING\"]}")).getStatus().getCode())
                .as("an unknown role is unreadable").isEqualTo(400);

        HttpResponse<Map> created = client.toBlocking().exchange(post("/api/v1/users",
                "{\"username\": \"oms-new\", \"kind\": \"SERVICE\", \"roles\": [\"ORDER_SYSTEM\"]}"), Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        String secret = (String) created.body().get("clientSecret");
        assertThat(secret).as("a generated client secret, answered once").hasSize(43);
        assertThat(users.postLogin("oms-new", secret).statusCode()).isEqualTo(200);
        assertThat(refused(post("/api/v1/users", "{\"username\": \"oms-new\", \"kind\": \"SERVICE\", \"roles\": [\"ORDER_SYSTEM\"]}"))
                .getStatus().getCode()).as("usernames are never reused").isEqualTo(409);

        String everyone = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users"), String.class);
        assertThat(everyone).contains("\"username\":\"oms-new\"").doesNotContain(secret, "$2a$", "password");
        List<Map<String, Object>> list = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(list).allSatisfy(user -> assertThat(user).doesNotContainKeys("password", "passwordHash"));
    }

    @Test
    void noPasswordEverReachesTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            users.postLogin("no-such-user", "secret-guess-123456");
            users.ensure("ops-logged");
            users.postLogin("ops-logged", "another-secret-guess-1");
            client.toBlocking().exchange(post("/api/v1/users", "{\"username\": \"ops-fresh\", \"password\": \"fresh-password-4711\", "
                    + "\"roles\": [\"OPERATIONS\"]}"));
        } finally {
            root.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .as("something was logged (the refused logins)").isNotEmpty()
                .noneMatch(line -> line.contains("secret-guess-123456") || line.contains("another-secret-guess-1")
                        || line.contains("fresh-password-4711") || line.contains(TestUsers.PASSWORD));
    }

    private static MutableHttpRequest<String> put(String uri, String json) {
        return HttpRequest.PUT(uri, json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpRequest<String> post(String uri, String json) {
        return HttpRequest.POST(uri, json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private int status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected a refusal, got " + response.getStatus() + ": " + response.body());
        } catch (HttpClientResponseException e) {
            return e;
        }
    }
}
