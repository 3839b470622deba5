package trimtab.api.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import trimtab.api.database.EmbeddedMariaDb;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside demo mode there is no default password: a first start without one refuses to run. */
class FirstStartTest {
    private static final Path FOLDER = Path.of("target/test-mariadb-first-start");

    @Test
    void aFirstStartWithoutAnAdministratorPasswordRefusesToRun() {
        try {
            assertThatThrownBy(() -> {
                try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                        "micronaut.server.port", -1,
                        "trimtab.embedded-db.folder", FOLDER.toString(),
                        "trimtab.embedded-db.fresh", true,
                        "trimtab.demo.enabled", false,
                        "trimtab.security.admin.password", ""), "test")) {
                    server.getPort();
                }
            }).hasStackTraceContaining("The database has no users yet. Set TRIMTAB_ADMIN_PASSWORD");
        } finally {
            EmbeddedMariaDb.stop(FOLDER);
        }
    }
}
