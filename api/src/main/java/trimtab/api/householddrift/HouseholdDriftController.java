package trimtab.api.householddrift;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.security.Caller;
import trimtab.api.security.HouseholdScope;
import trimtab.api.security.Role;
import trimtab.api.web.ApiException;

import java.util.List;

/** Households with the drift their latest run found, for the advisor's pages. */
@Controller("/api/v1/household-drift")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Households")
@Secured({Role.Names.ADVISOR, Role.Names.OPERATIONS, Role.Names.COMPLIANCE_OFFICER})
final class HouseholdDriftController {
    private static final int MAX = 1000;

    private final HouseholdDrifts drifts;

    HouseholdDriftController(HouseholdDrifts drifts) {
        this.drifts = drifts;
    }

    @Get
    @Operation(summary = "Households (an advisor's, or all) with the drift of each asset class against its bands as their latest "
            + "run found, the household furthest from target first",
            description = "An advisor gets their own households whatever advisorId says; compliance and operations may name an "
                    + "advisor or get the whole firm.")
    @ApiResponse(responseCode = "200", description = "the households, furthest from target first")
    @ApiResponse(responseCode = "422", description = "limit out of range")
    List<HouseholdDriftView> households(@Nullable @QueryValue String advisorId, @QueryValue(defaultValue = "200") int limit,
                                        Authentication authentication) {
        if (limit < 1 || limit > MAX) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX + ", not " + limit);
        }
        HouseholdScope scope = Caller.of(authentication).households();
        // an advisor is held to their own households (the empty string matches none for a caller with no scope)
        return drifts.of(scope.isFirm() ? advisorId : scope.sqlAdvisor(), limit);
    }
}
