package trimtab.api.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.guardrail.OrderRequest;

/**
 * One order as the order system sent it, nothing trusted yet. Quantity and limit price are kept as text: a JSON
 * number ({@code 10}, {@code 101.25}) arrives as the digits written, a JSON string ({@code "10"}) as is, so that
 * {@code "-5"} or {@code "NaN"} becomes a BLOCK verdict saying what is wrong instead of a refused request. An
 * unknown field is refused (400), since a misspelt {@code limitPrice} silently ignored would change the trade.
 *
 * @param automated true when a machine generated the order (the volatility circuit breaker then asks for approval);
 *                  absent means false
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(description = "An order to screen; quantity and limitPrice may be JSON numbers or strings")
public record OrderInput(@Nullable String orderId, @Nullable String accountId, @Nullable String symbol,
                         @Nullable String side, @Nullable String quantity, @Nullable String limitPrice,
                         @Nullable Boolean automated) {

    OrderRequest toRequest() {
        return new OrderRequest(orderId, accountId, symbol, side, quantity, limitPrice, Boolean.TRUE.equals(automated));
    }
}
