package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The payload of a SCREENING_REQUEST audit entry: who asked, with which key, how many orders got which verdict,
 * and the SHA-256 of the response bytes stored for retries (so a changed stored response shows).
 */
@Serdeable
record AuditedScreening(String requestId, String clientId, String idempotencyKey, String asOf, int orderCount,
                        Map<String, Integer> verdicts, String responseSha256) {
}
