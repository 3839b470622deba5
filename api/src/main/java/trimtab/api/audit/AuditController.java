package trimtab.api.audit;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.database.AsciiKeys;
import trimtab.api.web.ApiException;

import java.util.List;
import java.util.Locale;

/** Reading the audit trail and checking that nobody has changed it. */
@Controller("/api/v1/audit")
@Secured(Role.Names.COMPLIANCE_OFFICER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit trail")
final class AuditController {
    private static final int MAX_PAGE = 1000;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Get("/entries")
    @Operation(summary = "Audit entries after a sequence number, oldest first, optionally of one type")
    List<AuditEntry> entries(@QueryValue(defaultValue = "0") long after, @Nullable @QueryValue String type,
                             @QueryValue(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        if (type != null && !AsciiKeys.couldBeOne(type)) {
            return List.of(); // no entry type has such a character
        }
        // entry types are upper-case constants, compared exactly since V12: "order_decision" means ORDER_DECISION
        return trail.page(after, type == null || type.isBlank() ? null : type.strip().toUpperCase(Locale.ROOT), limit);
    }

    @Get("/verify")
    @Operation(summary = "Recompute the hash chain from the first entry and name the first broken link, if any")
    ChainVerification verify() {
        return trail.verify();
    }
}
