package trimtab.api.webpages;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import trimtab.api.TestBooks;
import trimtab.api.TestUsers;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.CandidateWorkbooks;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web pages in a real browser (Debian's headless Chromium) against the running service on an embedded MariaDB of
 * its own (the guardrails in force change here, and no other test class may see that). The book is web/book.yaml:
 * WEB-H1 and WEB-H2 advised by ADV-WEB, WEB-H3 by ADV-OTHER. WEB-H1's bond buy of 132 WEBBND is blocked because the
 * fund's price is five business days old (DATA-STALE-01, guardrails sheet Data, row 10); WEB-H2's two large trades need
 * approval (TRADE-MAX-01, above 250,000). Screenshots of the main pages go to target/screenshots/.
 */
@MicronautTest(transactional = false)
@Property(name = "trimtab.embedded-db.folder", value = "target/test-mariadb-web")
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesBrowserTest {
    private static final String AS_OF = "2026-11-24";
    private static final String ADVISOR = TestUsers.advisor("ADV-WEB");
    private static final String CAROL = "carol-web";
    private static final String DAVE = "dave-web";
    private static final String OPS = "ops-web";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Inject
    TestUsers users;

    private Browser browser;
    private String otherAdvisorsRun;

    @BeforeAll
    void start() throws InterruptedException {
        String missing = Browser.missing();
        if (missing != null) {
            fail(missing);
        }
        TestBooks.load(transactions, writer, TestBooks.yaml("/web/book.yaml"));
        for (String user : new String[] {ADVISOR, CAROL, DAVE, OPS}) {
            users.ensure(user);
        }
        // operations runs WEB-H3 (ADV-OTHER's household): a run result the ADV-WEB advisor must not be able to open
        Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/runs",
                "{\"households\": [\"WEB-H3\"], \"asOf\": \"" + AS_OF + "\"}").header("X-Test-User", OPS), Map.class);
        otherAdvisorsRun = (String) accepted.get("runId");
        awaitFinished(otherAdvisorsRun);
        browser = Browser.open(server.getURL().toString());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anAdvisorRunsTheirHouseholdsFindsTheBlockedTradeAndReadsWhy() {
        browser.go("/");
        browser.heading("Sign in to Trimtab");
        browser.screenshot("01-login");
        browser.signIn(ADVISOR, TestUsers.PASSWORD);
        browser.heading("Your households");

        // start a run of their households and watch it to the end
        browser.find("#nav a[href='#/runs']").click();
        browser.heading("Rebalance runs");
        browser.date("run-as-of", AS_OF);
        browser.find("#start-run-submit").sendKeys(Keys.ENTER);
        browser.waitForText("#run-status", "This run is finished: 2 of 2 households done.");
        assertThat(browser.find("main").getText()).contains("1 blocked").contains("WEB-H1").contains("WEB-H2").doesNotContain("WEB-H3");
        browser.screenshot("02-advisor-run-finished");

        // the households, furthest from target first, each class against its band
        browser.find("#nav a[href='#/households']").click();
        browser.heading("Your households");
        browser.until(d -> browser.all("section.household").size() == 2);
        assertThat(browser.all("section.household")).extracting(s -> s.getAttribute("data-household")).containsExactly("WEB-H2", "WEB-H1");
        assertThat(browser.all("section.household[data-household='WEB-H1'] svg rect[data-outside='yes']")).hasSize(2);
        assertThat(browser.find("main").getText()).doesNotContain("WEB-H3");
        browser.screenshot("03-advisor-households");

        // WEB-H1: its blocked trade, and why
        browser.find("section.household[data-household='WEB-H1'] h2 a").click();
        browser.heading("WEB-H1");
        WebElement why = browser.find("a.why-link[aria-label*='WEBBND']");
        assertThat(why.getText()).isEqualTo("Why blocked?");
        browser.screenshot("04-advisor-household");
        why.sendKeys(Keys.ENTER);
        browser.heading("Why “Buy 132 WEBBND in WEB-H1-IRA” was blocked");
        assertThat(browser.find(".violation .rule-message").getText())
                .contains("The price of WEBBND is 5 business days old (2026-11-17)");
        assertThat(browser.find(".violation .rule-where").getText())
                .isEqualTo("guardrails.drl.xlsx, sheet Data, row 10, rule DATA-STALE-01 (guardrails version 1)");
        assertThat(browser.find(".violation .facts").getText()).contains("price age days").contains("5");
        assertThat(browser.find(".violation .would-pass").getText()).startsWith("A fresh price for WEBBND");
        browser.screenshot("05-advisor-why-blocked");

        // WEB-H2's large trade waits for approval: approve it with a reason, with the keyboard
        browser.go("/app/#/households");
        browser.find("section.household[data-household='WEB-H2'] h2 a").click();
        browser.heading("WEB-H2");
        browser.find("a.why-link").sendKeys(Keys.ENTER);
        browser.heading("needs approval");
        browser.find("#decision-approved").sendKeys(Keys.SPACE);
        browser.type("approval-reason", "client agreed by phone");
        browser.find("#approval-submit").sendKeys(Keys.ENTER);
        browser.waitForText("#approval-state", "approved by " + ADVISOR);
        browser.screenshot("06-advisor-approved");

        // another advisor's household is not there for them, even with its address
        browser.go("/app/#/runs/" + otherAdvisorsRun + "/households/WEB-H3");
        browser.waitForText("main .error", "does not exist");
        browser.signOut();
    }

    @Test
    @Order(2)
    void anOfficerUploadsABrokenWorkbookThenAGoodOneShadowRunsItAndASecondOfficerActivatesIt() throws IOException {
        browser.signIn(CAROL, TestUsers.PASSWORD);
        browser.heading("Rule sets");
        browser.screenshot("07-rule-sets");

        // a broken workbook: the minimum notional of TRADE-MIN-01 set to -100
        Path broken = workbook("guardrails-broken", CandidateWorkbooks.edit(TableKind.GUARDRAILS,
                wb -> CandidateWorkbooks.set(wb, "Trading", "G8", "-100")));
        browser.find("#file-guardrails").sendKeys(broken.toString());
        browser.type("comment-guardrails", "lower the minimum trade");
        browser.find("#upload-guardrails button[type=submit]").sendKeys(Keys.ENTER);
        browser.waitForText("#upload-guardrails .upload-result", "Not stored.");
        WebElement row = browser.find("#upload-guardrails .upload-result tbody tr");
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .startsWith("Trading", "G8", "8", "TRADE-MIN-01");
        assertThat(row.getText()).contains("'-100' in column 'Notional below ($)' is not plausible for an amount");
        browser.screenshot("08-upload-refused-by-cell");

        // a good one: large trades need approval from 5,000 instead of 250,000
        Path good = workbook("guardrails-good", CandidateWorkbooks.guardrailsWithMaxNotional("5000"));
        browser.find("#file-guardrails").sendKeys(good.toString());
        browser.type("comment-guardrails", "approval from 5,000");
        browser.find("#upload-guardrails button[type=submit]").sendKeys(Keys.ENTER);
        browser.heading("guardrails version 2");
        browser.waitForText("#version-state", "draft");
        String versionPage = browser.driver().getCurrentUrl();

        // shadow run on the ADV-WEB households
        browser.date("shadow-as-of", AS_OF);
        browser.type("shadow-households", "WEB-H1, WEB-H2");
        browser.find("#shadow-submit").sendKeys(Keys.ENTER);
        browser.waitForText("#shadow-summary", "2 households evaluated");
        Matcher changed = Pattern.compile("(\\d+) would change").matcher(browser.find("#shadow-summary").getText());
        assertThat(changed.find()).isTrue();
        assertThat(Integer.parseInt(changed.group(1))).isPositive();
        assertThat(browser.find("#shadow-result").getText()).contains("WEB-H1").contains("PASS → REQUIRE_APPROVAL");
        browser.screenshot("09-shadow-run");

        // the uploader cannot approve her own version
        browser.type("approve-reason", "looks right to me");
        browser.find("#approve-submit").sendKeys(Keys.ENTER);
        browser.waitForText("#approve-form .error", CAROL + " uploaded");
        browser.signOut();

        // a second officer approves and activates it
        browser.signIn(DAVE, TestUsers.PASSWORD);
        browser.heading("Rule sets");
        browser.driver().get(versionPage);
        browser.heading("guardrails version 2");
        browser.type("approve-reason", "checked the shadow run: held trades as intended");
        browser.find("#approve-submit").sendKeys(Keys.ENTER);
        browser.waitForText("#version-state", "approved");
        browser.type("activate-reason", "policy from today");
        browser.find("#activate-submit").sendKeys(Keys.ENTER);
        browser.waitForText("#version-state", "in force");
        assertThat(browser.find("main").getText()).contains("approved").contains(DAVE).contains("activated");
        browser.screenshot("10-version-activated");

        // the audit trail has it, and the chain checks out
        browser.go("/app/#/audit?type=RULE_SET_ACTIVATED");
        browser.heading("Audit trail");
        browser.waitForText("main table", DAVE);
        browser.find("#verify-chain").sendKeys(Keys.ENTER);
        browser.waitForText("#verify-result", "The chain is intact");
        browser.screenshot("11-audit-trail");

        // and back: roll back to version 1
        browser.go("/app/#/rule-sets");
        browser.heading("Rule sets");
        browser.type("rollback-reason-guardrails", "end of the browser test");
        browser.find("#rollback-guardrails button[type=submit]").sendKeys(Keys.ENTER);
        browser.waitForText("#table-guardrails", "Version 1 is in force");
        browser.signOut();
    }

    @Test
    @Order(3)
    void operationsReadTheFirmDashboard() {
        browser.signIn(OPS, TestUsers.PASSWORD);
        browser.heading("Firm dashboard");
        // two runs (operations' of WEB-H3, the advisor's of WEB-H1 and WEB-H2): one trade blocked, two held
        browser.waitForText("main .lead", "2 runs");
        assertThat(browser.find("#m-blocked .measure").getText()).isEqualTo("1");
        assertThat(browser.find("#m-held .measure").getText()).isEqualTo("2");
        assertThat(browser.find("#m-wash .measure").getText()).isEqualTo("0.00");
        assertThat(browser.find("main").getText()).contains("DATA-STALE-01").contains("TRADE-MAX-01");
        assertThat(browser.all("main svg")).hasSizeGreaterThanOrEqualTo(4);
        browser.screenshot("12-dashboard");
        browser.signOut();
    }

    private static Path workbook(String name, Workbook workbook) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "web-uploads", name));
        Path file = folder.resolve(workbook.fileName());
        Files.write(file, workbook.bytes());
        return file.toAbsolutePath();
    }

    private void awaitFinished(String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"FINISHED".equals(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/runs/" + runId).header("X-Test-User", OPS),
                Map.class).get("status"))) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
