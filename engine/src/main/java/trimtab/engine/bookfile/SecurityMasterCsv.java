package trimtab.engine.bookfile;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.WashSaleGroup;

/**
 * Reads a security master CSV with the columns
 * {@code symbol,name,type,asset_class,issuer,sector,esg_tags,wash_sale_group,tracked_index,price,price_date};
 * ESG tags are separated by {@code ;}; price and price date may be empty (an unpriced security).
 */
public final class SecurityMasterCsv {
    private SecurityMasterCsv() {
    }

    public static List<Security> read(InputStream in, String source) {
        CsvTable table = CsvTable.read(in, source);
        table.requireColumns("symbol", "type", "asset_class");
        List<Security> securities = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                securities.add(new Security(
                        row.convert("symbol", true, Symbol::of, "a symbol"),
                        row.text("name"),
                        row.convert("type", true, t -> SecurityType.valueOf(t.toUpperCase(Locale.ROOT)),
                                "one of " + Arrays.toString(SecurityType.values())),
                        row.convert("asset_class", true, AssetClass::of, "an asset class"),
                        row.text("issuer"),
                        row.text("sector"),
                        tags(row.text("esg_tags")),
                        row.convert("wash_sale_group", false, WashSaleGroup::new, "a wash-sale group"),
                        row.convert("price", false, BigDecimal::new, "a decimal price"),
                        row.convert("price_date", false, LocalDate::parse, "a date (YYYY-MM-DD)")));
            } catch (InvalidBookException e) {
                throw new BookFileException(source, "line " + row.line(), e.getMessage());
            }
        }
        return securities;
    }

    static Set<String> tags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.split(";")) {
            if (!tag.isBlank()) {
                tags.add(tag.trim().toLowerCase(Locale.ROOT));
            }
        }
        return tags;
    }
}
