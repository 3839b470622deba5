package trimtab.engine.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rows of one table kind may talk about: the fact types a pattern may name and the values
 * an action may record. The compiler checks a workbook against it before Drools sees it, so that a
 * misspelt field or action is reported at its cell rather than as an error in generated code.
 */
public final class RuleVocabulary {
    private final Map<String, Class<?>> factTypes = new LinkedHashMap<>();
    private final Set<Class<? extends Enum<?>>> outcomeTypes;

    public RuleVocabulary(Set<Class<?>> factTypes, Set<Class<? extends Enum<?>>> outcomeTypes) {
        factTypes.forEach(type -> this.factTypes.put(type.getSimpleName(), type));
        this.outcomeTypes = Set.copyOf(outcomeTypes);
    }

    Optional<Class<?>> factType(String name) {
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return Optional.ofNullable(factTypes.get(simple));
    }

    Set<String> factTypeNames() {
        return factTypes.keySet();
    }

    Set<Class<? extends Enum<?>>> outcomeTypes() {
        return outcomeTypes;
    }
}
