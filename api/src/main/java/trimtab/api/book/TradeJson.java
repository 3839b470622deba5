package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.ExecutedTrade;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A trade already executed in one of the household's accounts.
 *
 * @param realisedGain for a sale, the gain it realised (negative for a loss); null for a purchase
 */
@Serdeable
@Schema(name = "ExecutedTrade")
public record TradeJson(String accountId, String symbol, @Schema(allowableValues = {"BUY", "SELL"}) String side,
                        BigDecimal quantity, BigDecimal price, LocalDate tradeDate, BigDecimal realisedGain) {

    static TradeJson of(ExecutedTrade t) {
        return new TradeJson(t.account().value(), t.symbol().value(), t.side().name(), Numbers.plain(t.quantity()),
                Numbers.money(t.price()), t.tradeDate(), t.realisedGain().map(Numbers::money).orElse(null));
    }
}
