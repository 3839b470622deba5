package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A closing price of a known security on a date. */
@Serdeable
@Schema(name = "Price")
public record PriceJson(@Schema(example = "VTI") String symbol, LocalDate date, @Schema(example = "316.50") BigDecimal price) {
}
