package trimtab.api.rulesets.activation;

import trimtab.api.web.ApiException;
import trimtab.engine.rules.TableKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The rule-set tables as URLs name them: {@code triggers}, {@code tax-policy}, {@code guardrails}. */
public final class RuleSetTable {
    private RuleSetTable() {
    }

    /** The table a path segment names; 404 for any other segment. */
    public static TableKind of(String segment) {
        for (TableKind kind : TableKind.values()) {
            if (segment(kind).equals(segment)) {
                return kind;
            }
        }
        throw ApiException.notFound("rule-set table '" + segment + "' (the tables are "
                + Arrays.stream(TableKind.values()).map(RuleSetTable::segment).collect(Collectors.joining(", ")) + ")");
    }

    public static String segment(TableKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
