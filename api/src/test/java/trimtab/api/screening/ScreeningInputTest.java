package trimtab.api.screening;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.explain.ViolationView;
import trimtab.api.rulesets.RuleSetsInForce;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.api.screening.ScreeningHttp.body;
import static trimtab.api.screening.ScreeningHttp.count;
import static trimtab.api.screening.ScreeningHttp.screen;

/**
 * What the screen endpoint refuses (and writes nothing for): an unreadable body, an unknown field, a batch that is
 * not one; and what it does not refuse: a bad order is a recorded BLOCK saying what is wrong.
 */
@MicronautTest(transactional = false)
class ScreeningInputTest {
    private static final String AS_OF = "?asOf=2026-11-24";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Inject
    JsonMapper json;
    /** Compiled when first injected (seconds): here, rather than in the first request, whose client would time out. */
    @Inject
    RuleSetsInForce rules;

    @BeforeEach
    void demoBook() {
        TestBooks.load(transactions, writer, TestBooks.demo());
    }

    @Test
    void anUnknownFieldIsRefusedNamingItsPlace() throws Exception {
        long before = requests();
        HttpResponse<String> answer = screen(client, AS_OF, null, """
                {"orders": [
                  {"orderId": "U-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1},
                  {"orderId": "U-2", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1, "limitPrize": 300}
                ]}""");
        Map<?, ?> problem = problem(answer, 400);
        assertThat(problem.get("detail").toString()).contains("unknown field $.orders[1].limitPrize");
        assertThat(firstErrorPath(problem)).isEqualTo("$.orders[1].limitPrize");

        HttpResponse<String> topLevel = screen(client, AS_OF, null, "{\"orders\": [], \"dryRun\": true}");
        assertThat(firstErrorPath(problem(topLevel, 400))).isEqualTo("$.dryRun");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        Map<?, ?> problem = problem(screen(client, AS_OF, null, "{\"orders\": [{\"orderId\": \"M-1\", }"), 400);
        assertThat(problem.get("detail").toString()).startsWith("The request body cannot be read")
                .contains("Unexpected character ('}'").contains("(line 1, column 32)").doesNotContain("Error decoding");
        problem(screen(client, AS_OF, null, "[]"), 400);
        problem(screen(client, AS_OF, null, "{\"orders\": [{\"orderId\": \"M-1\", \"quantity\": {\"value\": 1}}]}"), 400);
        problem(screen(client, "?asOf=24/11/2026", null, "{\"orders\": [{\"orderId\": \"M-1\"}]}"), 400);
    }

