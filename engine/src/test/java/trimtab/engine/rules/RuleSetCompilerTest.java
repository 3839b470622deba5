package trimtab.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trimtab.engine.TestBooks;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.ModelId;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.drift.BandBreach;
import trimtab.engine.drift.PortfolioDrift;
import trimtab.engine.drift.PortfolioScope;
import trimtab.engine.trigger.ClassDrift;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerVocabulary;

/** The compiler on CSV tables; the XLSX workbook and its broken variants are tested in rule-tests. */
class RuleSetCompilerTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler(TriggerVocabulary.get());

    @Test
    void a_csv_table_compiles_and_every_firing_is_explained_with_the_values_it_saw() throws IOException {
        Workbook csv = resource("drift-only.drl.csv");
        CompiledRuleSet rules = compiler.compile(TableKind.TRIGGERS, 3, csv);

        List<FiredRule> fired = rules.evaluate(List.of(classDrift("7.000000"), classDrift("-4.990000")));

        assertThat(rules.ruleCount()).isEqualTo(1);
        assertThat(rules.version()).isEqualTo(new RuleSetVersion(TableKind.TRIGGERS, 3, csv.sha256()));
        assertThat(fired).hasSize(1);
        FiredRule hit = fired.get(0);
        assertThat(hit.outcome(TriggerAction.class)).contains(TriggerAction.REBALANCE);
        assertThat(hit.intMetadata("priority")).contains(3);
        assertThat(hit.explanation().rule()).isEqualTo(new RuleRef("drift-only.drl.csv", "drift-only", 10, "CSV-DRIFT-01"));
        assertThat(hit.explanation().message()).isEqualTo("US_TOTAL_MARKET is 7.00 pts above target, more than 5 pts");
        assertThat(hit.explanation().facts().get("$d")).containsEntry("assetClass", "US_TOTAL_MARKET")
                .containsEntry("absoluteDrift", new BigDecimal("7.000000"));
        assertThat(hit.explanation().sentence()).endsWith(
                "(drift-only.drl.csv, sheet drift-only, row 10, rule CSV-DRIFT-01, TRIGGERS v3)");
    }

    @Test
    void code_that_drools_cannot_compile_is_reported_at_its_row_and_rule_id() throws IOException {
        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> compiler.compile(TableKind.TRIGGERS, 1, resource("broken-code.drl.csv")));

        assertThat(e.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.sheet()).isEqualTo("broken-code");
            assertThat(error.row()).isEqualTo(10);
            assertThat(error.ruleId()).isEqualTo("CSV-OK-01");
        });
    }

    @Test
    void a_file_that_is_not_a_spreadsheet_is_refused_by_name() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        pdf[10] = 0;

        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> compiler.compile(TableKind.TRIGGERS, 1, new Workbook("triggers.drl.xlsx", pdf)));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.workbook()).isEqualTo("triggers.drl.xlsx");
            assertThat(error.message()).isEqualTo("is not an Excel workbook");
        });
    }

    @Test
    void an_empty_file_is_refused() {
        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> compiler.compile(TableKind.TRIGGERS, 1, new Workbook("t.drl.xlsx", new byte[0])));

        assertThat(e.errors()).singleElement().extracting(RuleBuildError::message).isEqualTo("the file is empty");
    }

    @Test
    void a_csv_without_any_rule_table_is_refused_rather_than_compiled_into_an_empty_rule_set() {
        Workbook noTable = new Workbook("empty.drl.csv", "RuleSet,trimtab.test\nImport,java.lang.String\n".getBytes(StandardCharsets.UTF_8));

        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> compiler.compile(TableKind.TRIGGERS, 1, noTable));

        assertThat(e.errors()).singleElement().extracting(RuleBuildError::message).asString().startsWith("no decision table found");
    }

    @Test
    void a_refused_workbook_leaves_the_active_rule_set_in_force() throws IOException {
        ActiveRuleSets active = new ActiveRuleSets();
        CompiledRuleSet good = active.compileAndActivate(compiler, TableKind.TRIGGERS, 1, resource("drift-only.drl.csv"));

        catchThrowableOfType(RuleSetRejectedException.class,
                () -> active.compileAndActivate(compiler, TableKind.TRIGGERS, 2, resource("broken-code.drl.csv")));

        assertThat(active.require(TableKind.TRIGGERS)).isSameAs(good);
        assertThat(active.require(TableKind.TRIGGERS).evaluate(List.of(classDrift("7.000000")))).hasSize(1);
    }

    @Test
    void a_drl_helper_can_define_a_function_the_table_calls() throws IOException {
        CompiledRuleSet rules = compiler.compile(TableKind.TRIGGERS, 1, resource("uses-helper.drl.csv"),
                List.of(resource("helpers.drl")));

        List<FiredRule> fired = rules.evaluate(List.of(classDrift("7.000000"), classDrift("5.990000")));

        assertThat(fired).singleElement().satisfies(f -> assertThat(f.explanation().message())
                .isEqualTo("US_TOTAL_MARKET drifted 7.00 pts"));
    }

    @Test
    void a_drl_helper_may_not_add_rules_that_no_row_explains() throws IOException {
        Workbook sneaky = new Workbook("sneaky.drl", (new String(resource("helpers.drl").bytes(), StandardCharsets.UTF_8)
                + "\nrule \"pass everything\" when then end\n").getBytes(StandardCharsets.UTF_8));

        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> compiler.compile(TableKind.TRIGGERS, 1, resource("uses-helper.drl.csv"), List.of(sneaky)));

        assertThat(e.errors()).singleElement().extracting(RuleBuildError::message).asString()
                .startsWith("rule 'pass everything' is not a row of the workbook");
    }

    private static ClassDrift classDrift(String driftPts) {
        BigDecimal drift = new BigDecimal(driftPts);
        AllocationDrift allocation = new AllocationDrift(TestBooks.EQUITY, BigDecimal.ZERO, new BigDecimal("60").add(drift),
                new BigDecimal("60"), drift, Optional.empty(), Optional.of(BigDecimal.valueOf(5)), Optional.empty(), BandBreach.NONE);
        PortfolioDrift portfolio = new PortfolioDrift(PortfolioScope.ofHousehold(HouseholdId.of("H-1")), Optional.of(ModelId.of("M")),
                new BigDecimal("100000.00"), List.of(allocation));
        return new ClassDrift(portfolio, allocation);
    }

    private static Workbook resource(String name) throws IOException {
        try (InputStream in = RuleSetCompilerTest.class.getResourceAsStream("/workbooks/" + name)) {
            return new Workbook(name, in.readAllBytes());
        }
    }
}
