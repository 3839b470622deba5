package trimtab.engine.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A workbook compiled into an executable rule base, with the map from each generated rule back to its
 * workbook row. Immutable and safe to share between threads; each evaluation gets its own session, taken
 * from a Drools session pool and reset when the evaluation disposes of it (facts, listeners and agenda
 * cleared), which costs far less than building a session.
 */
public final class CompiledRuleSet {

    /**
     * What the compiler learnt about a row, kept to explain its firings.
     *
     * @param fieldsSeen the fact fields the row tests or quotes: the values an explanation records
     * @param quotes     the condition values as its message quotes them ({@link MessageTemplate#quotes})
     * @param readers    the getters of those fields, per fact class, found on the row's first firing
     */
    record RowInfo(RuleRef ref, MessageTemplate message, Map<String, String> conditionValues, Set<String> fieldsSeen,
                   Map<String, String> quotes, FieldReaders readers) {

        RowInfo(RuleRef ref, MessageTemplate message, Map<String, String> conditionValues, Set<String> fieldsSeen) {
            this(ref, message, conditionValues, fieldsSeen, MessageTemplate.quotes(conditionValues), new FieldReaders(fieldsSeen));
        }
    }

    /**
     * A row's fields read from a fact of any class, with the getters of the last class seen kept: a row's
     * facts are nearly always of one class, so a firing need not look its getters up again. Thread-safe.
     */
    static final class FieldReaders {
        private final Set<String> fields;
        private volatile FactProperties.Selection last;

        FieldReaders(Set<String> fields) {
            this.fields = fields;
        }

        Map<String, Object> values(Object fact) {
            FactProperties.Selection selection = last;
            if (selection == null || selection.type() != fact.getClass()) {
                selection = FactProperties.Selection.of(fact.getClass(), fields);
                last = selection;
            }
            return selection.values(fact);
        }
    }

    private final RuleSetVersion version;
    private final String workbookName;
    private final KieBase kieBase;
    private final String drl;
    private final Map<String, RowInfo> rowsByRuleName;
    private final Map<String, Map<String, Object>> metadataByRule = new ConcurrentHashMap<>();
    /** Sessions for {@link #evaluate}: disposing of a pooled session resets it and returns it to the pool. */
    private final KieSessionsPool sessions;

    CompiledRuleSet(RuleSetVersion version, String workbookName, KieBase kieBase, String drl,
                    Map<String, RowInfo> rowsByRuleName) {
        this.version = version;
        this.workbookName = workbookName;
        this.kieBase = kieBase;
        this.drl = drl;
        this.sessions = kieBase.newKieSessionsPool(1);
        // insertion order is sheet and row order: keep it for rules()
        this.rowsByRuleName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsByRuleName));
    }

    public RuleSetVersion version() {
        return version;
    }

    public String workbookName() {
        return workbookName;
    }

    /** The rules as Drools compiled them, for review beside the workbook. */
    public String drl() {
        return drl;
    }

    public int ruleCount() {
        return rowsByRuleName.size();
    }

    /** Every row of the workbook, in sheet and row order. */
    public List<RuleRef> rules() {
        return rowsByRuleName.values().stream().map(RowInfo::ref).toList();
    }

    /** Inserts the facts, fires every rule that matches and returns the firings in order. */
    public List<FiredRule> evaluate(Collection<?> facts) {
        KieSession session = sessions.newKieSession();
        try {
            Outcome outcome = new Outcome(this);
            session.setGlobal("outcome", outcome);
            session.addEventListener(outcome);
            facts.forEach(session::insert);
            session.fireAllRules();
            return List.copyOf(outcome.fired());
        } finally {
            session.dispose();
        }
    }

    /**
     * Fires the rules over the facts with nothing recorded or explained, and returns how many fired: the
     * bare Drools cost that benchmarks compare {@link #evaluate} against. It builds a new session for each
     * call, as a stateless Drools execution does; {@link #evaluate} takes a recycled one.
     */
    public int fireBare(Collection<?> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal("outcome", new Outcome(this));
            facts.forEach(session::insert);
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    FiredRule explain(Rule rule, Map<String, Object> bindings, List<? extends Object> matched, List<Object> outcomes) {
        RowInfo row = rowsByRuleName.get(rule.getName());
        if (row == null) {
            throw new IllegalStateException("rule " + rule.getName() + " fired but is not a row of " + workbookName);
        }
        // a rule's metadata never changes: copy it once, not on every firing
        Map<String, Object> metadata = metadataByRule.computeIfAbsent(rule.getName(), n -> Map.copyOf(rule.getMetaData()));
        Map<String, Map<String, Object>> facts = new LinkedHashMap<>();
        List<Map<String, Object>> factValues = new ArrayList<>();
        bindings.forEach((name, value) -> {
            if (value != null && !value.getClass().getName().startsWith("java.")) {
                Map<String, Object> values = row.readers().values(value);
                facts.put(name, values);
                factValues.add(values);
            }
        });
        String message = row.message().renderQuoting(factValues, row.quotes());
        return new FiredRule(new Explanation(version, row.ref(), message, facts), outcomes, List.copyOf(matched), metadata);
    }
}