    @Test
    void aBatchMustHoldOneToAThousandOrdersEachWithItsOwnId() throws Exception {
        long before = requests();
        assertThat(firstErrorPath(problem(screen(client, AS_OF, null, "{\"orders\": []}"), 422))).isEqualTo("$.orders");
        assertThat(firstErrorPath(problem(screen(client, AS_OF, null, "{}"), 422))).isEqualTo("$.orders");
        String thousandAndOne = IntStream.rangeClosed(1, 1001)
                .mapToObj(i -> "{\"orderId\": \"B-" + i + "\", \"accountId\": \"ACC-1001-TX\", \"symbol\": \"VTI\", \"side\": \"BUY\", \"quantity\": 1}")
                .collect(Collectors.joining(",", "{\"orders\": [", "]}"));
        Map<?, ?> tooMany = problem(screen(client, AS_OF, null, thousandAndOne), 422);
        assertThat(tooMany.get("detail").toString()).contains("at most 1000 orders, not 1001");

        Map<?, ?> missingId = problem(screen(client, AS_OF, null, """
                {"orders": [
                  {"orderId": "I-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1},
                  {"accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1}
                ]}"""), 422);
        assertThat(firstErrorPath(missingId)).isEqualTo("$.orders[1].orderId");

        Map<?, ?> duplicate = problem(screen(client, AS_OF, null, """
                {"orders": [
                  {"orderId": "I-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1},
                  {"orderId": "I-2", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1},
                  {"orderId": "I-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "SELL", "quantity": 1}
                ]}"""), 422);
        assertThat(firstErrorPath(duplicate)).isEqualTo("$.orders[2].orderId");
        assertThat(duplicate.get("detail").toString()).contains("orderId I-1 is already the id of $.orders[0]");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void badOrdersAreBlockedSayingWhatIsWrongAndRecordedWhileTheGoodOneIsScreened() throws Exception {
        HttpResponse<String> answer = screen(client, AS_OF, null, """
                {"orders": [
                  {"orderId": "Q-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 10},
                  {"orderId": "Q-2", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "HOLD", "quantity": 1},
                  {"orderId": "Q-3", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1, "limitPrice": "NaN"},
                  {"orderId": "Q-4", "symbol": "VTI", "side": "BUY", "quantity": 1},
                  {"orderId": "Q-5", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "SELL", "quantity": "lots"}
                ]}""");
        assertThat(answer.code()).as(body(answer)).isEqualTo(200);
        ScreeningResponse response = json.readValue(body(answer), ScreeningResponse.class);
        assertThat(response.verdicts()).extracting(OrderVerdictView::verdict).containsExactly("PASS", "BLOCK", "BLOCK", "BLOCK", "BLOCK");
        assertThat(messages(response.verdicts().get(1))).containsExactly("Order Q-2 cannot be screened: side 'HOLD' is neither BUY nor SELL.");
        assertThat(messages(response.verdicts().get(2))).containsExactly("Order Q-3 cannot be screened: limit price 'NaN' is not a number.");
        assertThat(messages(response.verdicts().get(3))).containsExactly("Order Q-4 cannot be screened: no account is given.");
        assertThat(messages(response.verdicts().get(4))).containsExactly("Order Q-5 cannot be screened: quantity 'lots' is not a number.");
        assertThat(count(transactions, "SELECT COUNT(*) FROM order_decision WHERE request_id = ?", response.requestId())).isEqualTo(5);
        assertThat(count(transactions, "SELECT COUNT(*) FROM audit_entry WHERE subject LIKE ? AND entry_type = 'ORDER_DECISION'",
                response.requestId() + "-%")).isEqualTo(5);
    }

    @Test
    void anIdempotencyKeyLongerThanTheStoredKeyIsRefused() throws Exception {
        Map<?, ?> problem = problem(screen(client, AS_OF, "k".repeat(201), """
                {"orders": [{"orderId": "K-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1}]}"""), 422);
        assertThat(firstErrorPath(problem)).isEqualTo("Idempotency-Key");
    }

    @Test
    void withoutAVixForTheDateNothingIsScreenedAndTheAnswerSaysWhatToRecord() throws Exception {
        long before = requests();
        Map<?, ?> problem = problem(screen(client, "?asOf=1990-01-02", null, """
                {"orders": [{"orderId": "V-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1}]}"""), 409);
        assertThat(problem.get("type")).isEqualTo("/problems/missing-market-data");
        assertThat(problem.get("detail").toString()).contains("no VIX is recorded on or before 1990-01-02").contains("PUT /api/v1/market/vix");
        assertThat(requests()).isEqualTo(before);
    }

    private long requests() {
        return count(transactions, "SELECT COUNT(*) FROM screening_request");
    }

    private Map<?, ?> problem(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.code()).as(body(answer)).isEqualTo(status);
        assertThat(answer.getContentType().map(Object::toString)).hasValue("application/problem+json");
        return json.readValue(body(answer), Map.class);
    }

    private static String firstErrorPath(Map<?, ?> problem) {
        List<?> errors = (List<?>) problem.get("errors");
        assertThat(errors).as(problem.toString()).isNotEmpty();
        return ((Map<?, ?>) errors.get(0)).get("path").toString();
    }

    private static List<String> messages(OrderVerdictView verdict) {
        return verdict.violations().stream().map(ViolationView::explanation).map(e -> e.message()).toList();
    }
}
