package trimtab.engine.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One firing of one row: its explanation and what its actions recorded (a trigger action, a severity).
 */
public record FiredRule(Explanation explanation, List<Object> outcomes, List<Object> matchedFacts,
                        Map<String, Object> metadata) {

    public FiredRule {
        outcomes = List.copyOf(outcomes);
        matchedFacts = List.copyOf(matchedFacts);
        metadata = Map.copyOf(metadata);
    }

    /** A whole-number METADATA value of the row, e.g. its {@code priority}. */
    public Optional<Integer> intMetadata(String key) {
        Object value = metadata.get(key);
        return value instanceof Number n ? Optional.of(n.intValue())
                : value == null ? Optional.empty() : Optional.of(Integer.parseInt(value.toString().trim()));
    }

    public String ruleId() {
        return explanation.rule().ruleId();
    }

    /** The first recorded outcome of the given type, e.g. the row's {@code TriggerAction}. */
    public <T> Optional<T> outcome(Class<T> type) {
        return first(outcomes, type);
    }

    /** The first matched fact of the given type. */
    public <T> Optional<T> fact(Class<T> type) {
        return first(matchedFacts, type);
    }

    /** A loop, not a stream: screening asks every firing for its fact and severity. */
    private static <T> Optional<T> first(List<Object> values, Class<T> type) {
        for (Object value : values) {
            if (type.isInstance(value)) {
                return Optional.of(type.cast(value));
            }
        }
        return Optional.empty();
    }
}
