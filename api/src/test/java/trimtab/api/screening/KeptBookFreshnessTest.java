package trimtab.api.screening;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Symbol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.api.screening.ScreeningHttp.body;
import static trimtab.api.screening.ScreeningHttp.get;
import static trimtab.api.screening.ScreeningHttp.screen;

/**
 * Screening keeps the reference data (securities, prices, VIX, models, the firm's restricted list) and the households
 * it screened between requests, and a committed change to either is used by the very next request, whoever made it
 * (the service's book writer or plain SQL): what is kept is checked against versions the database bumps in the
 * writing transaction.
 */
@MicronautTest(transactional = false)
class KeptBookFreshnessTest {
    /** BUY 10 VTI in ACC-1001-TX: 3,165.00 of its 4,210.55 cash on the demo book, nothing else in the way: PASS. */
    private static final String BUY_VTI = """
            {"orders": [{"orderId": "F-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 10}]}""";
    /** A date after the demo book's, whose prices no other test reads: a price recorded on it changes nothing else. */
    private static final LocalDate LATER = LocalDate.of(2026, 11, 27);

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Inject
    JsonMapper json;

    @BeforeEach
    void demoBook() {
        TestBooks.load(transactions, writer, TestBooks.demo());
    }

    @AfterEach
    void restrictNothing() {
        transactions.write(c -> {
            writer.firmRestrictions(c, List.of());
            return null;
        });
    }

    @Test
    void aSecurityPutOnTheRestrictedListIsBlockedFromTheNextRequestOnAndPassesAgainOnceTakenOff() throws Exception {
        assertThat(verdict("?asOf=2026-11-24")).isEqualTo("PASS"); // the reference data is now kept

        restrict(List.of(new Restriction(Symbol.of("VTI"), "benchmark of freshness")));
        assertThat(verdict("?asOf=2026-11-24")).isEqualTo("BLOCK");

        restrict(List.of());
        assertThat(verdict("?asOf=2026-11-24")).isEqualTo("PASS");
    }

    @Test
    void aNewPriceIsTheOneTheNextDecisionSees() throws Exception {
        transactions.write(c -> {
            writer.price(c, "VTI", LATER, new BigDecimal("316.50"));
            return null;
        });
        assertThat(seenPrice("?asOf=" + LATER)).isEqualTo("316.5");

        transactions.write(c -> {
            writer.price(c, "VTI", LATER, new BigDecimal("320.25"));
            return null;
        });
        assertThat(seenPrice("?asOf=" + LATER)).isEqualTo("320.25");
    }

    @Test
    void cashChangedByPlainSqlIsTheCashTheNextDecisionSees() throws Exception {
        // BUY 10 VTI costs 3,165.00: the account's 4,210.55 covers it; kept after this request
        assertThat(verdict("?asOf=2026-11-24")).isEqualTo("PASS");
        assertThat(facts("?asOf=2026-11-24").accountCash()).isEqualTo("4210.55");

        sql("UPDATE account SET cash = 100.00 WHERE account_id = 'ACC-1001-TX'");
        SeenFacts seen = facts("?asOf=2026-11-24");
        assertThat(seen.accountCash()).isEqualTo("100");
        assertThat(verdict("?asOf=2026-11-24")).isEqualTo("BLOCK");

        sql("UPDATE account SET cash = 4210.55 WHERE account_id = 'ACC-1001-TX'");
        assertThat(verdict("?asOf=2026-11-24")).isEqualTo("PASS");
    }

    @Test
    void anAccountUnknownToOneRequestIsFoundByTheNextOnceItExists() throws Exception {
        String order = BUY_VTI.replace("ACC-1001-TX", "ACC-1001-NEW");
        assertThat(factsOf(order).householdId()).isNull(); // kept as "no such account"

        sql("INSERT INTO account (account_id, household_id, account_type, cash) "
                + "SELECT 'ACC-1001-NEW', household_id, 'TAXABLE', 5000.00 FROM account WHERE account_id = 'ACC-1001-TX'");
        SeenFacts seen = factsOf(order);
        assertThat(seen.householdId()).isNotNull();
        assertThat(seen.accountCash()).isEqualTo("5000");
    }

    private void sql(String statement) {
        transactions.write(c -> {
            try (var update = c.createStatement()) {
                assertThat(update.executeUpdate(statement)).isEqualTo(1);
            }
            return null;
        });
    }

    private SeenFacts facts(String query) throws Exception {
        return facts(query, BUY_VTI);
    }

    private SeenFacts factsOf(String order) throws Exception {
        return facts("?asOf=2026-11-24", order);
    }

    /** Screens the order, then asks why: the facts its decision was judged on. */
    private SeenFacts facts(String query, String order) throws Exception {
        String decisionId = answer(query, order).verdicts().get(0).decisionId();
        HttpResponse<String> why = get(client, "/api/v1/decisions/" + decisionId);
        assertThat(why.code()).as(body(why)).isEqualTo(200);
        return json.readValue(body(why), DecisionExplanation.class).factsSeen();
    }

    private void restrict(List<Restriction> restrictions) {
        transactions.write(c -> {
            writer.firmRestrictions(c, restrictions);
            return null;
        });
    }

    private String verdict(String query) throws Exception {
        return answer(query, BUY_VTI).verdicts().get(0).verdict();
    }

    private String seenPrice(String query) throws Exception {
        return facts(query).securityPrice();
    }

    private ScreeningResponse answer(String query, String order) throws Exception {
        HttpResponse<String> answer = screen(client, query, "freshness-" + UUID.randomUUID(), order);
        assertThat(answer.code()).as(body(answer)).isEqualTo(200);
        return json.readValue(body(answer), ScreeningResponse.class);
    }
}
