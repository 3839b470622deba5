package trimtab.api.rulesets.upload;

import io.micronaut.http.HttpStatus;
import trimtab.api.web.ApiException;
import trimtab.engine.rules.TableKind;

import java.util.List;
import java.util.Locale;

/** The rule-set tables as URLs name them: {@code triggers}, {@code tax-policy}, {@code guardrails}. */
public final class RuleSetTables {
    private RuleSetTables() {
    }

    /** @throws ApiException 404 naming the tables there are, for any other word */
    public static TableKind kind(String slug) {
        for (TableKind kind : TableKind.values()) {
            if (slug(kind).equals(slug)) {
                return kind;
            }
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "there is no rule-set table '" + slug
                + "'; the tables are triggers, tax-policy and guardrails", List.of());
    }

    public static String slug(TableKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
