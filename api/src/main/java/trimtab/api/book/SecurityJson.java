package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.Security;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry of the security master, as written by {@code PUT /api/v1/securities} and read back.
 *
 * @param price     a closing price, stored for {@code priceDate}; both or neither
 * @param priceDate the date of that price
 */
@Serdeable
@Schema(name = "Security")
public record SecurityJson(
        @Schema(example = "VTI") String symbol,
        @Schema(example = "Vanguard Total Stock Market ETF") String name,
        @Schema(allowableValues = {"STOCK", "ETF", "MUTUAL_FUND"}) String type,
        @Schema(example = "US_TOTAL_MARKET") String assetClass,
        String issuer,
        String sector,
        @Schema(description = "tags client ESG exclusions are matched against, e.g. fossil_fuels, tobacco") List<String> esgTags,
        @Schema(description = "securities of one group are substantially identical for the wash-sale rules (funds tracking one index)",
                example = "CRSP_US_TOTAL") String washSaleGroup,
        @Schema(example = "316.50") BigDecimal price,
        LocalDate priceDate) {

    static SecurityJson of(Security s) {
        return new SecurityJson(s.symbol().value(), s.name(), s.type().name(), s.assetClass().code(), s.issuer(), s.sector(),
                s.esgTags().stream().sorted().toList(), s.washSaleGroup().value(), Numbers.money(s.price()), s.priceDate());
    }
}
