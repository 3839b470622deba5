package trimtab.api.screening;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.audit.ChainVerification;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.api.screening.ScreeningHttp.body;
import static trimtab.api.screening.ScreeningHttp.screen;

/**
 * Requests answered at the same time are recorded together (group commit), and each is still recorded as if alone:
 * its request entry followed by its decisions' entries in line order, consecutive in the chain, with each decision
 * row pointing at its own entry; the chain verifies; a duplicate key in a group does not fail the others.
 */
@MicronautTest(transactional = false)
class GroupCommitTest {
    private static final String BATCH = """
            {"orders": [
              {"orderId": "G-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 1},
              {"orderId": "G-2", "accountId": "ACC-1003-TR", "symbol": "AAPL", "side": "BUY", "quantity": 2},
              {"orderId": "G-3", "accountId": "ACC-1004-ROTH", "symbol": "BND", "side": "SELL", "quantity": -5}
            ]}""";

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

    @Test
    void concurrentRequestsEachKeepTheirEntriesConsecutiveAndTheChainVerifies() throws Exception {
        String shared = "group-dup-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // every tenth request reuses one key: the first to commit is recorded, the others replay it
                String key = i % 10 == 0 ? shared : "group-" + UUID.randomUUID();
                answers.add(pool.submit(() -> screen(client, "?asOf=2026-11-24", key, BATCH)));
            }
            List<String> recorded = new ArrayList<>();
            for (Future<HttpResponse<String>> future : answers) {
                HttpResponse<String> answer = future.get();
                assertThat(answer.code()).as(body(answer)).isEqualTo(200);
                String requestId = json.readValue(body(answer), ScreeningResponse.class).requestId();
                if (!recorded.contains(requestId)) {
                    recorded.add(requestId);
                }
            }
            assertThat(recorded).hasSize(37); // 36 keys of their own and one shared

            for (String requestId : recorded) {
                long requestSeq = requestEntry(requestId);
                assertThat(decisionSeqs(requestId)).as(requestId).containsExactly(requestSeq + 1, requestSeq + 2, requestSeq + 3);
            }
        } finally {
            pool.shutdownNow();
        }
        // as a compliance officer, the test identity's usual user for the audit trail
        String verified = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/verify"), String.class);
        assertThat(json.readValue(verified, ChainVerification.class).intact()).as(verified).isTrue();
    }

    private long requestEntry(String requestId) {
        return transactions.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq FROM audit_entry WHERE subject = ? AND entry_type = 'SCREENING_REQUEST'")) {
                s.setString(1, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("the request's audit entry").isTrue();
                    return rs.getLong(1);
                }
            }
        });
    }

    private List<Long> decisionSeqs(String requestId) {
        return transactions.read(c -> {
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT e.seq FROM order_decision d JOIN audit_entry e "
                            + "ON e.subject = d.decision_id AND e.entry_type = 'ORDER_DECISION' WHERE d.request_id = ? ORDER BY d.line_no")) {
                s.setString(1, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                    }
                }
            }
            return seqs;
        });
    }
}
