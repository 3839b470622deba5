package trimtab.api.run;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit payload of a trade decision, put together from its explanation's JSON, is what writing it whole gives. */
@MicronautTest(transactional = false)
class DecisionJsonTest {
    @Inject
    JsonMapper json;

    @Test
    void aDecisionWrittenAroundItsExplanationsJsonIsByteForByteTheWholeDecision() {
        TradeExplanation explanation = new TradeExplanation("household H-1001", "US_BOND", "HARVEST",
                "sell \"BND\" at a loss of $1,204.50 — 7.2 % below cost", List.of("TLH-01", "DRIFT-ABS-02"), "REQUIRE_APPROVAL",
                "REQUIRE_APPROVAL", null, List.of(), true,
                List.of(new TradeExplanation.LotView("L-1", new BigDecimal("12.5000"), LocalDate.of(2021, 3, 4), new BigDecimal("1000.00"),
                        new BigDecimal("900.10"), new BigDecimal("-99.90"), "LONG_TERM")));
        for (boolean dryRun : new boolean[] {false, true}) {
            TradeDecision decision = new TradeDecision("run-000001-001", "run", dryRun, "H-1001", "ACC-1", "SCHWAB", "BND", "SELL",
                    new BigDecimal("12.5"), new BigDecimal("72.008"), new BigDecimal("900.10"), "REQUIRE_APPROVAL", explanation);

            String assembled = DecisionJson.write(json, decision, JsonText.write(json, explanation));

            assertThat(assembled).isEqualTo(JsonText.write(json, decision));
        }
    }
}
