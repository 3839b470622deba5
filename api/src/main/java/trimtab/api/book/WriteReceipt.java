package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a write stored: how many items, and the audit-trail entry that records who stored them.
 *
 * @param written  the number of items in the request, all of which were written
 * @param auditSeq the sequence number of the audit entry of this change; null when nothing was written
 */
@Serdeable
public record WriteReceipt(int written, Long auditSeq) {
}
