package trimtab.api.cli;

import org.junit.jupiter.api.Test;
import trimtab.api.run.RunStageTimes;
import trimtab.api.run.RunStatus;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code ./trimtab bench-cycle} and {@code ./trimtab bench-scaleout} working on a small firm: the firm is loaded,
 * every run finishes with every household recorded, on one instance and then on two, and every stage was timed.
 * Nothing here is about speed.
 */
class CycleBenchmarkTest {

    @Test
    void theWholeBenchmarkRunsOnASmallFirmOnOneInstanceAndThenTwo() {
        CycleBenchmark.Result result = CycleBenchmark.run(new CycleBenchmark.Settings(200, 1, 40, 25, 1, 1, true, 42,
                LocalDate.of(2026, 11, 24), Path.of("target/test-mariadb-bench-cycle")));

        assertThat(result.loaded().households()).isEqualTo(200);
        assertThat(result.loaded().accounts()).isGreaterThan(200);
        assertThat(result.runs()).hasSize(1);
        assertThat(result.twoInstances()).hasSize(1);
        for (CycleBenchmark.Measure run : java.util.stream.Stream.concat(result.runs().stream(), result.twoInstances().stream()).toList()) {
            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.householdsRecorded()).isEqualTo(200);
            assertThat(run.tradesProposed()).isPositive();
            assertThat(run.cycleMillis()).isPositive();
            assertThat(run.floorMillis()).isPositive();
            assertThat(run.peakHeapMib()).isPositive();
            for (RunStageTimes.Stage stage : RunStageTimes.Stage.values()) {
                assertThat(run.stages()).containsKey(stage);
            }
            assertThat(run.stages().get(RunStageTimes.Stage.PLAN_AND_SCREEN)).isPositive();
        }
    }
}
