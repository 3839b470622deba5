package trimtab.engine.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A workbook compiled into an executable rule base, with the map from each generated rule back to its
 * workbook row. Immutable and safe to share between threads; each evaluation gets its own session.
 */
public final class CompiledRuleSet {

    /** What the compiler learnt about a row, kept to explain its firings. */
    record RowInfo(RuleRef ref, String messageTemplate, Map<String, String> conditionValues) {
    }

    private final RuleSetVersion version;
    private final String workbookName;
    private final KieBase kieBase;
    private final String drl;
    private final Map<String, RowInfo> rowsByRuleName;

    CompiledRuleSet(RuleSetVersion version, String workbookName, KieBase kieBase, String drl,
                    Map<String, RowInfo> rowsByRuleName) {
        this.version = version;
        this.workbookName = workbookName;
        this.kieBase = kieBase;
        this.drl = drl;
        this.rowsByRuleName = Map.copyOf(rowsByRuleName);
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
        return rowsByRuleName.values().stream().map(RowInfo::ref)
                .sorted((a, b) -> a.sheet().equals(b.sheet()) ? Integer.compare(a.row(), b.row()) : 0).toList();
    }

    /** Inserts the facts, fires every rule that matches and returns the firings in order. */
    public List<FiredRule> evaluate(Collection<?> facts) {
        KieSession session = kieBase.newKieSession();
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

    FiredRule explain(String ruleName, Map<String, Object> bindings, List<Object> matched, List<Object> outcomes,
                      Map<String, Object> metadata) {
        RowInfo row = rowsByRuleName.get(ruleName);
        if (row == null) {
            throw new IllegalStateException("rule " + ruleName + " fired but is not a row of " + workbookName);
        }
        Map<String, Map<String, Object>> facts = new LinkedHashMap<>();
        List<Map<String, Object>> factValues = new ArrayList<>();
        bindings.forEach((name, value) -> {
            if (value != null && !FactProperties.of(value.getClass()).isEmpty() && !value.getClass().getName().startsWith("java.")) {
                Map<String, Object> values = FactProperties.values(value);
                facts.put(name, values);
                factValues.add(values);
            }
        });
        String message = MessageTemplate.render(row.messageTemplate(), factValues, row.conditionValues());
        return new FiredRule(new Explanation(version, row.ref(), message, facts), outcomes, matched, metadata);
    }
}
