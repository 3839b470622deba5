package trimtab.api.rulesets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import trimtab.api.database.Transactions;
import trimtab.api.screening.ScreeningResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The order whose verdict depends on the guardrails' maximum trade notional, screened on the demo book as of
 * 2026-11-24: BUY 100 VTI in the Okafor trust ACC-1003-TR at 316.50 is a notional of 31,650.00, paid from its
 * 41,150.00 cash (no overdraft); VTI is an ETF (no single-stock concentration rows), H-1003 has no IPS range and no
 * recent trades (no wash sale), and the price is of the day. So the only row that can touch it is TRADE-MAX-01:
 * PASS under the shipped 250,000 limit, REQUIRE_APPROVAL under a 25,000 one.
 */
public final class ScreenedOrders {
    public static final String AS_OF = "2026-11-24";
    public static final String BODY = """
            {"orders": [{"orderId": "VTI-100", "accountId": "ACC-1003-TR", "symbol": "VTI", "side": "BUY", "quantity": 100}]}""";

    private ScreenedOrders() {
    }

    /** What one screening answered, and what its decision row recorded. */
    public record Screened(String verdict, String ruleIds, int answeredVersion, int recordedVersion, String recordedChecksum) {
    }

    public static Screened screen(HttpClient client, JsonMapper json, Transactions transactions, String clientId) {
        String body = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/orders/screen?asOf=" + AS_OF, BODY)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Test-User", clientId), String.class);
        ScreeningResponse response;
        try {
            response = json.readValue(body, ScreeningResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var verdict = response.verdicts().get(0);
        String ruleIds = String.join(",", verdict.violations().stream().map(v -> v.ruleId()).toList());
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT rule_set_version, rule_set_checksum FROM order_decision WHERE decision_id = ?")) {
                statement.setString(1, verdict.decisionId());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return new Screened(verdict.verdict(), ruleIds, response.ruleSet().version(), rs.getInt(1), rs.getString(2));
                }
            }
        });
    }
}
