package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.lots.LotMethod;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleRef;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.taxpolicy.TaxPolicyResolver;
import trimtab.engine.taxpolicy.WashSaleScope;
import trimtab.rules.ShippedRules;

/** The shipped tax-policy workbook: rows layered top to bottom, each setting from the first row that fills it. */
class TaxPolicyTest {
    private static final Workbook SHIPPED = ShippedRules.workbook(TableKind.TAX_POLICY);

    // A household worth exactly 1,000,000.00: taxable 1,000 VTI x 300.00 = 300,000.00; IRA 6,000 BND x 75.00 =
    // 450,000.00; trust 2,500 AGG x 100.00 = 250,000.00.
    private static final String BOOK = """
            asOf: 2026-11-24
            prices: { VTI: 300.00, BND: 75.00, AGG: 100.00 }
            households:
              - id: H-1
                advisor: ADV-1
                accounts:
                  - { id: T-1, type: TAXABLE, lots: [ { symbol: VTI, quantity: 1000, costPerShare: 200.00, acquired: 2020-01-02 } ] }
                  - { id: I-1, type: TRADITIONAL_IRA, lots: [ { symbol: BND, quantity: 6000, costPerShare: 80.00, acquired: 2020-01-02 } ] }
                  - { id: R-1, type: TRUST, lots: [ { symbol: AGG, quantity: 2500, costPerShare: 104.00, acquired: 2020-01-02 } ] }
            """;

    private static Map<String, TaxPolicy> policies(Workbook workbook, String book) {
        CompiledRuleSet rules = new RuleSetCompiler(TaxPolicyResolver.vocabulary()).compile(TableKind.TAX_POLICY, 1, workbook);
        BookSnapshot snapshot = BookYaml.read(book, "book.yaml", ShippedRules.referenceData());
        return new TaxPolicyResolver(rules).resolve(snapshot.household(HouseholdId.of("H-1")).orElseThrow(), snapshot).stream()
                .collect(Collectors.toMap(p -> p.account().value(), Function.identity()));
    }

    @Test
    void a_taxable_account_of_a_household_worth_a_million_or_more_gets_the_high_net_worth_row_and_the_default_scope() {
        TaxPolicy taxable = policies(SHIPPED, BOOK).get("T-1");

        assertThat(taxable.lotMethod()).isEqualTo(LotMethod.TAX_OPTIMAL);
        assertThat(taxable.gainBudget()).isEqualByComparingTo("50000");
        assertThat(taxable.shortTermGainCap()).isEqualByComparingTo("10000");
        assertThat(taxable.harvestLossPct()).isEqualByComparingTo("5");
        assertThat(taxable.harvestLossAmount()).isEqualByComparingTo("2500");
        assertThat(taxable.rebalanceMode()).isEqualTo(RebalanceMode.TO_BAND_EDGE);
        assertThat(taxable.washSaleScope()).isEqualTo(WashSaleScope.HOUSEHOLD);
        assertThat(taxable.decidedBy()).extracting(RuleRef::ruleId).containsExactly("TAX-HNW-01", "TAX-DEFAULT-01");
    }

    @Test
    void an_ira_takes_its_lot_method_and_mode_from_its_row_and_the_rest_from_the_default() {
        TaxPolicy ira = policies(SHIPPED, BOOK).get("I-1");

        assertThat(ira.lotMethod()).isEqualTo(LotMethod.FIFO);
        assertThat(ira.rebalanceMode()).isEqualTo(RebalanceMode.TO_TARGET);
        assertThat(ira.gainBudget()).isEqualByComparingTo("10000");
        assertThat(ira.decidedBy()).extracting(RuleRef::ruleId).containsExactly("TAX-SHELTERED-01", "TAX-DEFAULT-01");
    }

    @Test
    void a_trust_keeps_realised_gains_small() {
        TaxPolicy trust = policies(SHIPPED, BOOK).get("R-1");

        assertThat(trust.lotMethod()).isEqualTo(LotMethod.HIFO);
        assertThat(trust.gainBudget()).isEqualByComparingTo("5000");
        assertThat(trust.shortTermGainCap()).isEqualByComparingTo("0");
        assertThat(trust.harvestLossPct()).isEqualByComparingTo("8");
    }

    @Test
    void just_under_a_million_the_taxable_account_gets_the_ordinary_taxable_row() {
        // one VTI share less: 999,700.00 in all, under the 1,000,000 of TAX-HNW-01 (exactly 1,000,000.00 qualifies)
        TaxPolicy taxable = policies(SHIPPED, BOOK.replace("quantity: 1000,", "quantity: 999,")).get("T-1");

        assertThat(taxable.lotMethod()).isEqualTo(LotMethod.HIFO);
        assertThat(taxable.gainBudget()).isEqualByComparingTo("15000");
        assertThat(taxable.decidedBy()).extracting(RuleRef::ruleId).containsExactly("TAX-TAXABLE-01", "TAX-DEFAULT-01");
    }

    @Test
    void without_the_default_row_an_account_missing_a_setting_is_named() throws IOException {
        byte[] withoutDefault;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(SHIPPED.bytes()))) {
            wb.getSheet("Policy").removeRow(wb.getSheet("Policy").getRow(9));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            withoutDefault = out.toByteArray();
        }

        assertThatThrownBy(() -> policies(new Workbook("tax-policy.drl.xlsx", withoutDefault), BOOK))
                .isInstanceOf(InvalidBookException.class)
                .hasMessage("no row of tax-policy.drl.xlsx sets the wash-sale scope for account T-1 (TAXABLE); end the workbook"
                        + " with a default row that matches every account");
    }

    @Test
    void a_word_where_a_budget_belongs_is_refused_at_its_cell() {
        byte[] broken = BrokenWorkbooksTest.editOf(SHIPPED, wb -> BrokenWorkbooksTest.set(wb, "Policy", "H9", "lots"));

        assertThatThrownBy(() -> new RuleSetCompiler(TaxPolicyResolver.vocabulary())
                .compile(TableKind.TAX_POLICY, 2, new Workbook("tax-policy.drl.xlsx", broken)))
                .hasMessageContaining("sheet Policy, cell H9 (rule TAX-TAXABLE-01): 'lots' in column 'Gain budget ($ per year)' is not a number");
    }
}
