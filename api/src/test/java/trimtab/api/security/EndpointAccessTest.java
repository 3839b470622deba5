package trimtab.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trimtab.api.TestBooks;
import trimtab.api.TestUsers;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the service against every kind of caller: no credentials, an expired token, a tampered token,
 * and a logged-in user of each role (an advisor both for their own household and for another advisor's, the order
 * system both for its own screening and another's). Each cell is the status expected. The table must name every
 * route the service has: a new endpoint without a row here fails {@link #everyRouteOfTheServiceHasARow()}.
 *
 * <p>Writes are sent with bodies the endpoint refuses after the security check (400 for a field it does not
 * know, 422 for a value it does not accept), so that an allowed caller is seen to get past security without the
 * test changing the book, the rule sets or the users.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessTest {
    /** The kinds of caller, one column each. */
    enum Who {
        NO_TOKEN, EXPIRED, TAMPERED, ADMIN, OPERATIONS, COMPLIANCE, ADVISOR_OWN, ADVISOR_OTHER, ORDER_SYSTEM_OWN, ORDER_SYSTEM_OTHER
    }

    private static final String UNKNOWN_FIELD = "{\"notAField\": 1}";
    private static final String OTHER_ADVISOR = TestUsers.advisor("ADV-NOBODY");
    private static final String OTHER_ORDER_SYSTEM = "oms-someone-else";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestUsers users;
    @Inject
    Router router;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String secret;

    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private String runId;
    private String household;
    private String tradeId;
    private String requestId;
    private String decisionId;

    @BeforeAll
    void aBookARunAndAScreening() throws Exception {
        TestBooks.load(transactions, writer, TestBooks.demo());
        String ops = users.token(TestUsers.OPERATIONS);
        Map<?, ?> accepted = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/runs",
                Map.of("households", List.of("H-1001", "H-1003"), "asOf", "2026-11-24")).bearerAuth(ops), Map.class);
        runId = (String) accepted.get("runId");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"FINISHED".equals(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/runs/" + runId).bearerAuth(ops), Map.class)
                .get("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        List<Map<String, Object>> trades = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/runs/" + runId + "/trades")
                .bearerAuth(ops), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(trades).as("the run proposes trades").isNotEmpty();
        tradeId = (String) trades.get(0).get("tradeId");
        household = (String) trades.get(0).get("householdId");
        Map<?, ?> stored = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households/" + household).bearerAuth(ops), Map.class);
        String advisorId = (String) stored.get("advisorId");
        String account = (String) ((Map<?, ?>) ((List<?>) stored.get("accounts")).get(0)).get("accountId");

        // an order for an account of that household, screened by the order system
        Map<?, ?> screened = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/orders/screen?asOf=2026-11-24",
                "{\"orders\": [{\"orderId\": \"ACCESS-1\", \"accountId\": \"" + account
                        + "\", \"symbol\": \"VTI\", \"side\": \"BUY\", \"quantity\": 1}]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(users.token(TestUsers.ORDER_SYSTEM)), Map.class);
        requestId = (String) screened.get("requestId");
        decisionId = (String) ((Map<?, ?>) ((List<?>) screened.get("verdicts")).get(0)).get("decisionId");

        tokens.put(Who.ADMIN, users.token(TestUsers.ADMIN));
        tokens.put(Who.OPERATIONS, ops);
        tokens.put(Who.COMPLIANCE, users.token(TestUsers.OFFICER));
        tokens.put(Who.ADVISOR_OWN, users.token(TestUsers.advisor(advisorId)));
        tokens.put(Who.ADVISOR_OTHER, users.token(OTHER_ADVISOR));
        tokens.put(Who.ORDER_SYSTEM_OWN, users.token(TestUsers.ORDER_SYSTEM));
        tokens.put(Who.ORDER_SYSTEM_OTHER, users.token(OTHER_ORDER_SYSTEM));
        tokens.put(Who.EXPIRED, signed(TestUsers.OPERATIONS, List.of("OPERATIONS"), Instant.now().minus(Duration.ofHours(2)),
                Instant.now().minus(Duration.ofHours(1))));
        tokens.put(Who.TAMPERED, tampered(users.token(TestUsers.OPERATIONS)));
    }

    /** One endpoint: how to call it, and what each kind of caller gets. */
    private record Row(HttpMethod method, String template, String path, String body, MediaType type, Map<Who, Integer> expected) {
    }

    /** Statuses by role: everyone not named gets 403 (authenticated) or 401 (no valid token). */
    private static final class Expect {
        private final Map<Who, Integer> codes = new EnumMap<>(Who.class);

        static Expect authenticated() {
            Expect e = new Expect();
            for (Who who : Who.values()) {
                e.codes.put(who, switch (who) {
                    case NO_TOKEN, EXPIRED, TAMPERED -> 401;
                    default -> 403;
                });
            }
            return e;
        }

        static Expect everyone(int code) {
            Expect e = new Expect();
            for (Who who : Who.values()) {
                e.codes.put(who, code);
            }
            return e;
        }

        Expect allow(int code, Who... whos) {
            for (Who who : whos) {
                codes.put(who, code);
            }
            return this;
        }

        Map<Who, Integer> codes() {
            return Map.copyOf(codes);
        }
    }

    private List<Row> table() {
        Who[] firm = {Who.OPERATIONS, Who.COMPLIANCE};
        Who[] bookReaders = {Who.OPERATIONS, Who.COMPLIANCE, Who.ADVISOR_OWN, Who.ADVISOR_OTHER};
        Who[] signedIn = {Who.ADMIN, Who.OPERATIONS, Who.COMPLIANCE, Who.ADVISOR_OWN, Who.ADVISOR_OTHER, Who.ORDER_SYSTEM_OWN,
                Who.ORDER_SYSTEM_OTHER};
        String run = "/api/v1/runs/" + runId;
        String gv = "/api/v1/rule-sets/guardrails/versions";
        List<Row> rows = new ArrayList<>();
        // open
        rows.add(row(HttpMethod.GET, "/health", "/health", null, Expect.everyone(200)));
        rows.add(row(HttpMethod.GET, "/health/{selector}", "/health/readiness", null, Expect.everyone(200)));
        rows.add(row(HttpMethod.POST, "/api/v1/login", "/api/v1/login", "{\"username\":\"nobody\",\"password\":\"wrong-password-1\"}",
                Expect.everyone(401)));
        // the caller's own account
        rows.add(row(HttpMethod.GET, "/api/v1/me", "/api/v1/me", null, Expect.authenticated().allow(200, signedIn)));
        rows.add(row(HttpMethod.PUT, "/api/v1/me/password", "/api/v1/me/password", UNKNOWN_FIELD, Expect.authenticated().allow(400, signedIn)));
        // users
        rows.add(row(HttpMethod.GET, "/api/v1/users", "/api/v1/users", null, Expect.authenticated().allow(200, Who.ADMIN)));
        rows.add(row(HttpMethod.POST, "/api/v1/users", "/api/v1/users", UNKNOWN_FIELD, Expect.authenticated().allow(400, Who.ADMIN)));
        rows.add(row(HttpMethod.GET, "/api/v1/users/{username}", "/api/v1/users/admin", null, Expect.authenticated().allow(200, Who.ADMIN)));
        rows.add(row(HttpMethod.PUT, "/api/v1/users/{username}", "/api/v1/users/admin", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.ADMIN)));
        rows.add(row(HttpMethod.PUT, "/api/v1/users/{username}/password", "/api/v1/users/admin/password", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.ADMIN)));
        // book: reference data read by the people who work with it, written by operations
        rows.add(row(HttpMethod.GET, "/api/v1/securities", "/api/v1/securities", null, Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.GET, "/api/v1/securities/{symbol}", "/api/v1/securities/VTI", null,
                Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.PUT, "/api/v1/securities", "/api/v1/securities", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.OPERATIONS)));
        rows.add(row(HttpMethod.GET, "/api/v1/models", "/api/v1/models", null, Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.GET, "/api/v1/models/{id}", "/api/v1/models/BALANCED_60_40", null,
                Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.PUT, "/api/v1/models", "/api/v1/models", UNKNOWN_FIELD, Expect.authenticated().allow(400, Who.OPERATIONS)));
        rows.add(row(HttpMethod.GET, "/api/v1/market/vix", "/api/v1/market/vix?asOf=2026-11-24", null,
                Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.PUT, "/api/v1/market/vix", "/api/v1/market/vix", "[]", Expect.authenticated().allow(400, Who.OPERATIONS)));
        rows.add(row(HttpMethod.PUT, "/api/v1/market/prices", "/api/v1/market/prices", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.OPERATIONS)));
        rows.add(row(HttpMethod.GET, "/api/v1/restrictions/firm", "/api/v1/restrictions/firm", null,
                Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.PUT, "/api/v1/restrictions/firm", "/api/v1/restrictions/firm", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.OPERATIONS)));
        // households: an advisor sees their own (another's is not there), the list is always their own
        rows.add(row(HttpMethod.GET, "/api/v1/households", "/api/v1/households", null, Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.PUT, "/api/v1/households", "/api/v1/households", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.OPERATIONS)));
        rows.add(row(HttpMethod.GET, "/api/v1/households/{id}", "/api/v1/households/" + household, null,
                Expect.authenticated().allow(200, firm).allow(200, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.POST, "/api/v1/households/{id}/cash-flows", "/api/v1/households/" + household + "/cash-flows", "[]",
                Expect.authenticated().allow(400, Who.OPERATIONS, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.POST, "/api/v1/households/{id}/life-events", "/api/v1/households/" + household + "/life-events", "[]",
                Expect.authenticated().allow(400, Who.OPERATIONS, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.PUT, "/api/v1/households/{id}/restrictions", "/api/v1/households/" + household + "/restrictions",
                UNKNOWN_FIELD, Expect.authenticated().allow(400, Who.OPERATIONS, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        // custodian imports: operations
        rows.add(new Row(HttpMethod.POST, "/api/v1/imports/positions", "/api/v1/imports/positions", "not,a,position,file\n",
                MediaType.of("text/csv"), Expect.authenticated().allow(422, Who.OPERATIONS).codes()));
        // runs: started by advisors (their households) and operations, read by them and compliance
        rows.add(row(HttpMethod.POST, "/api/v1/runs", "/api/v1/runs", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.OPERATIONS, Who.ADVISOR_OWN, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.GET, "/api/v1/runs", "/api/v1/runs", null, Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.GET, "/api/v1/runs/{runId}", run, null,
                Expect.authenticated().allow(200, firm).allow(200, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.GET, "/api/v1/runs/{runId}/households", run + "/households", null,
                Expect.authenticated().allow(200, firm).allow(200, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.GET, "/api/v1/runs/{runId}/households/{householdId}", run + "/households/" + household, null,
                Expect.authenticated().allow(200, firm).allow(200, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.GET, "/api/v1/runs/{runId}/trades", run + "/trades", null,
                Expect.authenticated().allow(200, firm).allow(200, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.GET, "/api/v1/runs/{runId}/orders.csv", run + "/orders.csv", null,
                Expect.authenticated().allow(200, Who.OPERATIONS, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        // a trade: why for its advisor and compliance; approval only by its advisor
        rows.add(row(HttpMethod.GET, "/api/v1/trades/{tradeId}/why", "/api/v1/trades/" + tradeId + "/why", null,
                Expect.authenticated().allow(200, Who.COMPLIANCE, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        rows.add(row(HttpMethod.POST, "/api/v1/trades/{tradeId}/approval", "/api/v1/trades/" + tradeId + "/approval",
                "{\"decision\": \"MAYBE\", \"reason\": \"checking who may\"}",
                Expect.authenticated().allow(422, Who.ADVISOR_OWN).allow(404, Who.ADVISOR_OTHER)));
        // order screening: the order system screens and reads its own; compliance reads all; an advisor their households'
        rows.add(row(HttpMethod.POST, "/api/v1/orders/screen", "/api/v1/orders/screen", UNKNOWN_FIELD,
                Expect.authenticated().allow(400, Who.ORDER_SYSTEM_OWN, Who.ORDER_SYSTEM_OTHER)));
        rows.add(row(HttpMethod.GET, "/api/v1/screenings/{requestId}", "/api/v1/screenings/" + requestId, null,
                Expect.authenticated().allow(200, Who.COMPLIANCE, Who.ORDER_SYSTEM_OWN).allow(404, Who.ORDER_SYSTEM_OTHER)));
        rows.add(row(HttpMethod.GET, "/api/v1/decisions/{decisionId}", "/api/v1/decisions/" + decisionId, null,
                Expect.authenticated().allow(200, Who.COMPLIANCE, Who.ORDER_SYSTEM_OWN, Who.ADVISOR_OWN)
                        .allow(404, Who.ORDER_SYSTEM_OTHER, Who.ADVISOR_OTHER)));
        // rule sets: compliance officers only
        Expect compliance200 = Expect.authenticated().allow(200, Who.COMPLIANCE);
        Expect compliance400 = Expect.authenticated().allow(400, Who.COMPLIANCE);
        rows.add(row(HttpMethod.GET, "/api/v1/rule-sets", "/api/v1/rule-sets", null, compliance200));
        rows.add(row(HttpMethod.GET, "/api/v1/rule-sets/{table}/versions", gv, null, compliance200));
        rows.add(row(HttpMethod.GET, "/api/v1/rule-sets/{table}/versions/{version}", gv + "/1", null, compliance200));
        rows.add(row(HttpMethod.GET, "/api/v1/rule-sets/{table}/versions/{version}/workbook", gv + "/1/workbook", null, compliance200));
        rows.add(row(HttpMethod.GET, "/api/v1/rule-sets/{table}/versions/{version}/drl", gv + "/1/drl", null, compliance200));
        rows.add(row(HttpMethod.GET, "/api/v1/rule-sets/{table}/versions/{version}/diff", gv + "/1/diff", null, compliance200));
        rows.add(row(HttpMethod.GET, "/api/v1/rule-sets/{table}/versions/{version}/validation", gv + "/1/validation", null,
                compliance200));
        rows.add(new Row(HttpMethod.POST, "/api/v1/rule-sets/{table}/versions", gv + "?fileName=guardrails.csv", "not a workbook",
                MediaType.of("text/csv"), Expect.authenticated().allow(422, Who.COMPLIANCE).codes()));
        rows.add(row(HttpMethod.POST, "/api/v1/rule-sets/{table}/versions/{version}/approval", gv + "/1/approval", UNKNOWN_FIELD,
                compliance400));
        rows.add(row(HttpMethod.POST, "/api/v1/rule-sets/{table}/versions/{version}/activation", gv + "/1/activation", UNKNOWN_FIELD,
                compliance400));
        rows.add(row(HttpMethod.POST, "/api/v1/rule-sets/{table}/rollback", "/api/v1/rule-sets/guardrails/rollback", UNKNOWN_FIELD,
                compliance400));
        rows.add(row(HttpMethod.POST, "/api/v1/rule-sets/{table}/versions/{version}/shadow", gv + "/1/shadow", UNKNOWN_FIELD,
                compliance400));
        // the audit trail: compliance officers
        rows.add(row(HttpMethod.GET, "/api/v1/audit/entries", "/api/v1/audit/entries", null, compliance200));
        rows.add(row(HttpMethod.GET, "/api/v1/audit/verify", "/api/v1/audit/verify", null, compliance200));
        // the web pages: the root leads to them (the client follows the redirect to /app/, open to all); their reads
        rows.add(row(HttpMethod.GET, "/", "/", null, Expect.everyone(200)));
        rows.add(row(HttpMethod.GET, "/api/v1/household-drift", "/api/v1/household-drift", null,
                Expect.authenticated().allow(200, bookReaders)));
        rows.add(row(HttpMethod.GET, "/api/v1/dashboard", "/api/v1/dashboard", null, Expect.authenticated().allow(200, firm)));
        return rows;
    }

    private static Row row(HttpMethod method, String template, String path, String body, Expect expect) {
        return new Row(method, template, path, body, MediaType.APPLICATION_JSON_TYPE, expect.codes());
    }

    @Test
    void everyRouteOfTheServiceHasARow() {
        // HEAD is served for every GET by the framework, with the GET's rule
        Set<String> routes = router.uriRoutes().filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .map(r -> r.getHttpMethod() + " " + template(r)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = table().stream().map(r -> r.method() + " " + r.template()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).as("rows for routes that do not exist").isSubsetOf(routes);
        assertThat(routes).as("routes without a row in the access table: add one saying who may call it").isSubsetOf(rows);
    }

    @Test
    void listsLeaveOutWhatAnotherAdvisorLooksAfter() {
        assertThat(get("/api/v1/runs?limit=1000", Who.ADVISOR_OWN)).contains(runId);
        assertThat(get("/api/v1/runs?limit=1000", Who.ADVISOR_OTHER)).doesNotContain(runId);
        assertThat(get("/api/v1/households", Who.ADVISOR_OWN)).contains("\"" + household + "\"");
        assertThat(get("/api/v1/households", Who.ADVISOR_OTHER)).isEqualTo("[]");
        assertThat(get("/api/v1/households?advisorId=ADV-7", Who.ADVISOR_OTHER)).as("asking for another advisor's").isEqualTo("[]");
    }

    private String get(String path, Who who) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(tokens.get(who)), String.class);
    }

    @Test
    void everyEndpointAnswersEachKindOfCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        Map<String, Map<Who, Integer>> actual = new LinkedHashMap<>();
        for (Row row : table()) {
            for (Who who : Who.values()) {
                int status = call(row, who);
                actual.computeIfAbsent(row.method() + " " + row.path(), k -> new EnumMap<>(Who.class)).put(who, status);
                if (status != row.expected().get(who)) {
                    wrong.add(row.method() + " " + row.path() + " as " + who + ": expected " + row.expected().get(who) + ", got " + status);
                }
            }
        }
        assertThat(wrong).as("every cell of the access table; all answers: " + actual).isEmpty();
    }

    private int call(Row row, Who who) {
        MutableHttpRequest<Object> request = HttpRequest.create(row.method(), row.path());
        if (row.body() != null) {
            request.body(row.body().getBytes(StandardCharsets.UTF_8)).contentType(row.type());
        }
        if (who == Who.NO_TOKEN) {
            request.header("X-Test-Anonymous", "true");
        } else {
            request.bearerAuth(tokens.get(who));
        }
        try {
            HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
            return response.getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static String template(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toString();
    }

    /** A token signed with the service's own secret, but expired. */
    private String signed(String subject, List<String> roles, Instant issued, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles).claim("gen", 1)
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** A real token whose claims were edited to give it every role, keeping the old signature. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"roles\":\\[[^]]*]",
                "\"roles\":[\"ADMIN\",\"OPERATIONS\",\"COMPLIANCE_OFFICER\",\"ADVISOR\",\"ORDER_SYSTEM\"]");
        assertThat(forged).as("the claims were edited").isNotEqualTo(payload);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
