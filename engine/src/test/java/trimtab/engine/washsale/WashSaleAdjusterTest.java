package trimtab.engine.washsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.WashSaleGroup;
import trimtab.engine.washsale.WashSaleAdjuster.LossSale;
import trimtab.engine.washsale.WashSaleAdjuster.Outcome;
import trimtab.engine.washsale.WashSaleAdjuster.Purchase;
import trimtab.engine.washsale.WashSaleAdjuster.Replacement;

/**
 * The wash-sale cases of IRS Publication 550 with its numbers: 100 shares bought for 1,000.00 on 2025-06-02
 * and sold for 750.00 on 2026-03-10, a loss of 250.00, then bought back.
 */
class WashSaleAdjusterTest {
    private static final WashSaleGroup X = new WashSaleGroup("X");
    private static final AccountId TAXABLE = AccountId.of("ACC-T");
    private static final AccountId ROTH = AccountId.of("ACC-R");
    private static final LocalDate SOLD = LocalDate.of(2026, 3, 10);
    private static final LossSale SALE = new LossSale("S1", TAXABLE, X, SOLD, new BigDecimal("100"), new BigDecimal("250.00"),
            LocalDate.of(2025, 6, 2));

    private static Purchase buy(String id, AccountId account, AccountType type, LocalDate date, String shares) {
        return new Purchase(id, account, type, X, date, new BigDecimal(shares));
    }

    @Test
    void buying_back_all_the_shares_within_30_days_disallows_the_whole_loss_and_adds_it_to_the_new_basis() {
        // 100 shares bought back for 800.00 on 2026-03-25: basis 800.00 + 250.00 = 1,050.00.
        Outcome outcome = WashSaleAdjuster.adjust(List.of(SALE),
                List.of(buy("P1", TAXABLE, AccountType.TAXABLE, LocalDate.of(2026, 3, 25), "100"))).get(0);

        assertThat(outcome.disallowedLoss()).isEqualByComparingTo("250.00");
        assertThat(outcome.allowedLoss()).isEqualByComparingTo("0.00");
        Replacement replacement = outcome.replacements().get(0);
        assertThat(replacement.basisAdded()).isEqualByComparingTo("250.00");
        assertThat(new BigDecimal("800.00").add(replacement.basisAdded())).isEqualByComparingTo("1050.00");
        // held 281 days (2025-06-02 to 2026-03-10): the new shares count as acquired 281 days before 2026-03-25
        assertThat(replacement.tackedAcquired()).contains(LocalDate.of(2025, 6, 17));
        assertThat(replacement.permanent()).isFalse();
    }

    @Test
    void buying_back_half_the_shares_disallows_half_the_loss() {
        // 50 shares for 400.00: 125.00 disallowed and added (basis 525.00); 125.00 deductible.
        Outcome outcome = WashSaleAdjuster.adjust(List.of(SALE),
                List.of(buy("P1", TAXABLE, AccountType.TAXABLE, LocalDate.of(2026, 3, 25), "50"))).get(0);

        assertThat(outcome.disallowedLoss()).isEqualByComparingTo("125.00");
        assertThat(outcome.allowedLoss()).isEqualByComparingTo("125.00");
        assertThat(outcome.replacements()).singleElement()
                .satisfies(r -> assertThat(new BigDecimal("400.00").add(r.basisAdded())).isEqualByComparingTo("525.00"));
    }

    @Test
    void a_purchase_in_the_30_days_before_the_sale_is_a_replacement_too_but_31_days_before_is_not() {
        Outcome thirty = WashSaleAdjuster.adjust(List.of(SALE),
                List.of(buy("P1", TAXABLE, AccountType.TAXABLE, LocalDate.of(2026, 2, 8), "100"))).get(0);
        Outcome thirtyOne = WashSaleAdjuster.adjust(List.of(SALE),
                List.of(buy("P1", TAXABLE, AccountType.TAXABLE, LocalDate.of(2026, 2, 7), "100"))).get(0);

        assertThat(thirty.disallowedLoss()).isEqualByComparingTo("250.00");
        assertThat(thirtyOne.isWashSale()).isFalse();
        assertThat(thirtyOne.allowedLoss()).isEqualByComparingTo("250.00");
    }

    @Test
    void a_replacement_bought_in_a_roth_ira_loses_the_loss_for_good() {
        Outcome outcome = WashSaleAdjuster.adjust(List.of(SALE),
                List.of(buy("P1", ROTH, AccountType.ROTH_IRA, LocalDate.of(2026, 3, 20), "100"))).get(0);

        assertThat(outcome.disallowedLoss()).isEqualByComparingTo("250.00");
        assertThat(outcome.allowedLoss()).isEqualByComparingTo("0.00");
        assertThat(outcome.replacements()).singleElement().satisfies(r -> {
            assertThat(r.basisAdded()).isEqualByComparingTo("0");
            assertThat(r.tackedAcquired()).isEmpty();
            assertThat(r.permanent()).isTrue();
        });
    }

    @Test
    void a_purchased_share_replaces_only_one_sold_share() {
        // Two loss sales of 100 shares (250.00 and 300.00) and one purchase of 100: only the first is a wash sale.
        LossSale second = new LossSale("S2", TAXABLE, X, SOLD.plusDays(2), new BigDecimal("100"), new BigDecimal("300.00"),
                LocalDate.of(2025, 7, 1));

        List<Outcome> outcomes = WashSaleAdjuster.adjust(List.of(second, SALE),
                List.of(buy("P1", TAXABLE, AccountType.TAXABLE, LocalDate.of(2026, 3, 20), "100")));

        assertThat(outcomes).extracting(Outcome::saleId).containsExactly("S1", "S2");
        assertThat(outcomes.get(0).disallowedLoss()).isEqualByComparingTo("250.00");
        assertThat(outcomes.get(1).disallowedLoss()).isEqualByComparingTo("0");
        assertThat(outcomes.get(1).allowedLoss()).isEqualByComparingTo("300.00");
    }

    @Test
    void disallowed_pieces_add_up_to_the_cent_across_several_replacements() {
        // 100.00 of loss on 3 shares, replaced by 1 + 1 + 1 shares: 33.33 + 33.33 + 33.34.
        LossSale sale = new LossSale("S3", TAXABLE, X, SOLD, new BigDecimal("3"), new BigDecimal("100.00"), LocalDate.of(2025, 1, 2));
        Outcome outcome = WashSaleAdjuster.adjust(List.of(sale), List.of(
                buy("P1", TAXABLE, AccountType.TAXABLE, SOLD.plusDays(1), "1"),
                buy("P2", TAXABLE, AccountType.TAXABLE, SOLD.plusDays(2), "1"),
                buy("P3", TAXABLE, AccountType.TAXABLE, SOLD.plusDays(3), "1"))).get(0);

        assertThat(outcome.replacements()).extracting(Replacement::disallowedLoss)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
        assertThat(outcome.disallowedLoss()).isEqualByComparingTo("100.00");
        assertThat(outcome.replacements().get(0).tackedAcquired()).isEqualTo(Optional.of(SOLD.plusDays(1).minusDays(432)));
    }
}
