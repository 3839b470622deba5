package trimtab.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trimtab.engine.book.Amounts;

class MessageTemplateTest {

    @Test
    void amounts_have_two_places_and_thousands_separators() {
        assertThat(Amounts.format(new BigDecimal("7"))).isEqualTo("7.00");
        assertThat(Amounts.format(new BigDecimal("11.666667"))).isEqualTo("11.67");
        assertThat(Amounts.format(new BigDecimal("999.995"))).isEqualTo("1,000.00");
        assertThat(Amounts.format(new BigDecimal("-18000"))).isEqualTo("-18,000.00");
        assertThat(Amounts.format(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
        assertThat(Amounts.format(new BigDecimal("-0.004"))).isEqualTo("0.00");
    }

    @Test
    void numbers_typed_in_a_cell_keep_their_decimals_and_gain_separators() {
        assertThat(Amounts.asTyped("250000")).isEqualTo("250,000");
        assertThat(Amounts.asTyped("0.5")).isEqualTo("0.5");
        assertThat(Amounts.asTyped("1234.50")).isEqualTo("1,234.50");
        assertThat(Amounts.asTyped("RETIREMENT")).isEqualTo("RETIREMENT");
    }

    @Test
    void fills_fact_values_then_row_values_and_leaves_unknown_names_visible() {
        MessageTemplate template = MessageTemplate.parse("{symbol} is {pct} % of {account}, limit {Limit (%)} % {unknown}");

        String message = template.render(List.of(Map.of("symbol", "AAPL", "pct", new BigDecimal("12.4"), "account", "1001")),
                Map.of("Limit (%)", "10"));

        assertThat(message).isEqualTo("AAPL is 12.40 % of 1001, limit 10 % {unknown}");
        assertThat(template.placeholders()).containsExactly("symbol", "pct", "account", "Limit (%)", "unknown");
    }
}
