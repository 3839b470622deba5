package trimtab.api.rulesets.upload;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * What the service found when it checked a version beyond compiling it: warnings that do not block the upload (a
 * compliance officer may intend the change) and, above all, which scenarios of the suite pass with the rules in
 * force but fail with this version, or the other way round. Kept with the version as answered at upload.
 *
 * @param checkedAgainst the rule sets in force it was compared with (the other tables run their scenarios too)
 * @param recorded       true when this is the report stored at upload; false when it was worked out on request for
 *                       a version stored without one (the shipped version 1)
 */
@Serdeable
public record ValidationReport(String table, int version, String fileName, String sha256, int ruleCount, Instant checkedAt,
                               List<RuleSetRef> checkedAgainst, List<Warning> warnings, Scenarios scenarios, boolean recorded) {

    /** The report as stored, or answered on request. */
    public ValidationReport asRecorded(boolean stored) {
        return new ValidationReport(table, version, fileName, sha256, ruleCount, checkedAt, checkedAgainst, warnings, scenarios, stored);
    }

    /** A rule-set version by table, number and the SHA-256 of its workbook. */
    @Serdeable
    public record RuleSetRef(String table, int version, String sha256) {
    }

    /** Something a reviewer should look at; none of them blocks the upload. */
    @Serdeable
    public record Warning(WarningKind kind, String message) {
    }

    public enum WarningKind {
        /** A scenario that passes with the rules in force fails with this version. */
        SCENARIO_NOW_FAILS,
        /** A scenario that fails with the rules in force passes with this version. */
        SCENARIO_NOW_PASSES,
        /** Rule ids in force that this version no longer has. */
        RULES_REMOVED,
        /** Rule ids this version adds. */
        RULES_ADDED,
        /** The very bytes of a version already stored. */
        SAME_AS_STORED_VERSION
    }

    /**
     * The scenario suite run twice, with the rules in force and with this version in place of its table's set.
     *
     * @param run     how many scenarios were run (those a change to this table can affect)
     * @param changes the scenarios whose outcome differs, in suite order
     */
    @Serdeable
    public record Scenarios(int run, int passedInForce, int passedWithThisVersion, List<ScenarioChange> changes) {
    }

    /**
     * One scenario whose outcome differs.
     *
     * @param file        the scenario file, under rule-tests/scenarios/
     * @param inForce     PASS or FAIL with the rules in force
     * @param thisVersion PASS or FAIL with this version
     * @param differences what the rules did differently from what the scenario expects, with this version (empty when it passes)
     */
    @Serdeable
    public record ScenarioChange(String file, String scenario, String inForce, String thisVersion, List<String> differences) {
    }
}
