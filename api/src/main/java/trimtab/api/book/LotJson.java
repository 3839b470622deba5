package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.TaxLot;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A tax lot: shares of one security bought together.
 *
 * @param lotId     unique across the book
 * @param costBasis the lot's total cost in dollars (not per share), adjusted for any disallowed wash-sale loss
 * @param acquired  the trade date of the purchase (or the tacked date after a wash sale)
 */
@Serdeable
@Schema(name = "Lot")
public record LotJson(@Schema(example = "ACC-1001-TX-VTI-2019-06-14") String lotId, @Schema(example = "VTI") String symbol,
                      @Schema(example = "180") BigDecimal quantity,
                      @Schema(description = "total cost of the lot in dollars, not per share", example = "35715.60") BigDecimal costBasis,
                      LocalDate acquired) {

    static LotJson of(TaxLot lot) {
        return new LotJson(lot.id().value(), lot.symbol().value(), Numbers.plain(lot.quantity()), Numbers.money(lot.costBasis()),
                lot.acquired());
    }
}
