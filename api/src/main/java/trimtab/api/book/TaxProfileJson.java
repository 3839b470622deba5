package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.TaxProfile;

import java.math.BigDecimal;

/**
 * What the household pays on realised gains this year. Rates are fractions (0.35 for 35 %); amounts in dollars.
 *
 * @param lossCarryForward capital losses carried in from earlier years, as a positive amount
 */
@Serdeable
@Schema(name = "TaxProfile")
public record TaxProfileJson(@Schema(example = "0.35") BigDecimal shortTermRate, @Schema(example = "0.15") BigDecimal longTermRate,
                             @Schema(example = "8200.00") BigDecimal realisedShortTermYtd, BigDecimal realisedLongTermYtd,
                             BigDecimal lossCarryForward) {

    static TaxProfileJson of(TaxProfile t) {
        return new TaxProfileJson(Numbers.plain(t.shortTermRate()), Numbers.plain(t.longTermRate()), Numbers.money(t.realisedShortTermYtd()),
                Numbers.money(t.realisedLongTermYtd()), Numbers.money(t.lossCarryForward()));
    }
}
