package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The VIX closing level recorded for a date. */
@Serdeable
@Schema(name = "Vix")
public record VixJson(LocalDate asOf, @Schema(example = "17.40") BigDecimal vix) {
}
