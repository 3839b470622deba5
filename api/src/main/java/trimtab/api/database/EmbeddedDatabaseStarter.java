package trimtab.api.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * Points the default datasource at an embedded MariaDB when no URL is configured. It runs after the
 * datasource's properties are bound and before the connection pool and Flyway start, so a configured
 * {@code datasources.default.url} (yml, {@code DATASOURCES_DEFAULT_URL}, {@code -D}) always wins.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
final class EmbeddedDatabaseStarter implements BeanInitializedEventListener<DatasourceConfiguration> {
    private final Path folder;
    private final String database;
    private final boolean fresh;

    EmbeddedDatabaseStarter(@Value("${trimtab.embedded-db.folder:./data}") String folder,
                            @Value("${trimtab.embedded-db.database:trimtab}") String database,
                            @Value("${trimtab.embedded-db.fresh:false}") boolean fresh) {
        this.folder = Path.of(folder);
        this.database = database;
        this.fresh = fresh;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (!"default".equals(datasource.getName())) {
            return datasource;
        }
        EmbeddedMariaDb server = EmbeddedMariaDb.startOrGet(folder, database, fresh);
        datasource.setUrl(server.jdbcUrl(database));
        datasource.setUsername("root");
        datasource.setPassword("");
        datasource.setDriverClassName("org.mariadb.jdbc.Driver");
        return datasource;
    }
}
