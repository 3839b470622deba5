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
 * Screening keeps the reference data (securities, prices, VIX, models, the firm's restricted list) between requests,
 * and a committed change to it is used by the very next request: the cache is checked against a version the
 * database bumps in the writing transaction.
 */
@MicronautTest(transactional = false)
class ReferenceDataFreshnessTest {
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

    private void restrict(List<Restriction> restrictions) {
        transactions.write(c -> {
            writer.firmRestrictions(c, restrictions);
            return null;
        });
    }

    private String verdict(String query) throws Exception {
        return answer(query).verdicts().get(0).verdict();
    }

    private String seenPrice(String query) throws Exception {
        String decisionId = answer(query).verdicts().get(0).decisionId();
        HttpResponse<String> why = get(client, "/api/v1/decisions/" + decisionId);
        assertThat(why.code()).as(body(why)).isEqualTo(200);
        return json.readValue(body(why), DecisionExplanation.class).factsSeen().securityPrice();
    }

    private ScreeningResponse answer(String query) throws Exception {
        HttpResponse<String> answer = screen(client, query, "freshness-" + UUID.randomUUID(), BUY_VTI);
        assertThat(answer.code()).as(body(answer)).isEqualTo(200);
        return json.readValue(body(answer), ScreeningResponse.class);
    }
}
