package trimtab.engine.lots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.LotId;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

/** Selling 120 VTI at 316.50 on 2026-11-24 from five lots, by each method; every number worked by hand. */
class LotSelectorTest {
    private static final LocalDate SALE = LocalDate.of(2026, 11, 24);
    private static final BigDecimal PRICE = new BigDecimal("316.50");
    private static final List<TaxLot> LOTS = List.of(
            lot("L1", "100", "19842.00", "2019-06-14"),  // 198.42/share: long-term gain 118.08/share
            lot("L2", "50", "17000.00", "2025-11-20"),   // 340.00: long-term (past the anniversary) loss 23.50/share
            lot("L3", "40", "13200.00", "2026-03-02"),   // 330.00: short-term loss 13.50/share
            lot("L4", "60", "18000.00", "2026-08-10"),   // 300.00: short-term gain 16.50/share
            lot("L5", "80", "23200.00", "2022-01-05"));  // 290.00: long-term gain 26.50/share

    private static TaxLot lot(String id, String quantity, String basis, String acquired) {
        return new TaxLot(LotId.of(id), Symbol.of("VTI"), new BigDecimal(quantity), new BigDecimal(basis), LocalDate.parse(acquired));
    }

    private static List<LotRelief> sell120(LotMethod method, List<LotId> specific) {
        return LotSelector.relieve(LOTS, new BigDecimal("120"), PRICE, SALE, method, specific);
    }

    private static void assertRelief(LotRelief relief, String lot, String quantity, String basis, String proceeds, String gain, Term term) {
        assertThat(relief.lot()).isEqualTo(LotId.of(lot));
        assertThat(relief.quantity()).isEqualByComparingTo(quantity);
        assertThat(relief.basis()).isEqualByComparingTo(basis);
        assertThat(relief.proceeds()).isEqualByComparingTo(proceeds);
        assertThat(relief.gain()).isEqualByComparingTo(gain);
        assertThat(relief.term()).isEqualTo(term);
    }

    @Test
    void fifo_takes_the_oldest_lots() {
        List<LotRelief> r = sell120(LotMethod.FIFO, List.of());
        assertThat(r).hasSize(2);
        assertRelief(r.get(0), "L1", "100", "19842.00", "31650.00", "11808.00", Term.LONG);
        // 20 of L5's 80 shares: 23,200.00 x 20/80 = 5,800.00 of basis
        assertRelief(r.get(1), "L5", "20", "5800.00", "6330.00", "530.00", Term.LONG);
    }

    @Test
    void lifo_takes_the_newest_lots() {
        List<LotRelief> r = sell120(LotMethod.LIFO, List.of());
        assertThat(r).hasSize(3);
        assertRelief(r.get(0), "L4", "60", "18000.00", "18990.00", "990.00", Term.SHORT);
        assertRelief(r.get(1), "L3", "40", "13200.00", "12660.00", "-540.00", Term.SHORT);
        // 20 of L2's 50: 17,000.00 x 20/50 = 6,800.00
        assertRelief(r.get(2), "L2", "20", "6800.00", "6330.00", "-470.00", Term.LONG);
    }

    @Test
    void hifo_takes_the_highest_cost_per_share() {
        List<LotRelief> r = sell120(LotMethod.HIFO, List.of());
        assertThat(r).hasSize(3);
        assertRelief(r.get(0), "L2", "50", "17000.00", "15825.00", "-1175.00", Term.LONG);
        assertRelief(r.get(1), "L3", "40", "13200.00", "12660.00", "-540.00", Term.SHORT);
        // L4 (300.00) before L5 (290.00); 30 of 60: 9,000.00 of basis
        assertRelief(r.get(2), "L4", "30", "9000.00", "9495.00", "495.00", Term.SHORT);
    }

    @Test
    void tax_optimal_takes_short_term_losses_then_long_term_losses_then_the_smallest_long_term_gain() {
        List<LotRelief> r = sell120(LotMethod.TAX_OPTIMAL, List.of());
        assertThat(r).hasSize(3);
        assertRelief(r.get(0), "L3", "40", "13200.00", "12660.00", "-540.00", Term.SHORT);
        assertRelief(r.get(1), "L2", "50", "17000.00", "15825.00", "-1175.00", Term.LONG);
        // long-term gains: L5 gains 26.50/share, L1 118.08: 30 of L5's 80 = 8,700.00 of basis
        assertRelief(r.get(2), "L5", "30", "8700.00", "9495.00", "795.00", Term.LONG);
        // the short-term gain lot (L4) is never touched while anything else is left
        assertThat(r).noneMatch(x -> x.lot().equals(LotId.of("L4")));
    }

    @Test
    void specific_id_takes_the_named_lots_in_order() {
        List<LotRelief> r = sell120(LotMethod.SPECIFIC_ID, List.of(LotId.of("L4"), LotId.of("L1")));
        assertThat(r).hasSize(2);
        assertRelief(r.get(0), "L4", "60", "18000.00", "18990.00", "990.00", Term.SHORT);
        // 60 of L1's 100: 19,842.00 x 60/100 = 11,905.20
        assertRelief(r.get(1), "L1", "60", "11905.20", "18990.00", "7084.80", Term.LONG);
    }

    @Test
    void a_lot_sold_on_its_anniversary_is_still_short_term() {
        assertThat(Term.of(LocalDate.of(2025, 11, 24), LocalDate.of(2026, 11, 24))).isEqualTo(Term.SHORT);
        assertThat(Term.of(LocalDate.of(2025, 11, 24), LocalDate.of(2026, 11, 25))).isEqualTo(Term.LONG);
    }

    @Test
    void selling_more_than_the_lots_hold_or_naming_a_foreign_lot_is_refused() {
        assertThatThrownBy(() -> LotSelector.relieve(LOTS, new BigDecimal("331"), PRICE, SALE, LotMethod.FIFO, List.of()))
                .isInstanceOf(InvalidBookException.class).hasMessage("selling 331 shares but the lots hold 330");
        assertThatThrownBy(() -> sell120(LotMethod.SPECIFIC_ID, List.of(LotId.of("L9"))))
                .hasMessage("lot L9 is not a lot of this security in the account");
        assertThatThrownBy(() -> sell120(LotMethod.SPECIFIC_ID, List.of(LotId.of("L3"))))
                .hasMessage("the named lots hold 40 of the 120 shares to sell");
    }
}
