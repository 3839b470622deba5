package trimtab.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import trimtab.api.database.Transactions;
import trimtab.api.web.Problem;

import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
class ServiceStartsTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Transactions transactions;

    @Test
    void healthIsUpOnTheEmbeddedMariaDb() throws Exception {
        Map<?, ?> health = client.toBlocking().retrieve("/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        // what a probe needs (the database, the disk), not the per-call thread scan nor a discovery client
        Set<Object> indicators = Set.copyOf(((Map<?, ?>) health.get("details")).keySet());
        assertThat(indicators).contains("jdbc", "diskSpace").doesNotContain("deadlockedThreads", "compositeDiscoveryClient()");
        String version = transactions.read(connection -> {
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT VERSION()")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(version).contains("MariaDB");
    }

    @Test
    void theOpenApiDocumentIsGeneratedFromTheControllersAndServedWithAUi() {
        String document = client.toBlocking().retrieve("/swagger/trimtab-1.yml");
        assertThat(document).contains("title: Trimtab").contains("/api/v1/audit/verify:");
        String ui = client.toBlocking().retrieve("/swagger-ui/index.html");
        assertThat(ui).contains("swagger-ui").contains("trimtab-1.yml");
    }

    @Test
    void anUnknownRouteIsAProblemDocument() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange("/api/v1/no-such-thing", String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getContentType().map(Object::toString)).contains("application/problem+json");
        Problem problem = e.getResponse().getBody(Problem.class).orElseThrow();
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo("/problems/not-found");
        assertThat(problem.instance()).isEqualTo("/api/v1/no-such-thing");
    }
}
