package trimtab.api.run;

import java.time.Instant;

/** A household's recorded result in a run. */
public record StoredHousehold(String runId, String householdId, String advisorId, HouseholdResult result, Instant doneAt, long auditSeq) {
}
