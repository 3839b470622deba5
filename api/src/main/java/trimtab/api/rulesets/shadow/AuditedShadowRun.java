package trimtab.api.rulesets.shadow;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The audit entry's payload of a shadow run: the candidate, the versions in force it was compared with, the book
 * date and households, and the totals, with the households that would change.
 */
@Serdeable
record AuditedShadowRun(String table, int candidateVersion, String candidateSha256, String inForce, String asOf,
                        Object households, ShadowViews.Totals totals, List<String> changedHouseholds) {
}
