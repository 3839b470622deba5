package trimtab.api.screening;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents {@link ScreeningJson} assembles from JSON already written are byte for byte what the service's
 * mapper writes for the records they stand for, so request hashes (idempotency across an upgrade) and audit payloads
 * are unchanged by writing each order once.
 */
@MicronautTest(transactional = false)
class ScreeningJsonTest {
    /** Orders as an order system may send them: numbers kept as text, absent fields, quotes, non-ASCII, controls. */
    private static final List<OrderInput> ORDERS = List.of(
            new OrderInput("O-1", "ACC-1001-TX", "VTI", "BUY", "10", null, null),
            new OrderInput("O-\"2\"\\b", "ACC-Zoë-ROTH", "BRK.B", "SELL", "12.5", "101.25", true),
            new OrderInput(null, null, null, null, null, null, false),
            new OrderInput("O-4\ttab\nline", "ACC-1002-TX", "MO", "buy", "-5", "NaN", null),
            new OrderInput("O-5 \uD83D\uDCC8", "ACC-1003-TR", "AAPL", "BUY", "1e3", "", null));

    @Inject
    ScreeningJson documents;
    @Inject
    JsonMapper json;

    @Test
    void theCanonicalRequestIsWhatTheRecordSerialisesTo() throws IOException {
        List<byte[]> orders = ORDERS.stream().map(documents::write).toList();

        for (String asOf : new String[]{null, "2026-11-24", " 2026-11-24 "}) {
            assertThat(new String(documents.canonicalRequest(asOf, orders), StandardCharsets.UTF_8)).as("asOf %s", asOf)
                    .isEqualTo(json.writeValueAsString(new OrderScreening.CanonicalRequest(asOf, ORDERS)));
        }
        assertThat(new String(documents.canonicalRequest(null, List.of(orders.get(0))), StandardCharsets.UTF_8))
                .isEqualTo("{\"asOf\":null,\"orders\":[{\"orderId\":\"O-1\",\"accountId\":\"ACC-1001-TX\",\"symbol\":\"VTI\","
                        + "\"side\":\"BUY\",\"quantity\":\"10\",\"limitPrice\":null,\"automated\":null}]}");
    }

    @Test
    void theAuditPayloadIsWhatTheRecordSerialisesToAndReadsBack() throws IOException {
        SeenFacts known = new SeenFacts("2026-11-24", "17.40", "H-Zoë", "ab".repeat(32), "ROTH_IRA", "4210.55", "0",
                "316.50", "2026-11-24", false, 5, "cd".repeat(32));
        SeenFacts unknownAccount = new SeenFacts("2026-11-24", "17.40", null, null, null, null, null, "85.10", "2026-11-21",
                true, 1, "ef".repeat(32));
        List<String> violations = List.of("BLOCK RESTR-FIRM-01 (guardrails.drl.xlsx, sheet Restrictions, row 6)",
                "WARN \"CONC\" (Règles d'or.drl.xlsx, sheet Concentration\\2, row 9)");

        for (int i = 0; i < ORDERS.size(); i++) {
            SeenFacts facts = i % 2 == 0 ? known : unknownAccount;
            List<String> broken = i == 0 ? List.of() : violations;
            AuditedDecision expected = new AuditedDecision("019ac0de-7f3a-7b21-9c4e-2f1d8e6a5b43-" + (i + 1),
                    "019ac0de-7f3a-7b21-9c4e-2f1d8e6a5b43", i + 1, ORDERS.get(i), i == 0 ? "PASS" : "BLOCK", broken, facts);

            byte[] payload = documents.auditedDecision(expected.decisionId(), expected.requestId(), expected.line(),
                    documents.write(ORDERS.get(i)), expected.verdict(), broken, documents.write(facts));

            assertThat(new String(payload, StandardCharsets.UTF_8)).as("order %d", i + 1).isEqualTo(json.writeValueAsString(expected));
            assertThat(json.readValue(payload, Argument.of(AuditedDecision.class))).isEqualTo(expected);
        }
    }
}
