package trimtab.api.rulesets.review;

import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetCompilers;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.web.ApiException;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored versions compiled for review (their generated rules, a diff, a validation worked out on request), a few
 * kept: compiling takes a second, and a reviewer reads the same two versions several times.
 */
@Singleton
final class CompiledVersions {
    private static final int KEPT = 8;

    /** A stored version: its exact bytes and what they compile into. */
    record Compiled(Workbook workbook, CompiledRuleSet rules) {
    }

    private final Transactions transactions;
    private final RuleSetStore store;
    private final Map<String, Compiled> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > KEPT;
        }
    };

    CompiledVersions(Transactions transactions, RuleSetStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /**
     * @throws ApiException 404 when the version is not stored; 409 when it no longer compiles (it did when uploaded,
     *                      so the checks have become stricter since)
     */
    Compiled get(TableKind kind, int version) {
        String key = kind + ":" + version;
        synchronized (cache) {
            Compiled known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        Workbook workbook = transactions.read(connection -> store.workbook(connection, kind, version))
                .orElseThrow(() -> RuleSetHistory.notFound(kind, version));
        Compiled compiled;
        try {
            compiled = new Compiled(workbook, RuleSetCompilers.compile(kind, version, workbook));
        } catch (RuleSetRejectedException e) {
            throw ApiException.conflict("version " + version + " no longer compiles with this release of Trimtab: "
                    + e.errors().get(0).located());
        }
        synchronized (cache) {
            cache.put(key, compiled);
        }
        return compiled;
    }
}
