package trimtab.engine.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trimtab.engine.TestBooks.AS_OF;
import static trimtab.engine.TestBooks.BONDS;
import static trimtab.engine.TestBooks.EQUITY;
import static trimtab.engine.TestBooks.account;
import static trimtab.engine.TestBooks.lot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trimtab.engine.TestBooks;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.SecurityMaster;

class DriftCalculatorTest {
    private static final PortfolioScope HOUSEHOLD = PortfolioScope.ofHousehold(HouseholdId.of("H-1001"));
    private final DriftCalculator calculator = new DriftCalculator(TestBooks.securities());

    @Test
    void a_sixty_forty_household_at_sixty_seven_thirty_three_is_seven_points_over_in_equity() {
        // Taxable: 120 VTI x 335.00 = 40,200.00. IRA: 80 VTI x 335.00 = 26,800.00 and 500 BND x 66.00 = 33,000.00.
        // Household: equity 67,000.00 / 100,000.00 = 67 %; bonds 33 %.
        Account taxable = account("ACC-T", AccountType.TAXABLE, "0.00", lot("L1", "VTI", "120", "30132.00", AS_OF.minusYears(3)));
        Account ira = account("ACC-I", AccountType.TRADITIONAL_IRA, "0.00",
                lot("L2", "VTI", "80", "20088.00", AS_OF.minusYears(2)), lot("L3", "BND", "500", "36200.00", AS_OF.minusYears(2)));

        PortfolioDrift drift = calculator.drift(HOUSEHOLD, List.of(taxable, ira), TestBooks.sixtyForty());

        assertThat(drift.totalValue()).isEqualByComparingTo("100000.00");
        AllocationDrift equity = drift.allocation(EQUITY).orElseThrow();
        assertThat(equity.weightPct()).isEqualByComparingTo("67");
        assertThat(equity.absoluteDriftPts()).isEqualByComparingTo("7.000000");
        assertThat(equity.relativeDriftPct()).contains(new BigDecimal("11.666667"));
        assertThat(equity.breach()).isEqualTo(BandBreach.ABSOLUTE);
        AllocationDrift bonds = drift.allocation(BONDS).orElseThrow();
        assertThat(bonds.absoluteDriftPts()).isEqualByComparingTo("-7");
        assertThat(bonds.relativeDriftPct()).contains(new BigDecimal("-17.500000"));
        assertThat(bonds.breach()).isEqualTo(BandBreach.ABSOLUTE);
        assertThat(drift.largestAbsoluteDrift().orElseThrow().assetClass()).isEqualTo(EQUITY);
        assertThat(drift.outOfBand()).hasSize(2);
    }

    @Test
    void a_drift_exactly_on_the_band_edge_is_inside_the_band() {
        // Equity 200 VTI x 325.00 = 65,000.00; bonds 500 BND x 70.00 = 35,000.00: 65/35 is +5.00 pts, on the edge.
        SecurityMaster securities = new SecurityMaster(List.of(
                TestBooks.security("VTI", EQUITY, "325.00", "CRSP_US_TOTAL"), TestBooks.security("BND", BONDS, "70.00", "AGG")));
        Account account = account("ACC-T", AccountType.TAXABLE, "0.00",
                lot("L1", "VTI", "200", "50000.00", AS_OF.minusYears(3)), lot("L2", "BND", "500", "36000.00", AS_OF.minusYears(3)));

        PortfolioDrift drift = new DriftCalculator(securities).drift(HOUSEHOLD, List.of(account), TestBooks.sixtyForty());

        assertThat(drift.allocation(EQUITY).orElseThrow().absoluteDriftPts()).isEqualByComparingTo("5");
        assertThat(drift.allocation(EQUITY).orElseThrow().breach()).isEqualTo(BandBreach.NONE);
        assertThat(drift.outOfBand()).isEmpty();
    }

    @Test
    void relative_band_catches_a_small_class_that_the_absolute_band_misses() {
        // Model 95 % equity / 5 % international (5 pt and 25 % bands). International at 6.50 %: +1.50 pts = +30 % relative.
        ModelPortfolio model = new ModelPortfolio(ModelId.of("M95_5"), "95/5", List.of(
                TestBooks.target(EQUITY, "95", "5", "25"), TestBooks.target(AssetClass.of("INTL_DEVELOPED"), "5", "5", "25")));
        // VTI 627 x 335.00 = 210,045.00; VEA 250 x 58.40 = 14,600.00; total 224,645.00.
        // VEA weight 14,600 / 224,645 = 6.499143 %: +1.499143 pts (inside 5), +29.98286 % relative (outside 25).
        Account account = account("ACC-T", AccountType.TAXABLE, "0.00",
                lot("L1", "VTI", "627", "150000.00", AS_OF.minusYears(3)), lot("L2", "VEA", "250", "12000.00", AS_OF.minusYears(3)));

        AllocationDrift intl = calculator.drift(HOUSEHOLD, List.of(account), model).allocation(AssetClass.of("INTL_DEVELOPED")).orElseThrow();

        assertThat(intl.weightPct()).isEqualByComparingTo("6.499143");
        assertThat(intl.absoluteDriftPts()).isEqualByComparingTo("1.499143");
        assertThat(intl.relativeDriftPct()).contains(new BigDecimal("29.982860"));
        assertThat(intl.breach()).isEqualTo(BandBreach.RELATIVE);
    }

