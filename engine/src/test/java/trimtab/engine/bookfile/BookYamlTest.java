package trimtab.engine.bookfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import trimtab.engine.TestBooks;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.Symbol;

class BookYamlTest {
    private static final ReferenceData REFERENCE = new ReferenceData(List.copyOf(TestBooks.securities().all()),
            List.of(TestBooks.sixtyForty()));

    private static final String BOOK = """
            asOf: 2026-11-24
            vix: 18.25
            prices: { VTI: 316.50 }
            households:
              - id: H-1
                advisor: ADV-1
                model: EQ60_BD40
                accounts:
                  - id: ACC-1
                    type: taxable
                    cash: 1234.56
                    lots:
                      - { symbol: VTI, quantity: 10, costPerShare: 250.25, acquired: 2022-01-03 }
                      - { id: LOT-B, symbol: BND, quantity: 100, costBasis: 7012.00, acquired: 2023-05-01 }
            """;

    @Test
    void reads_a_book_with_price_overrides_and_default_lot_ids() {
        BookSnapshot book = BookYaml.read(BOOK, "book.yaml", REFERENCE);

        assertThat(book.market().vix()).isEqualByComparingTo("18.25");
        assertThat(book.securities().find(Symbol.of("VTI")).orElseThrow().price()).isEqualByComparingTo("316.50");
        var account = book.household(HouseholdId.of("H-1")).orElseThrow().account(AccountId.of("ACC-1")).orElseThrow();
        assertThat(account.cash()).isEqualByComparingTo("1234.56");
        assertThat(account.lots()).extracting(l -> l.id().value()).containsExactly("ACC-1-L1", "LOT-B");
        assertThat(account.lots().get(0).costBasis()).isEqualByComparingTo("2502.50");
    }

    @Test
    void a_negative_lot_quantity_is_reported_at_its_path() {
        String bad = BOOK.replace("quantity: 10,", "quantity: -10,");

        assertThatThrownBy(() -> BookYaml.read(bad, "book.yaml", REFERENCE))
                .isInstanceOf(BookFileException.class)
                .hasMessage("book.yaml, households[0].accounts[0].lots[0]: lot ACC-1-L1 (VTI): quantity -10 must be positive");
    }

    @Test
    void a_misspelt_key_is_an_error_not_silently_ignored() {
        String bad = BOOK.replace("cash: 1234.56", "csh: 1234.56");

        assertThatThrownBy(() -> BookYaml.read(bad, "book.yaml", REFERENCE))
                .isInstanceOf(BookFileException.class)
                .hasMessageStartingWith("book.yaml, households[0].accounts[0].csh: unknown key");
    }

    @Test
    void an_unknown_account_type_lists_the_valid_ones() {
        String bad = BOOK.replace("type: taxable", "type: brokerage");

        assertThatThrownBy(() -> BookYaml.read(bad, "book.yaml", REFERENCE))
                .hasMessage("book.yaml, households[0].accounts[0].type: 'brokerage' is not one of "
                        + "[TAXABLE, TRADITIONAL_IRA, ROTH_IRA, ERISA_PLAN, TRUST]");
    }

    @Test
    void a_lot_of_an_unknown_security_names_the_lot() {
        String bad = BOOK.replace("symbol: BND", "symbol: XYZQ");

        assertThatThrownBy(() -> BookYaml.read(bad, "book.yaml", REFERENCE))
                .hasMessage("book.yaml, (book): lot LOT-B of account ACC-1 names security XYZQ, which is not in the security master");
    }

    @Test
    void a_model_whose_targets_do_not_sum_to_100_is_named() {
        String csv = "model,asset_class,target_pct,abs_band_pts,rel_band_pct,primary,alternates\n"
                + "M1,US_TOTAL_MARKET,60,5,25,VTI,\nM1,US_AGG_BOND,35,5,25,BND,\n";

        assertThatThrownBy(() -> ModelsCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "models.csv"))
                .hasMessage("models.csv, line 2: model M1: targets sum to 95 %, not 100 %");
    }

    @Test
    void a_bad_price_in_the_security_master_names_line_and_column() {
        String csv = "symbol,name,type,asset_class,issuer,sector,esg_tags,wash_sale_group,tracked_index,price,price_date\n"
                + "VTI,Vanguard Total,ETF,US_TOTAL_MARKET,Vanguard,diversified,,CRSP,CRSP,316.50,2026-11-24\n"
                + "BND,Vanguard Bond,ETF,US_AGG_BOND,Vanguard,fixed_income,,AGG,AGG,7x.20,2026-11-24\n";

        assertThatThrownBy(() -> SecurityMasterCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "securities.csv"))
                .hasMessageStartingWith("securities.csv, line 3, column 10 (price): '7x.20' is not a decimal price");
    }
}
