package trimtab.api.rulesets.activation;

import trimtab.api.TestUsers;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trimtab.api.TestBooks;
import trimtab.api.audit.AuditEntry;
import trimtab.api.audit.AuditTrail;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.CandidateWorkbooks;
import trimtab.api.rulesets.LifecycleHttp;
import trimtab.api.rulesets.LifecycleHttp.Answer;
import trimtab.api.rulesets.RuleSetEvent;
import trimtab.api.rulesets.RuleSetEventType;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.ScreenedOrders;
import trimtab.api.rulesets.ScreenedOrders.Screened;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.rules.ShippedRules;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes, activation and rollback over HTTP on a database of its own (so that the guardrails in force go from
 * version 1 to 2 and back here, and no other test class sees it). Version 2 of the guardrails is the shipped workbook
 * with TRADE-MAX-01 lowered from 250,000 to 25,000, uploaded by uma; the order that tells them apart is
 * {@link ScreenedOrders}: BUY 100 VTI at 316.50 = 31,650.00, PASS under version 1, REQUIRE_APPROVAL under 2.
 */
@MicronautTest(transactional = false)
@Property(name = "trimtab.embedded-db.folder", value = "target/test-mariadb-four-eyes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourEyesActivationTest {
    private static final String GUARDRAILS = "/api/v1/rule-sets/guardrails";
    private static final String OMS = "oms-four-eyes";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Inject
    RuleSetStore store;
    @Inject
    RuleSetsInForce inForce;
    @Inject
    AuditTrail audit;

    private LifecycleHttp http;

    @BeforeAll
    void demoBook() {
        TestBooks.load(transactions, writer, TestBooks.demo());
        http = new LifecycleHttp(client, json);
    }

    @Test
    @Order(1) // the first version stored here is version 2
    void theUploaderCannotApproveAnotherOfficerCanAndActivationSwitchesWhatScreeningRecordsUntilARollback() {
        String shippedSha = ShippedRules.workbook(TableKind.GUARDRAILS).sha256();
        Workbook lowered = CandidateWorkbooks.guardrailsWithMaxNotional("25000");
        int version = CandidateWorkbooks.store(transactions, store, TableKind.GUARDRAILS, lowered, "uma",
                "large trades need approval from 25,000");
        assertThat(version).isEqualTo(2);

        Screened underVersion1 = screen();
        assertThat(underVersion1).isEqualTo(new Screened("PASS", "", 1, 1, shippedSha));

        // the uploader cannot be the second pair of eyes: four eyes compares user ids
        Answer byUploader = http.post(GUARDRAILS + "/versions/2/approval", "{\"reason\": \"looks right to me\"}", "uma");
        assertThat(byUploader.status()).isEqualTo(409);
        assertThat(byUploader.contentType()).isEqualTo("application/problem+json");
        assertThat(byUploader.json()).containsEntry("type", "/problems/four-eyes")
                .containsEntry("detail", "uma uploaded guardrails version 2 and cannot also approve it: a second compliance officer must");

        // nobody logged in: no second person to speak of
        Answer anonymous = http.postAnonymous(GUARDRAILS + "/versions/2/approval", "{\"reason\": \"fine\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");

        // not approved yet: cannot be activated
        Answer early = http.post(GUARDRAILS + "/versions/2/activation", "{\"reason\": \"urgent\"}", "olga");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json()).containsEntry("type", "/problems/not-approved");
        assertThat(screen().recordedVersion()).isEqualTo(1);

        Answer approved = http.post(GUARDRAILS + "/versions/2/approval", "{\"reason\": \"reviewed the Trading sheet change\"}", "olga");
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json()).containsEntry("table", "guardrails").containsEntry("version", 2)
                .containsEntry("sha256", lowered.sha256()).containsEntry("uploadedBy", "uma").containsEntry("approvedBy", "olga")
                .containsEntry("reason", "reviewed the Trading sheet change");
        Answer again = http.post(GUARDRAILS + "/versions/2/approval", "{\"reason\": \"me too\"}", "pete");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).containsEntry("type", "/problems/already-approved");
        assertThat(events(2)).extracting(RuleSetEvent::type, RuleSetEvent::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleSetEventType.APPROVED, "olga"));
        AuditEntry approval = entry("RULE_SET_APPROVED", "GUARDRAILS:2");
        assertThat(approval.actor()).isEqualTo("olga");
        assertThat(approval.seq()).isEqualTo(((Number) approved.json().get("auditSeq")).longValue());

        Answer activated = http.post(GUARDRAILS + "/versions/2/activation", "{\"reason\": \"new trade-size policy from today\"}", "pete");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json()).containsEntry("event", "ACTIVATED").containsEntry("actor", "pete")
                .containsEntry("activated", Map.of("version", 2, "sha256", lowered.sha256()))
                .containsEntry("replaced", Map.of("version", 1, "sha256", shippedSha));
        assertThat(inForceVersions(activated)).containsEntry("guardrails", 2).containsEntry("triggers", 1).containsEntry("tax-policy", 1);
        assertThat(inForce.current().guardrails().version().version()).isEqualTo(2);
        AuditEntry activation = entry("RULE_SET_ACTIVATED", "GUARDRAILS:2");
        assertThat(activation.actor()).isEqualTo("pete");
        assertThat(activation.ruleSets()).isEqualTo("GUARDRAILS:2:" + lowered.sha256());
        assertThat(activation.payload()).contains("\"reason\":\"new trade-size policy from today\"", "\"replacedVersion\":1",
                "\"replacedSha256\":\"" + shippedSha + "\"", "\"sha256\":\"" + lowered.sha256() + "\"");

        // 31,650.00 > 25,000: the same order now needs approval, and its decision records version 2
        Screened underVersion2 = screen();
        assertThat(underVersion2).isEqualTo(new Screened("REQUIRE_APPROVAL", "TRADE-MAX-01", 2, 2, lowered.sha256()));

        assertThat(http.post(GUARDRAILS + "/versions/2/activation", "{\"reason\": \"again\"}", "pete").json())
                .containsEntry("type", "/problems/already-in-force");
        assertThat(http.post(GUARDRAILS + "/versions/2/approval", "{\"reason\": \"late\"}", "zoe").json())
                .containsEntry("type", "/problems/already-in-force");

        // incident: back to version 1 at once, by one named officer, no second approval
        Answer rolledBack = http.post(GUARDRAILS + "/rollback", "{\"version\": 1, \"reason\": \"desk reports held trades\"}", "rita");
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.json()).containsEntry("event", "ROLLED_BACK")
                .containsEntry("activated", Map.of("version", 1, "sha256", shippedSha))
                .containsEntry("replaced", Map.of("version", 2, "sha256", lowered.sha256()));
        assertThat(inForceVersions(rolledBack)).containsEntry("guardrails", 1);
        assertThat(entry("RULE_SET_ROLLED_BACK", "GUARDRAILS:1").actor()).isEqualTo("rita");
        assertThat(screen()).isEqualTo(new Screened("PASS", "", 1, 1, shippedSha));

        // version 2 was in force: it is rolled back to, not activated again
        assertThat(http.post(GUARDRAILS + "/versions/2/activation", "{\"reason\": \"retry\"}", "pete").json())
                .containsEntry("type", "/problems/already-in-force");
        assertThat(http.post(GUARDRAILS + "/rollback", "{\"version\": 1, \"reason\": \"twice\"}", "rita").json())
                .containsEntry("type", "/problems/already-in-force");
        Answer forward = http.post(GUARDRAILS + "/rollback", "{\"version\": 2, \"reason\": \"desk fixed; the policy stands\"}", "rita");
        assertThat(forward.status()).isEqualTo(200);
        assertThat(screen().recordedVersion()).isEqualTo(2);
        assertThat(http.post(GUARDRAILS + "/rollback", "{\"version\": 1, \"reason\": \"end of test\"}", "rita").status()).isEqualTo(200);

        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aVersionNeverInForceCannotBeRolledBackTo() {
        int version = CandidateWorkbooks.store(transactions, store, TableKind.GUARDRAILS,
                CandidateWorkbooks.guardrailsWithMaxNotional("200000"), "uma", "never approved");
        Answer refused = http.post(GUARDRAILS + "/rollback", "{\"version\": " + version + ", \"reason\": \"try\"}", "rita");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("type", "/problems/never-in-force");
        Answer unknown = http.post(GUARDRAILS + "/rollback", "{\"version\": 999, \"reason\": \"try\"}", "rita");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"path\":\"$.version\"", "guardrails version 999 does not exist");
        assertThat(http.post(GUARDRAILS + "/rollback", "{\"reason\": \"which?\"}", "rita").body()).contains("\"path\":\"$.version\"");
        assertThat(http.postAnonymous(GUARDRAILS + "/rollback", "{\"version\": 1, \"reason\": \"x\"}").status()).isEqualTo(401);
        assertThat(http.post(GUARDRAILS + "/rollback", "{\"version\": 1, \"reason\": \"x\"}", TestUsers.advisor("ADV-7")).status())
                .as("an advisor is not a compliance officer").isEqualTo(403);
        assertThat(events(version)).isEmpty();
    }

    @Test
    void badRequestsAreRefusedByPlaceAndWriteNothing() {
        int version = CandidateWorkbooks.store(transactions, store, TableKind.GUARDRAILS,
                CandidateWorkbooks.guardrailsWithMaxNotional("150000"), "uma", "for the refusals");
        String approval = GUARDRAILS + "/versions/" + version + "/approval";

        Answer unknownField = http.post(approval, "{\"reason\": \"ok\", \"approver\": \"olga\"}", "olga");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("\"path\":\"$.approver\"");
        Answer noReason = http.post(approval, "{}", "olga");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("\"path\":\"$.reason\"");
        Answer blankReason = http.post(approval, "{\"reason\": \"  \"}", "olga");
        assertThat(blankReason.status()).isEqualTo(422);
        assertThat(http.post("/api/v1/rule-sets/limits/versions/1/approval", "{\"reason\": \"ok\"}", "olga").status()).isEqualTo(404);
        assertThat(http.post(GUARDRAILS + "/versions/999/approval", "{\"reason\": \"ok\"}", "olga").status()).isEqualTo(404);
        assertThat(http.post(GUARDRAILS + "/versions/999/activation", "{\"reason\": \"ok\"}", "olga").status()).isEqualTo(404);
        assertThat(http.post(approval, "{\"reason\": \"ok\"}", TestUsers.OPERATIONS).status()).as("operations is not compliance")
                .isEqualTo(403);
        assertThat(events(version)).isEmpty();
    }

    private Screened screen() {
        return ScreenedOrders.screen(client, json, transactions, OMS);
    }

    private List<RuleSetEvent> events(int version) {
        return transactions.read(connection -> store.events(connection, TableKind.GUARDRAILS, version));
    }

    private AuditEntry entry(String type, String subject) {
        List<AuditEntry> entries = audit.about(subject).stream().filter(e -> e.entryType().equals(type)).toList();
        assertThat(entries).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> inForceVersions(Answer answer) {
        Map<String, Integer> versions = new java.util.TreeMap<>();
        for (Map<String, Object> table : (List<Map<String, Object>>) answer.json().get("inForce")) {
            versions.put((String) table.get("table"), (Integer) table.get("version"));
        }
        return versions;
    }
}
