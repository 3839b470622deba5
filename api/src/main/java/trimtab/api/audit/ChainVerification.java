package trimtab.api.audit;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The result of checking the audit chain from its first entry to its head.
 *
 * @param firstBrokenSeq the sequence number of the first entry that does not check out; null when intact
 * @param problem        what is wrong there, in words; null when intact
 */
@Serdeable
public record ChainVerification(boolean intact, long entriesChecked, long headSeq, Long firstBrokenSeq, String problem) {
    static ChainVerification intact(long checked, long headSeq) {
        return new ChainVerification(true, checked, headSeq, null, null);
    }

    static ChainVerification broken(long checked, long headSeq, long seq, String problem) {
        return new ChainVerification(false, checked, headSeq, seq, problem);
    }
}