    @Test
    void cash_counts_as_an_asset_class_and_an_unmodelled_class_has_a_zero_target() {
        // 100 VTI x 335.00 = 33,500.00; 100 SGOV x 100.45 = 10,045.00; cash 6,455.00; total 50,000.00.
        // The 60/40 model has no cash target: cash class = 16,500.00 = 33 % against 0 %, beyond the narrowest band (5).
        Account account = account("ACC-T", AccountType.TAXABLE, "6455.00",
                lot("L1", "VTI", "100", "25000.00", AS_OF.minusYears(3)), lot("L2", "SGOV", "100", "10040.00", AS_OF.minusDays(40)));

        PortfolioDrift drift = calculator.drift(HOUSEHOLD, List.of(account), TestBooks.sixtyForty());

        AllocationDrift cash = drift.allocation(AssetClass.CASH).orElseThrow();
        assertThat(cash.marketValue()).isEqualByComparingTo("16500.00");
        assertThat(cash.weightPct()).isEqualByComparingTo("33");
        assertThat(cash.targetPct()).isEqualByComparingTo("0");
        assertThat(cash.relativeDriftPct()).isEmpty();
        assertThat(cash.absoluteBandPts()).contains(new BigDecimal("5"));
        assertThat(cash.breach()).isEqualTo(BandBreach.ABSOLUTE);
        assertThat(drift.allocation(BONDS).orElseThrow().absoluteDriftPts()).isEqualByComparingTo("-40");
    }

    @Test
    void an_empty_portfolio_has_no_drift() {
        PortfolioDrift drift = calculator.drift(HOUSEHOLD, List.of(account("ACC-T", AccountType.TAXABLE, "0.00")), TestBooks.sixtyForty());

        assertThat(drift.isEmpty()).isTrue();
        assertThat(drift.outOfBand()).isEmpty();
    }

    @Test
    void a_security_without_a_price_is_named_in_the_error() {
        SecurityMaster unpriced = new SecurityMaster(List.of(TestBooks.security("VTI", EQUITY, null, "CRSP_US_TOTAL")));
        Account account = account("ACC-T", AccountType.TAXABLE, "0.00", lot("L1", "VTI", "10", "3000.00", AS_OF.minusYears(1)));

        assertThatThrownBy(() -> new DriftCalculator(unpriced).drift(HOUSEHOLD, List.of(account), TestBooks.sixtyForty()))
                .isInstanceOf(InvalidBookException.class)
                .hasMessage("security VTI has no price (needed to value VTI in account ACC-T)");
    }

    @Test
    void account_level_models_are_measured_apart_from_the_household_sleeve() {
        Account sleeve = account("ACC-T", AccountType.TAXABLE, "0.00", lot("L1", "VTI", "100", "30000.00", AS_OF.minusYears(2)));
        Account own = new Account(trimtab.engine.book.AccountId.of("ACC-R"), AccountType.ROTH_IRA, "", BigDecimal.ZERO, false,
                java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                List.of(lot("L2", "BND", "100", "7000.00", AS_OF.minusYears(2))), Optional.of(ModelId.of("EQ60_BD40")),
                java.util.Set.of());
        var household = new trimtab.engine.book.Household(HouseholdId.of("H-1"), "H", trimtab.engine.book.AdvisorId.of("A"),
                null, Optional.of(ModelId.of("EQ60_BD40")), Optional.empty(), List.of(sleeve, own), List.of(), List.of(),
                List.of(), List.of(), List.of());
        var book = new trimtab.engine.book.BookSnapshot(new trimtab.engine.book.MarketSnapshot(AS_OF, BigDecimal.TEN),
                TestBooks.securities(), List.of(TestBooks.sixtyForty()), List.of(household), List.of());

        List<PortfolioDrift> drifts = calculator.driftsOf(household, book);

        assertThat(drifts).extracting(d -> d.scope().toString()).containsExactly("household H-1", "account ACC-R");
        assertThat(drifts.get(0).allocation(EQUITY).orElseThrow().weightPct()).isEqualByComparingTo("100");
        assertThat(drifts.get(1).allocation(BONDS).orElseThrow().weightPct()).isEqualByComparingTo("100");
    }
}
