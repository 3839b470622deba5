package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.engine.rules.RuleSetVersion;

/** The rule set that decided: its table (GUARDRAILS), version and the SHA-256 of its workbook. */
@Serdeable
public record RuleSetView(String table, int version, String checksum) {
    static RuleSetView of(RuleSetVersion version) {
        return new RuleSetView(version.kind().name(), version.version(), version.checksum());
    }
}
