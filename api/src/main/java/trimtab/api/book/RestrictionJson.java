package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.Restriction;

/** A security that may not be traded, firm-wide or for one client, and why. */
@Serdeable
@Schema(name = "Restriction")
public record RestrictionJson(@Schema(example = "XOM") String symbol, @Schema(example = "pending merger advisory mandate") String reason) {

    static RestrictionJson of(Restriction r) {
        return new RestrictionJson(r.symbol().value(), r.reason());
    }
}
