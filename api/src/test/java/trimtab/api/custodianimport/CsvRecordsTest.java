package trimtab.api.custodianimport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordsTest {
    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndRecordsKeepTheLineTheyStartOn() {
        CsvRecords.Parsed parsed = CsvRecords.parse("\uFEFFa,b,c\r\n"
                + "1,\"Charles Schwab & Co., Inc.\",x\r\n"
                + "\r\n"
                + "2,\"say \"\"hi\"\"\",\"two\nlines\"\n"
                + "3, \"padded\" ,\n"
                + "4,,");
        assertThat(parsed.malformed()).isEmpty();
        assertThat(parsed.records()).extracting(CsvRecords.Record::line).containsExactly(1, 2, 4, 6, 7);
        assertThat(parsed.records().get(1).fields()).containsExactly("1", "Charles Schwab & Co., Inc.", "x");
        assertThat(parsed.records().get(2).fields()).containsExactly("2", "say \"hi\"", "two\nlines");
        assertThat(parsed.records().get(3).fields()).containsExactly("3", "padded", "");
        assertThat(parsed.records().get(4).fields()).containsExactly("4", "", "");
    }

    @Test
    void textAfterAClosingQuoteAndAnUnclosedQuoteAreNamedByLineAndColumn() {
        CsvRecords.Parsed parsed = CsvRecords.parse("a,b\n1,\"x\"y\n2,3\n4,\"never closed\n5,6\n");
        assertThat(parsed.malformed()).containsExactly(
                new CsvRecords.Malformed(2, 2, "text after the closing quote of a quoted field"),
                new CsvRecords.Malformed(4, 2, "a quoted field is not closed before the end of the file"));
        assertThat(parsed.records()).extracting(CsvRecords.Record::line).containsExactly(1, 3);
        assertThat(parsed.records().get(1).fields()).isEqualTo(List.of("2", "3"));
    }
}
