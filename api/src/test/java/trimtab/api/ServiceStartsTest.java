package trimtab.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import trimtab.api.database.Transactions;

import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        String version = transactions.read(connection -> {
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT VERSION()")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(version).contains("MariaDB");
    }
}
