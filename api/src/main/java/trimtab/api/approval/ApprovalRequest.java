package trimtab.api.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An advisor's decision on a trade that requires approval.
 *
 * @param decision APPROVED or REJECTED
 * @param reason   why, in words; required (it is what the next reader of the audit trail has)
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ApprovalRequest(@Nullable String decision, @Nullable String reason) {
    static final ApprovalRequest EMPTY = new ApprovalRequest(null, null);
}
