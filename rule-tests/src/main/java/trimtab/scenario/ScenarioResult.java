package trimtab.scenario;

import java.util.List;

/**
 * The outcome of one scenario: what was expected, what the rules produced (with their messages), and
 * the differences. It passed when there are no differences.
 */
public record ScenarioResult(String file, String name, List<String> expected, List<String> actual, List<String> problems) {
    public ScenarioResult {
        expected = List.copyOf(expected);
        actual = List.copyOf(actual);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** A report a compliance officer can read. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(passed() ? "PASS  " : "FAIL  ").append(name).append('\n');
        out.append("  expected:\n");
        if (expected.isEmpty()) {
            out.append("    (no hits)\n");
        }
        expected.forEach(e -> out.append("    ").append(e).append('\n'));
        out.append("  actual:\n");
        if (actual.isEmpty()) {
            out.append("    (no hits)\n");
        }
        actual.forEach(a -> out.append("    ").append(a).append('\n'));
        problems.forEach(p -> out.append("  ! ").append(p).append('\n'));
        return out.toString();
    }
}
