package trimtab.api.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of {@code POST /api/v1/orders/screen}: the batch, judged together on its post-trade state. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ScreenRequest(@Nullable List<OrderInput> orders) {
}
