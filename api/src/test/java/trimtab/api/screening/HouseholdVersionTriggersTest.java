package trimtab.api.screening;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trimtab.api.TestBooks;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.engine.book.BookSnapshot;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table a household is read from bumps {@code household_data_version} (migration V9) for every row a statement
 * writes, whoever writes it; a change to the firm's restricted list bumps only the reference-data version. This is
 * what lets screening serve kept households without reading them again ({@link KeptBook}): a table left out here
 * would let a decision use a stale household.
 */
@MicronautTest(transactional = false)
class HouseholdVersionTriggersTest {
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;

    @BeforeEach
    void demoBook() {
        TestBooks.load(transactions, writer, TestBooks.demo());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "household   | UPDATE household SET name = 'Renamed household' WHERE household_id = 'H-1001'                   | 1 | 0",
            "account     | UPDATE account SET cash = cash + 0.01 WHERE account_id = 'ACC-1001-TX'                         | 1 | 0",
            "tax_lot     | UPDATE tax_lot SET quantity = quantity + 1 WHERE account_id = 'ACC-1001-TX'                     | per row | 0",
            "cash_flow   | INSERT INTO cash_flow (account_id, flow_date, amount) VALUES ('ACC-1001-TX', '2026-11-20', 2500.00) | 1 | 0",
            "life_event  | INSERT INTO life_event (household_id, event_type, event_date) VALUES ('H-1001', 'MARRIAGE', '2026-11-01') | 1 | 0",
            "ips_bound   | INSERT INTO ips_bound (household_id, asset_class, min_pct, max_pct) VALUES ('H-1001', 'US_EQUITY', 40, 70) | 1 | 0",
            "executed_trade | INSERT INTO executed_trade (account_id, symbol, side, quantity, price, trade_date) VALUES ('ACC-1001-TX', 'VTI', 'BUY', 2, 316.55, '2026-11-20') | 1 | 0",
            "client restriction | INSERT INTO restriction (scope, symbol, reason) VALUES ('H-1001', 'TRIGTEST1', 'client asked') | 1 | 0",
            "firm restriction   | INSERT INTO restriction (scope, symbol, reason) VALUES ('FIRM', 'TRIGTEST2', 'policy') | 0 | 1",
    })
    void aWriteBumpsTheVersionOnceForEveryRowItChanges(String table, String sql, String householdBumps, int referenceBumps) {
        long[] before = versions();
        int rows = transactions.write(c -> {
            try (Statement statement = c.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
        long[] after = versions();
        assertThat(rows).as(table + ": rows written").isPositive();
        // "per row": the demo book decides how many rows the statement changes (the account's lots)
        long expected = householdBumps.equals("per row") ? rows : Long.parseLong(householdBumps);
        assertThat(after[1] - before[1]).as(table + ": household_data_version").isEqualTo(expected);
        assertThat(after[0] - before[0]).as(table + ": reference_data_version").isEqualTo(referenceBumps);
    }

    @Test
    void theBookWritersBulkInsertsFireTheTriggersForEveryRow() {
        BookSnapshot demo = TestBooks.demo();
        // the demo book's households, accounts and lots, each written again by the book writer's bulk upserts
        long rows = demo.households().size() + demo.households().stream().mapToLong(h -> h.accounts().size()
                + h.accounts().stream().mapToLong(a -> a.lots().size()).sum()).sum();
        long before = versions()[1];
        TestBooks.load(transactions, writer, demo);
        assertThat(versions()[1] - before).as("bumps for %d rows written", rows).isGreaterThanOrEqualTo(rows);
    }

    private long[] versions() {
        return transactions.read(c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT v.version, h.version FROM reference_data_version v "
                         + "JOIN household_data_version h ON h.id = 1 WHERE v.id = 1")) {
                assertThat(rs.next()).isTrue();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        });
    }
}
