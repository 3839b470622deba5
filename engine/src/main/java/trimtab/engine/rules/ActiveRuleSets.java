package trimtab.engine.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set in force for each table kind, each behind one atomic reference: an evaluation takes the
 * current set once and finishes on it, an activation swaps the reference, and a workbook that fails to
 * compile never reaches it, so the set in force is never broken or empty.
 */
public final class ActiveRuleSets {
    private final Map<TableKind, AtomicReference<CompiledRuleSet>> active = new EnumMap<>(TableKind.class);

    public ActiveRuleSets() {
        for (TableKind kind : TableKind.values()) {
            active.put(kind, new AtomicReference<>());
        }
    }

    /** Puts a compiled set in force; returns the one it replaced, if any. */
    public Optional<CompiledRuleSet> activate(CompiledRuleSet ruleSet) {
        return Optional.ofNullable(active.get(ruleSet.version().kind()).getAndSet(ruleSet));
    }

    /**
     * Compiles a workbook and puts it in force only if it compiles.
     *
     * @throws RuleSetRejectedException when it does not; the set in force stays as it was
     */
    public CompiledRuleSet compileAndActivate(RuleSetCompiler compiler, TableKind kind, int version, Workbook workbook) {
        CompiledRuleSet compiled = compiler.compile(kind, version, workbook);
        activate(compiled);
        return compiled;
    }

    public Optional<CompiledRuleSet> current(TableKind kind) {
        return Optional.ofNullable(active.get(kind).get());
    }

    /** The set in force, or an error saying none has been activated. */
    public CompiledRuleSet require(TableKind kind) {
        return current(kind).orElseThrow(() -> new IllegalStateException("no " + kind.title() + " rule set is active"));
    }
}
