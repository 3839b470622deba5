package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.IpsBound;

import java.math.BigDecimal;

/** An investment policy statement limit: the household's weight in the asset class stays within minPct-maxPct %. */
@Serdeable
@Schema(name = "IpsBound")
public record IpsBoundJson(@Schema(example = "US_AGG_BOND") String assetClass, @Schema(example = "20") BigDecimal minPct,
                           @Schema(example = "50") BigDecimal maxPct) {

    static IpsBoundJson of(IpsBound b) {
        return new IpsBoundJson(b.assetClass().code(), Numbers.plain(b.minPct()), Numbers.plain(b.maxPct()));
    }
}
