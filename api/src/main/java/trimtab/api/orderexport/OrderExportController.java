package trimtab.api.orderexport;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import trimtab.api.security.Role;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The order file of a finished run, for operations to send to the custodians. */
@Controller("/api/v1/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Order export")
final class OrderExportController {
    static final String CSV = "text/csv";

    private final OrderExport export;

    OrderExportController(OrderExport export) {
        this.export = export;
    }

    @Get("/{runId}/orders.csv")
    @Produces(CSV)
    @Operation(summary = "A finished run's tradable trades as block orders per custodian, side and security with their account "
            + "allocations (CSV; columns in docs/order-export.md)",
            description = "PASS and WARN trades, and trades that required approval and were approved; never a blocked, rejected or "
                    + "pending one. 409 for a dry run or a run that has not finished. An advisor's file holds only their households.")
    @Secured({Role.Names.OPERATIONS, Role.Names.ADVISOR})
    HttpResponse<String> orders(@PathVariable String runId, Authentication authentication) {
        return HttpResponse.ok(export.csv(runId, Caller.of(authentication))).contentType(CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orders-" + runId + ".csv\"");
    }
}
