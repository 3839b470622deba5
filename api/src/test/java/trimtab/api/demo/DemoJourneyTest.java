package trimtab.api.demo;

import trimtab.api.TestUsers;
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

    @Inject
    TestUsers users;

    /** Logs in as a demo user, with the demo password the service printed at start. */
    private String demoLogin(String username) {
        return users.login(username, username + "-demo-pass");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRebalanceOfTheDemoFirmFinishesAndABlockedTradeSaysWhichRowBlockedIt() throws InterruptedException {
        String ops = demoLogin("ops");
        String advisor = demoLogin("adv01");
        String officer = demoLogin("carol");
        List<Map<String, Object>> households = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households").bearerAuth(ops),
                LIST_OF_MAPS);
        assertThat(households).hasSize(60);
        List<Map<String, Object>> own = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households").bearerAuth(advisor),
                LIST_OF_MAPS);
        assertThat(own).isNotEmpty().hasSizeLessThan(60).allSatisfy(h -> assertThat(h.get("advisorId")).isEqualTo("ADV-01"));

        Map<String, Object> started = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/runs", Map.of()).bearerAuth(ops), Map.class);
        String runId = (String) started.get("runId");
        Map<String, Object> run = started;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!"FINISHED".equals(run.get("status")) && Instant.now().isBefore(deadline)) {
            assertThat(run.get("status")).isIn("RUNNING", "FINISHED");
            Thread.sleep(250);
            run = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/runs/" + runId).bearerAuth(ops), Map.class);
        }
        assertThat(run.get("status")).isEqualTo("FINISHED");
        Map<String, Object> progress = (Map<String, Object>) run.get("progress");
        assertThat(progress).containsEntry("householdsDone", 60).containsEntry("householdsTotal", 60);
        Map<String, Object> summary = (Map<String, Object>) run.get("summary");
        assertThat((Integer) summary.get("householdsTriggered")).isGreaterThanOrEqualTo(30);
        assertThat((Integer) summary.get("awaitingApproval")).isPositive();

        // an advisor sees only their own households' trades, and reads why one of theirs is held
        List<Map<String, Object>> all = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/runs/" + runId + "/trades").bearerAuth(ops), LIST_OF_MAPS);
        List<Map<String, Object>> visible = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/runs/" + runId + "/trades").bearerAuth(advisor), LIST_OF_MAPS);
        List<Object> ownIds = own.stream().map(h -> h.get("householdId")).toList();
        assertThat(visible).isNotEmpty().hasSizeLessThan(all.size())
                .allSatisfy(t -> assertThat(ownIds).contains(t.get("householdId")));
        List<Map<String, Object>> held = List.of();
        for (String user : List.of("adv01", "adv02")) {
            advisor = demoLogin(user);
            held = client.toBlocking().retrieve(
                    HttpRequest.GET("/api/v1/runs/" + runId + "/trades?verdict=REQUIRE_APPROVAL").bearerAuth(advisor), LIST_OF_MAPS);
            if (!held.isEmpty()) {
                break;
            }
        }
        assertThat(held).as("a demo advisor has a held trade").isNotEmpty();
        Map<String, Object> why = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/trades/" + held.get(0).get("tradeId") + "/why").bearerAuth(advisor), Map.class);
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

        Map<String, Object> chain = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/verify").bearerAuth(officer), Map.class);
        assertThat(chain.get("intact")).isEqualTo(true);
    }
}
