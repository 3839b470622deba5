package trimtab.engine.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.engine.TestBooks.AS_OF;
import static trimtab.engine.TestBooks.lot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trimtab.engine.TestBooks;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TradeSide;

/** The post-trade numbers every guardrail row relies on, computed by hand. */
class PostTradeBatchTest {
    // VTI 335.00 (US total market), BND 66.00 (bonds), SGOV 100.45 (cash), VEA 58.40 (international)
    private static final SecurityMaster SECURITIES = TestBooks.securities();

    private static Account account(String id, AccountType type, String cash, TaxLot... lots) {
        return new Account(AccountId.of(id), type, "SCHWAB", new BigDecimal(cash), false, Set.of(), Set.of(), Set.of(),
                List.of(lots), Optional.empty(), Set.of());
    }

    private static BookSnapshot book(List<ExecutedTrade> trades, List<IpsBound> ips, Account... accounts) {
        Household household = new Household(HouseholdId.of("H-1"), "H", AdvisorId.of("ADV-1"), null, Optional.empty(),
                Optional.empty(), List.of(accounts), List.of(), List.of(), List.of(), ips, trades);
        return new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal("18.00")), SECURITIES, List.of(TestBooks.sixtyForty()),
                List.of(household), List.of());
    }

    private static List<OrderCheck> checks(BookSnapshot book, OrderRequest... orders) {
        return new PostTradeBatch(book).checks(List.of(orders));
    }

    @Test
    void sells_fund_buys_whatever_their_order_in_the_batch_and_a_second_buy_overdraws() {
        // cash 1,000.00; sell 100 BND x 66.00 = 6,600.00 -> 7,600.00 available to buys.
        // Buy 20 VTI x 335.00 = 6,700.00 (covered, 900.00 left); buy 5 VTI = 1,675.00: 775.00 short.
        BookSnapshot book = book(List.of(), List.of(), account("A-1", AccountType.TRADITIONAL_IRA, "1000.00",
                lot("L1", "BND", "100", "7000.00", AS_OF.minusYears(2))));

        List<OrderCheck> checks = checks(book, OrderRequest.buy("B1", "A-1", "VTI", "20"),
                OrderRequest.sell("S1", "A-1", "BND", "100"), OrderRequest.buy("B2", "A-1", "VTI", "5"));

        assertThat(checks.get(0).getCashAvailable()).isEqualByComparingTo("7600.00");
        assertThat(checks.get(0).getOverdraftBy()).isEqualByComparingTo("0");
        assertThat(checks.get(2).getCashAvailable()).isEqualByComparingTo("900.00");
        assertThat(checks.get(2).getOverdraftBy()).isEqualByComparingTo("775.00");
        assertThat(checks.get(1).getShortBy()).isEqualByComparingTo("0");
    }

    @Test
    void a_sale_beyond_the_shares_held_is_short_by_the_difference() {
        BookSnapshot book = book(List.of(), List.of(), account("A-1", AccountType.TAXABLE, "0.00",
                lot("L1", "VTI", "30", "6000.00", AS_OF.minusYears(2))));

        List<OrderCheck> checks = checks(book, OrderRequest.sell("S1", "A-1", "VTI", "20"), OrderRequest.sell("S2", "A-1", "VTI", "15"));

        assertThat(checks.get(0).getShortBy()).isEqualByComparingTo("0");
        assertThat(checks.get(1).getHeldQuantity()).isEqualByComparingTo("10");
        assertThat(checks.get(1).getShortBy()).isEqualByComparingTo("5");
    }

    @Test
    void concentration_and_class_weights_are_measured_after_the_whole_batch() {
        // Before: 100 VTI = 33,500.00; 100 BND = 6,600.00; cash 9,900.00; total 50,000.00.
        // Batch: sell 100 BND (+6,600.00 cash), buy 30 VEA x 58.40 = 1,752.00. Total stays 50,000.00.
        // VEA: 1,752.00 / 50,000.00 = 3.504 %; bonds 0 % against an IPS minimum of 20 %: 20 pts short.
        BookSnapshot book = book(List.of(), List.of(new IpsBound(TestBooks.BONDS, new BigDecimal("20"), new BigDecimal("45"))),
                account("A-1", AccountType.TRADITIONAL_IRA, "9900.00",
                        lot("L1", "VTI", "100", "25000.00", AS_OF.minusYears(3)), lot("L2", "BND", "100", "7000.00", AS_OF.minusYears(3))));

        List<OrderCheck> checks = checks(book, OrderRequest.sell("S1", "A-1", "BND", "100"), OrderRequest.buy("B1", "A-1", "VEA", "30"));

        assertThat(checks.get(1).getSecurityPctOfAccount()).isEqualByComparingTo("3.504");
        assertThat(checks.get(1).getSecurityPctOfHousehold()).isEqualByComparingTo("3.504");
        assertThat(checks.get(0).getClassPctOfHousehold()).isEqualByComparingTo("0");
        assertThat(checks.get(0).getIpsExcessPts()).isEqualByComparingTo("20");
        assertThat(checks.get(1).getIpsExcessPts()).isEqualByComparingTo("0");
    }

    @Test
    void a_loss_sale_takes_the_highest_cost_lots_and_is_a_wash_sale_after_a_recent_purchase() {
        // Lots of VTI: 10 at 300.00 (3,000.00) and 10 at 360.00 (3,600.00). Selling 10 at 335.00 relieves the
        // 360.00 lot: 3,350.00 - 3,600.00 = 250.00 loss. VTI was bought in the IRA 12 days ago: a wash sale whose
        // replacement is in an IRA, so the loss would be lost for good.
        Account taxable = account("A-T", AccountType.TAXABLE, "0.00",
                lot("L1", "VTI", "10", "3000.00", LocalDate.of(2023, 1, 5)), lot("L2", "VTI", "10", "3600.00", LocalDate.of(2025, 2, 3)));
        Account ira = account("A-I", AccountType.TRADITIONAL_IRA, "5000.00");
        ExecutedTrade purchase = new ExecutedTrade(AccountId.of("A-I"), Symbol.of("VTI"), TradeSide.BUY, new BigDecimal("5"),
                new BigDecimal("330.00"), AS_OF.minusDays(12), Optional.empty());

        OrderCheck sale = checks(book(List.of(purchase), List.of(), taxable, ira), OrderRequest.sell("S1", "A-T", "VTI", "10")).get(0);

        assertThat(sale.getEstimatedLoss()).isEqualByComparingTo("250.00");
        assertThat(sale.isWashSale()).isTrue();
        assertThat(sale.isWashSalePermanent()).isTrue();
        assertThat(sale.getWashSaleDetail()).contains("purchase of 5 VTI in account A-I on " + AS_OF.minusDays(12));
    }

    @Test
    void a_purchase_31_days_after_a_loss_sale_is_not_a_wash_sale_but_30_days_after_is() {
        Account taxable = account("A-T", AccountType.TAXABLE, "10000.00");
        ExecutedTrade lossSale31 = new ExecutedTrade(AccountId.of("A-T"), Symbol.of("VEA"), TradeSide.SELL, new BigDecimal("50"),
                new BigDecimal("55.00"), AS_OF.minusDays(31), Optional.of(new BigDecimal("-400.00")));
        ExecutedTrade lossSale30 = new ExecutedTrade(AccountId.of("A-T"), Symbol.of("VEA"), TradeSide.SELL, new BigDecimal("50"),
                new BigDecimal("55.00"), AS_OF.minusDays(30), Optional.of(new BigDecimal("-400.00")));

        OrderRequest buy = OrderRequest.buy("B1", "A-T", "VEA", "10");
        assertThat(checks(book(List.of(lossSale31), List.of(), taxable), buy).get(0).isWashSale()).isFalse();
        OrderCheck after30 = checks(book(List.of(lossSale30), List.of(), taxable), buy).get(0);
        assertThat(after30.isWashSale()).isTrue();
        assertThat(after30.isWashSalePermanent()).isFalse();
    }

    @Test
    void bad_input_is_described_and_the_rest_of_the_batch_is_still_measured() {
        BookSnapshot book = book(List.of(), List.of(), account("A-1", AccountType.TAXABLE, "1000.00"));

        List<OrderCheck> checks = checks(book,
                new OrderRequest("X1", "A-1", "VTI", "HOLD", "-5", "NaN", false),
                new OrderRequest("X2", null, "VTI", "BUY", "1", null, false),
                new OrderRequest("X3", "A-404", "VTI", "BUY", "1", null, false),
                new OrderRequest("X4", "A-1", "ZZZZ", "BUY", "1", null, false),
                OrderRequest.buy("OK", "A-1", "VTI", "2"));

        assertThat(checks.get(0).getInputProblem())
                .isEqualTo("side 'HOLD' is neither BUY nor SELL; quantity -5 is not positive; limit price 'NaN' is not a number");
        assertThat(checks.get(1).getInputProblem()).isEqualTo("no account is given");
        assertThat(checks.get(2).isUnknownAccount()).isTrue();
        assertThat(checks.get(2).isInvalidInput()).isFalse();
        assertThat(checks.get(3).isUnknownSecurity()).isTrue();
        assertThat(checks.get(3).isPriceMissing()).isFalse();
        // 2 VTI x 335.00 = 670.00 of 1,000.00 cash
        assertThat(checks.get(4).getNotional()).isEqualByComparingTo("670.00");
        assertThat(checks.get(4).getOverdraftBy()).isEqualByComparingTo("0");
    }

    @Test
    void business_days_skip_weekends() {
        // Tuesday 2026-11-24: from the Friday before, 2 business days (Mon, Tue); from the Wednesday before, 4.
        assertThat(PostTradeBatch.businessDaysBetween(LocalDate.of(2026, 11, 20), AS_OF)).isEqualTo(2);
        assertThat(PostTradeBatch.businessDaysBetween(LocalDate.of(2026, 11, 18), AS_OF)).isEqualTo(4);
        assertThat(PostTradeBatch.businessDaysBetween(AS_OF, AS_OF)).isZero();
    }
}
