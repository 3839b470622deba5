package trimtab.api.cli;

import org.junit.jupiter.api.Test;
import trimtab.api.rulesets.RuleSetCompilers;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleRef;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@code ./trimtab bench-activation} working, on a small table: the generated workbook and the whole path. */
class RuleSetActivationBenchmarkTest {

    @Test
    void theGeneratedWorkbookHasTheRowsAskedForEachWithItsOwnRuleId() {
        Workbook workbook = LargeGuardrailsWorkbook.withRows(60);
        CompiledRuleSet compiled = RuleSetCompilers.compile(TableKind.GUARDRAILS, 2, workbook);

        assertThat(compiled.ruleCount()).isEqualTo(60);
        assertThat(compiled.rules()).extracting(RuleRef::ruleId).doesNotHaveDuplicates()
                .contains("TRADE-MAX-01", "TRADE-MAX-01-G0001", "CONC-SEC-ACCT-01-G0001", "VIX-CB-01-G0001", "DATA-STALE-01-G0001");
        assertThat(compiled.rules()).filteredOn(r -> r.ruleId().equals("TRADE-MAX-01-G0001"))
                .extracting(RuleRef::sheet, RuleRef::row).containsExactly(org.assertj.core.groups.Tuple.tuple("Trading", 10));
    }

    @Test
    void theWholePathRunsOnASmallTable() {
        RuleSetActivationBenchmark.Result result = RuleSetActivationBenchmark.run(40, 1, Path.of("target/test-mariadb-bench-activation"));

        assertThat(result.rows()).isEqualTo(40);
        assertThat(result.compile()).isPositive();
        assertThat(result.uploadThenActivate()).isGreaterThan(result.activate());
        assertThat(result.activateCompilingIt()).isPositive();
    }
}
