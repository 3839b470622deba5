package trimtab.api.rulesets.review;

import trimtab.api.rulesets.upload.RuleSetTables;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.WorkbookCells;

import java.util.Arrays;
import java.util.List;

/**
 * Two versions of a table compared as text, in two parts: the workbook's cells (every non-empty cell as
 * {@code Sheet!A1: value}, see {@link WorkbookCells}: what the compliance officer typed) and the rules generated from
 * them (the DRL: what is enforced). Each part is a unified diff, or "(no difference)".
 */
final class WorkbookDiff {
    private WorkbookDiff() {
    }

    static String of(CompiledVersions.Compiled before, CompiledVersions.Compiled after, String beforeNote) {
        CompiledRuleSet a = before.rules();
        CompiledRuleSet b = after.rules();
        String table = RuleSetTables.slug(b.version().kind());
        StringBuilder out = new StringBuilder();
        out.append("Rule set ").append(table).append(": version ").append(b.version().version()).append(" against version ")
                .append(a.version().version()).append(beforeNote).append('\n');
        out.append("  version ").append(a.version().version()).append(": ").append(describe(before)).append('\n');
        out.append("  version ").append(b.version().version()).append(": ").append(describe(after)).append('\n');
        section(out, "Cells (every non-empty cell as Sheet!A1: value)", WorkbookCells.lines(before.workbook()),
                WorkbookCells.lines(after.workbook()), name(table, a, "cells"), name(table, b, "cells"));
        section(out, "Generated rules (DRL)", lines(a.drl()), lines(b.drl()), name(table, a, "drl"), name(table, b, "drl"));
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> before, List<String> after, String beforeName,
                                String afterName) {
        out.append("\n=== ").append(title).append(" ===\n");
        String diff = LineDiff.unified(before, after, beforeName, afterName);
        out.append(diff.isEmpty() ? "(no difference)\n" : diff);
    }

    private static String describe(CompiledVersions.Compiled compiled) {
        return compiled.workbook().fileName() + ", " + compiled.rules().ruleCount() + " rules, sha256 " + compiled.workbook().sha256();
    }

    private static String name(String table, CompiledRuleSet set, String part) {
        return table + "/v" + set.version().version() + "/" + part;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n", -1));
    }
}
