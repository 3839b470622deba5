package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line of the household list.
 *
 * @param totalValue   cash plus every lot at its latest price on or before the valuation date, to the cent; null
 *                     when some lot has no price by then ({@code unpricedLots} says how many)
 */
@Serdeable
@Schema(name = "HouseholdSummary")
public record HouseholdSummary(String householdId, String name, String advisorId, String modelId, LocalDate lastRebalance,
                               int accounts, int lots, BigDecimal totalValue, int unpricedLots) {
}
