package trimtab.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import trimtab.engine.trigger.ClassDrift;
import trimtab.engine.trigger.TriggerVocabulary;

/** Numbers outside their plausible range are refused at their cell, with the row's rule id. */
class ThresholdRangesTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler(TriggerVocabulary.get());

    /** A one-row drift table (row 10 is the rule row) with the given threshold and priority. */
    private static Workbook drift(String threshold, String priority) {
        String csv = """
                RuleSet,trimtab.test
                Import,"trimtab.engine.trigger.ClassDrift, trimtab.engine.trigger.TriggerAction"
                Variables,trimtab.engine.rules.Outcome outcome
                ,
                RuleTable Drift CSV,,,,
                METADATA,DESCRIPTION,CONDITION,ACTION,METADATA
                ,,$d : ClassDrift,,
                "ruleId(""$param"")",,absoluteDrift > $param,outcome.record(TriggerAction.$param);,priority($param)
                Rule id,Description,Drift more than (pts),Action,Priority
                CSV-DRIFT-01,{assetClass} drifted,%s,REBALANCE,%s
                """.formatted(threshold, priority);
        return new Workbook("drift.drl.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_drift_of_500_points_and_a_priority_of_12_are_refused_at_their_cells() {
        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> compiler.compile(TableKind.TRIGGERS, 1, drift("500", "12")));

        assertThat(e.errors()).containsExactly(
                new RuleBuildError("drift.drl.csv", "drift", "C10", 10, "CSV-DRIFT-01",
                        "'500' in column 'Drift more than (pts)' is not plausible for a number of percentage points: it must be from 0 to 100"),
                new RuleBuildError("drift.drl.csv", "drift", "E10", 10, "CSV-DRIFT-01",
                        "'12' in column 'Priority' is not plausible for a priority (1 = most urgent): it must be from 1 to 9"));
        assertThat(e.errors().get(0).located()).isEqualTo("drift.drl.csv, sheet drift, cell C10 (rule CSV-DRIFT-01): "
                + "'500' in column 'Drift more than (pts)' is not plausible for a number of percentage points: it must be from 0 to 100");
    }

    @Test
    void a_negative_drift_is_refused_and_the_bounds_themselves_are_allowed() {
        assertThat(catchThrowableOfType(RuleSetRejectedException.class, () -> compiler.compile(TableKind.TRIGGERS, 1, drift("-1", "3")))
                .errors()).singleElement().extracting(RuleBuildError::cell).isEqualTo("C10");

        assertThat(compiler.compile(TableKind.TRIGGERS, 1, drift("0", "1")).ruleCount()).isEqualTo(1);
        assertThat(compiler.compile(TableKind.TRIGGERS, 1, drift("100", "9")).ruleCount()).isEqualTo(1);
    }

    @Test
    void a_range_on_a_field_the_fact_does_not_have_is_a_programming_error() {
        assertThatThrownBy(() -> TriggerVocabulary.get().withRange(ClassDrift.class, "absDrift", ThresholdRange.PERCENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ClassDrift has no field or method 'absDrift'");
    }

    @Test
    void the_cells_of_a_workbook_read_as_one_line_each() {
        List<String> lines = WorkbookCells.lines(drift("5", "3"));

        assertThat(lines).contains("drift!A1: RuleSet", "drift!C7: $d : ClassDrift", "drift!C10: 5", "drift!E10: 3")
                .doesNotContain("drift!B4: ");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("drift!E10: 3");
    }
}
