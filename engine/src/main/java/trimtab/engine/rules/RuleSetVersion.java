package trimtab.engine.rules;

import java.util.Objects;

/**
 * Identifies the rule set that made a decision: its table kind, version number and the SHA-256 of the
 * workbook bytes it was compiled from.
 */
public record RuleSetVersion(TableKind kind, int version, String checksum) {
    public RuleSetVersion {
        Objects.requireNonNull(kind, "table kind");
        Objects.requireNonNull(checksum, "checksum");
        if (version < 1) {
            throw new IllegalArgumentException("rule set versions start at 1, not " + version);
        }
    }

    @Override
    public String toString() {
        return kind + " v" + version + " (sha256 " + checksum.substring(0, Math.min(12, checksum.length())) + ")";
    }
}
