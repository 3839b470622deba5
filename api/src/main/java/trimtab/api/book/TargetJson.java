package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Symbol;

import java.math.BigDecimal;
import java.util.List;

/**
 * One asset class of a model.
 *
 * @param targetPct       target weight in percent (40 means 40 %)
 * @param absoluteBandPts tolerance in percentage points either side of the target; null for none
 * @param relativeBandPct tolerance as a percentage of the target (25 means ±25 % of it); null for none
 * @param primary         the security bought for the class
 * @param alternates      harvest substitutes in order of preference, each in another wash-sale group than the primary
 */
@Serdeable
@Schema(name = "ModelTarget")
public record TargetJson(@Schema(example = "US_TOTAL_MARKET") String assetClass, @Schema(example = "40") BigDecimal targetPct,
                         @Schema(example = "5") BigDecimal absoluteBandPts, @Schema(example = "25") BigDecimal relativeBandPct,
                         @Schema(example = "VTI") String primary, List<String> alternates) {

    static TargetJson of(ModelTarget t) {
        return new TargetJson(t.assetClass().code(), Numbers.plain(t.targetPct()), t.absoluteBandPts().map(Numbers::plain).orElse(null),
                t.relativeBandPct().map(Numbers::plain).orElse(null), t.primary().map(Symbol::value).orElse(null),
                t.alternates().stream().map(Symbol::value).toList());
    }
}
