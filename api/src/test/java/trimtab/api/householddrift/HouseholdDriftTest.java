package trimtab.api.householddrift;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.TestUsers;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Households with the drift of their latest run, on the browser tests' book (web/book.yaml: WEB-H1 and WEB-H2 advised
 * by ADV-WEB, WEB-H3 by ADV-OTHER): WEB-H1 63,300 / 94,300 = 67.126193 % stocks (7.126193 points off target),
 * WEB-H2 2,215,500 / 3,105,900 = 71.331981 %, WEB-H3 31,650 / 46,490 = 68.079157 %, all against 60 / 40 with a
 * 5-point band.
 */
@MicronautTest(transactional = false)
class HouseholdDriftTest {
    private static final String ADVISOR = TestUsers.advisor("ADV-WEB") + ".drift";
    private static boolean ran;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;

    @Test
    void anAdvisorSeesTheirHouseholdsFurthestFromTargetFirstWithTheirBands() throws InterruptedException {
        runTheSmallBook();
        List<HouseholdDriftView> mine = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/household-drift?advisorId=ADV-01")
                .header("X-Test-User", ADVISOR), Argument.listOf(HouseholdDriftView.class));

        // advisorId=ADV-01 is ignored for an advisor: they get their own
        assertThat(mine).extracting(HouseholdDriftView::householdId).containsExactly("WEB-H2", "WEB-H1");
        assertThat(mine).extracting(h -> h.worstDriftPts().toPlainString()).containsExactly("11.331981", "7.126193");
        HouseholdDriftView worst = mine.get(0);
        assertThat(worst.outsideBand()).isEqualTo(2);
        assertThat(worst.latestRun().link()).startsWith("/api/v1/runs/").endsWith("/households/WEB-H2");
        assertThat(worst.drift().get(0).classes().get(0).absoluteBandPts()).isEqualByComparingTo("5");

        // a limit keeps the furthest from target, not the first ids
        List<HouseholdDriftView> first = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/household-drift?limit=1")
                .header("X-Test-User", ADVISOR), Argument.listOf(HouseholdDriftView.class));
        assertThat(first).extracting(HouseholdDriftView::householdId).containsExactly("WEB-H2");
    }

    @Test
    void complianceMayAskForAnyAdvisorAndTheOrderSystemForNone() throws InterruptedException {
        runTheSmallBook();
        List<HouseholdDriftView> asked = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/household-drift?advisorId=ADV-OTHER")
                .header("X-Test-User", "officer-drift"), Argument.listOf(HouseholdDriftView.class));
        assertThat(asked).extracting(HouseholdDriftView::householdId).containsExactly("WEB-H3");
        assertThat(asked.get(0).worstDriftPts()).isEqualByComparingTo("8.079157");

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(HttpRequest.GET("/api/v1/household-drift").header("X-Test-User", TestUsers.ORDER_SYSTEM)));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
    }

    private synchronized void runTheSmallBook() throws InterruptedException {
        if (ran) {
            return;
        }
        TestBooks.load(transactions, writer, TestBooks.yaml("/web/book.yaml"));
        Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/runs",
                "{\"households\": [\"WEB-H1\", \"WEB-H2\", \"WEB-H3\"], \"asOf\": \"2026-11-24\"}"), Map.class);
        String runId = (String) accepted.get("runId");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"FINISHED".equals(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/runs/" + runId), Map.class).get("status"))) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
        }
        ran = true;
    }
}
