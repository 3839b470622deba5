package trimtab.api.rulesets.upload;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The answer to an accepted upload: the new draft version, its checksum and rule count, the audit entry that
 * records it, what validation found, and where to review it.
 *
 * @param state always DRAFT: a new version is enforced only after approval and activation
 */
@Serdeable
public record UploadReceipt(String table, int version, String state, String fileName, String sha256, int ruleCount,
                            String uploadedBy, Instant uploadedAt, String comment, long auditSeq, ValidationReport validation,
                            Links links) {

    /** The review endpoints of the version. */
    @Serdeable
    public record Links(String self, String workbook, String drl, String diff, String validation) {
        static Links of(String table, int version) {
            String self = "/api/v1/rule-sets/" + table + "/versions/" + version;
            return new Links(self, self + "/workbook", self + "/drl", self + "/diff?against=active", self + "/validation");
        }
    }
}
