package trimtab.api.householddrift;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.web.ApiException;

import java.util.List;

/** Households with the drift their latest run found, for the advisor's pages. */
@Controller("/api/v1/household-drift")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Households")
final class HouseholdDriftController {
    private static final int MAX = 1000;

    private final HouseholdDrifts drifts;

    HouseholdDriftController(HouseholdDrifts drifts) {
        this.drifts = drifts;
    }

    @Get
    @Operation(summary = "Households (an advisor's, or all) with the drift of each asset class against its bands as their latest "
            + "run found, the household furthest from target first")
    List<HouseholdDriftView> households(@Nullable @QueryValue String advisorId, @QueryValue(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX + ", not " + limit);
        }
        return drifts.of(advisorId, limit);
    }
}
