package trimtab.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * The global {@code outcome} that a row's ACTION cells write to ({@code outcome.record(TriggerAction.REBALANCE)}),
 * and the listener that turns every firing into a {@link FiredRule} with its explanation. A rule's
 * consequence runs between the before- and after-fired events of its match, so what it records
 * belongs to the firing that completes next. One instance per rule session; not thread-safe.
 */
public final class Outcome extends DefaultAgendaEventListener {
    private final CompiledRuleSet ruleSet;
    private final List<Object> pending = new ArrayList<>();
    private final List<FiredRule> fired = new ArrayList<>();

    Outcome(CompiledRuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** Called from a row's ACTION column. */
    public void record(Object value) {
        pending.add(value);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (String id : match.getDeclarationIds()) {
            bindings.put(id, match.getDeclarationValue(id));
        }
        fired.add(ruleSet.explain(match.getRule(), bindings, match.getObjects(), pending));
        pending.clear();
    }

    List<FiredRule> fired() {
        return fired;
    }
}
