package trimtab.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.Hashes;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.web.Actor;
import trimtab.engine.book.BookSnapshot;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * In demo mode ({@code TRIMTAB_DEMO=true}, which {@code ./trimtab serve} sets), fills an empty book with a
 * generated firm priced as of the day of the first start, so that a newcomer can run a rebalance at once.
 * A book that already has households is never touched.
 */
@Singleton
@Requires(property = "trimtab.demo.enabled", value = "true")
final class DemoBookLoader implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoBookLoader.class);
    private static final long SEED = 42;

    private final Transactions transactions;
    private final BookWriter writer;
    private final AuditTrail audit;
    private final int households;

    DemoBookLoader(Transactions transactions, BookWriter writer, AuditTrail audit,
                   @Value("${trimtab.demo.households:60}") int households) {
        this.transactions = transactions;
        this.writer = writer;
        this.audit = audit;
        this.households = households;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LocalDate asOf = LocalDate.now();
        String loaded = transactions.write(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM household")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return null;
                }
            }
            BookSnapshot book = SyntheticFirm.generate(SEED, households, asOf);
            writer.snapshot(connection, book);
            String summary = book.households().size() + " households, "
                    + book.households().stream().mapToInt(h -> h.accounts().size()).sum() + " accounts, "
                    + book.households().stream().flatMap(h -> h.accounts().stream()).mapToInt(a -> a.lots().size()).sum()
                    + " lots, priced as of " + asOf;
            audit.append(connection, List.of(new AuditRecord("IMPORT", "demo-book", Actor.SERVICE.name(), "none",
                    Hashes.sha256("SyntheticFirm seed " + SEED + " households " + households + " as of " + asOf),
                    "{\"source\":\"demo\",\"seed\":" + SEED + ",\"households\":" + households + ",\"asOf\":\"" + asOf + "\"}")));
            return summary;
        });
        if (loaded != null) {
            LOG.info("Demo book loaded: {}", loaded);
        }
        LOG.info("Trimtab is listening on {} (API under /api/v1, OpenAPI UI at /swagger-ui/index.html)", event.getSource().getURL());
    }
}
