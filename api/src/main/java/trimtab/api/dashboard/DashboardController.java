package trimtab.api.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.security.Role;
import trimtab.api.web.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The firm dashboard, for compliance and operations (it is firm-wide: never for an advisor). */
@Controller("/api/v1/dashboard")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Firm dashboard")
@Secured({Role.Names.COMPLIANCE_OFFICER, Role.Names.OPERATIONS})
final class DashboardController {
    static final int DEFAULT_DAYS = 90;
    private static final int MAX_DAYS = 3660;

    private final FirmDashboard dashboard;

    DashboardController(FirmDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Get
    @Operation(summary = "The measures of rebalancing over the runs requested from one date to another (UTC, both included): "
            + "average drift before and after, cycle time per 50 households, tax-loss-harvest capture, wash sales that got "
            + "through per 100 accounts, trades blocked and held by rule; per run for charts over time",
            description = "Dates default to the last " + DEFAULT_DAYS + " days; dry runs are left out unless dryRuns=true.")
    @ApiResponse(responseCode = "200", description = "the measures")
    @ApiResponse(responseCode = "401", description = "no or an expired token")
    @ApiResponse(responseCode = "403", description = "not a compliance officer or operations")
    @ApiResponse(responseCode = "422", description = "from after to, or a period longer than ten years")
    DashboardView dashboard(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                            @QueryValue(defaultValue = "false") boolean dryRuns) {
        LocalDate end = to != null ? to : LocalDate.now(Clock.systemUTC());
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "from (" + start + ") must not be after to (" + end + ")");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ApiException.invalid("from", "a period of at most " + MAX_DAYS + " days, not from " + start + " to " + end);
        }
        return dashboard.between(start, end, dryRuns);
    }
}
