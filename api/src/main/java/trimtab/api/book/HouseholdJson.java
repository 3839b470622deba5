package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.Household;
import trimtab.engine.book.ModelId;

import java.time.LocalDate;
import java.util.List;

/**
 * A client household with everything it owns, as written by {@code PUT /api/v1/households} and read back by
 * {@code GET /api/v1/households/{id}}. Writing it replaces what was stored for it: accounts, lots, cash flows,
 * life events, restrictions, IPS bounds and recent trades not in the body are removed.
 *
 * @param modelId      the household-level model, applied to every account without a model of its own
 * @param recentTrades executed trades of the last weeks, which the wash-sale rules look back over
 */
@Serdeable
@Schema(name = "Household")
public record HouseholdJson(
        @Schema(example = "H-1001") String householdId,
        @Schema(example = "Alvarez family") String name,
        @Schema(example = "ADV-7") String advisorId,
        @Schema(example = "BALANCED_60_40") String modelId,
        LocalDate lastRebalance,
        TaxProfileJson taxProfile,
        List<AccountJson> accounts,
        List<CashFlowJson> cashFlows,
        List<LifeEventJson> lifeEvents,
        List<RestrictionJson> restrictions,
        List<IpsBoundJson> ipsBounds,
        List<TradeJson> recentTrades) {

    static HouseholdJson of(Household h) {
        return new HouseholdJson(h.id().value(), h.name(), h.advisor().value(), h.model().map(ModelId::value).orElse(null),
                h.lastRebalance().orElse(null), TaxProfileJson.of(h.taxProfile()),
                h.accounts().stream().map(AccountJson::of).toList(),
                h.cashFlows().stream().map(CashFlowJson::of).toList(),
                h.lifeEvents().stream().map(LifeEventJson::of).toList(),
                h.restrictions().stream().map(RestrictionJson::of).toList(),
                h.ipsBounds().stream().map(IpsBoundJson::of).toList(),
                h.recentTrades().stream().map(TradeJson::of).toList());
    }
}
