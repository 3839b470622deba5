package trimtab.api.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's journey on the demo firm, as a newcomer would walk it after {@code ./trimtab serve}: the service
 * fills an empty database with the generated 60-household book, a rebalance of everyone runs to the end, some
 * trades are blocked or held, and asking why one was blocked names its workbook row.
 */
@MicronautTest(transactional = false)
@Property(name = "trimtab.demo.enabled", value = "true")
@Property(name = "trimtab.embedded-db.folder", value = "target/test-mariadb-demo")
class DemoJourneyTest {
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final Argument<List<Map<String, Object>>> LIST_OF_MAPS = (Argument) Argument.listOf(Map.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void aRebalanceOfTheDemoFirmFinishesAndABlockedTradeSaysWhichRowBlockedIt() throws InterruptedException {
        List<Map<String, Object>> households = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households"), LIST_OF_MAPS);
        assertThat(households).hasSize(60);

        Map<String, Object> started = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/runs", Map.of())
                .header("X-Trimtab-User", "carol"), Map.class);
        String runId = (String) started.get("runId");
        Map<String, Object> run = started;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!"FINISHED".equals(run.get("status")) && Instant.now().isBefore(deadline)) {
            assertThat(run.get("status")).isIn("RUNNING", "FINISHED");
            Thread.sleep(250);
            run = client.toBlocking().retrieve("/api/v1/runs/" + runId, Map.class);
        }
        assertThat(run.get("status")).isEqualTo("FINISHED");
        Map<String, Object> progress = (Map<String, Object>) run.get("progress");
        assertThat(progress).containsEntry("householdsDone", 60).containsEntry("householdsTotal", 60);
        Map<String, Object> summary = (Map<String, Object>) run.get("summary");
        assertThat((Integer) summary.get("householdsTriggered")).isGreaterThanOrEqualTo(30);
        assertThat((Integer) summary.get("awaitingApproval")).isPositive();

        List<Map<String, Object>> held = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/runs/" + runId + "/trades?verdict=REQUIRE_APPROVAL"), LIST_OF_MAPS);
        assertThat(held).isNotEmpty();
        Map<String, Object> why = client.toBlocking().retrieve("/api/v1/trades/" + held.get(0).get("tradeId") + "/why", Map.class);
        assertThat(why.get("verdict")).isEqualTo("REQUIRE_APPROVAL");
        assertThat((String) why.get("summary")).isNotBlank();
        List<Map<String, Object>> violations = (List<Map<String, Object>>) why.get("violations");
        List<Object> heldBy = (List<Object>) why.get("heldBy");
        assertThat(violations.size() + heldBy.size()).as("a held trade names the rows that hold it").isPositive();
        violations.forEach(v -> {
            Map<String, Object> explanation = (Map<String, Object>) v.get("explanation");
            assertThat(explanation.get("workbook")).isEqualTo("guardrails.drl.xlsx");
            assertThat((Integer) explanation.get("row")).isPositive();
            assertThat((String) explanation.get("sentence")).contains("rule " + v.get("ruleId"));
        });

        Map<String, Object> chain = client.toBlocking().retrieve("/api/v1/audit/verify", Map.class);
        assertThat(chain.get("intact")).isEqualTo(true);
    }
}
