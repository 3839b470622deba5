package trimtab.api.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code ./trimtab bench-screening} compiling and working, on a small firm for a second per phase: every
 * answer is a 200 with a verdict per order sent, every answered request left its request row, its decision rows and
 * its audit entries, and the audit chain verifies over HTTP. Speed is the benchmark's to report, not a test's.
 */
class ScreeningHttpBenchmarkTest {

    @Test
    void everyScreeningAnswerIsA200WithItsVerdictsAndEveryDecisionIsPersistedInAnIntactChain() {
        ScreeningHttpBenchmark.Options options = new ScreeningHttpBenchmark.Options(40, Duration.ZERO, Duration.ofSeconds(1), 4, 2,
                100, Path.of("target/test-mariadb-bench-screening"), true, 1, Duration.ofSeconds(1), List.of(3));

        ScreeningHttpBenchmark.Result result = ScreeningHttpBenchmark.run(options, ScreeningHttpBenchmark.ORDER_SYSTEM,
                ScreeningHttpBenchmark.COMPLIANCE);

        ScreeningHttpBenchmark.Round round = result.rounds().get(0);
        assertThat(round.sweep()).hasSize(1);
        LoopbackLoad.Stats swept = round.sweep().get(0);
        assertThat(swept.connections()).isEqualTo(3);
        for (LoopbackLoad.Stats phase : new LoopbackLoad.Stats[]{round.health(), round.single(), round.batch(), round.open(), swept}) {
            assertThat(phase.errors()).as(phase.name() + ": " + phase.firstError()).isZero();
            assertThat(phase.sent()).as(phase.name()).isPositive();
        }
        assertThat(result.requestsAnswered()).isGreaterThanOrEqualTo(100);
        assertThat(result.requestRows()).isEqualTo(result.requestsAnswered());
        assertThat(result.decisionRows()).isEqualTo(result.ordersAnswered());
        assertThat(result.ordersAnswered()).isEqualTo(round.single().sent() + 100 * round.batch().sent() + round.open().sent()
                + 100 * swept.sent()
                + result.warmUp().single().sent() + 100 * result.warmUp().batch().sent());
        // a SCREENING_REQUEST entry per request and an ORDER_DECISION entry per order
        assertThat(result.auditEntries()).isEqualTo(result.requestsAnswered() + result.ordersAnswered());
        assertThat(result.chain().intact()).as(result.chain().problem()).isTrue();
        assertThat(result.chain().entriesChecked()).isGreaterThanOrEqualTo(result.auditEntries());
    }
}
