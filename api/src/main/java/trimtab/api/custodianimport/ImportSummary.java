package trimtab.api.custodianimport;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import wrote.
 *
 * @param lines           lines read after the header (blank lines aside)
 * @param accounts        accounts named by the file, whose lots it replaced
 * @param accountsCreated of those, the ones new to the book
 * @param lots            lots written
 * @param households      the households those accounts belong to
 * @param inputHash       SHA-256 of the file as received, as the audit entry records it
 * @param auditSeq        the audit entry of the import
 */
@Serdeable
public record ImportSummary(int lines, int accounts, int accountsCreated, int lots, List<String> households, String inputHash,
                            long auditSeq) {
}
