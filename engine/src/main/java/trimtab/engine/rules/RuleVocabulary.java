package trimtab.engine.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rows of one table kind may talk about: the fact types a pattern may name, the values an
 * action may record, and for text fields with a fixed list of values (a life event's type) that list.
 * The compiler checks a workbook against it before Drools sees it, so that a misspelt field, action or
 * value is reported at its cell rather than as an error in generated code or a row that never fires.
 */
public final class RuleVocabulary {
    private final Map<String, Class<?>> factTypes = new LinkedHashMap<>();
    private final Set<Class<? extends Enum<?>>> outcomeTypes;
    private final Map<String, Set<String>> fieldValues = new LinkedHashMap<>();
    private final Map<String, ThresholdRange> ranges = new LinkedHashMap<>();

    public RuleVocabulary(Set<Class<?>> factTypes, Set<Class<? extends Enum<?>>> outcomeTypes) {
        factTypes.forEach(type -> this.factTypes.put(type.getSimpleName(), type));
        this.outcomeTypes = Set.copyOf(outcomeTypes);
    }

    /** Declares that a text field of a fact only takes the constants of an enum, e.g. LifeEventState.type. */
    public RuleVocabulary withValues(Class<?> factType, String field, Class<? extends Enum<?>> values) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (Enum<?> constant : values.getEnumConstants()) {
            names.add(constant.name());
        }
        fieldValues.put(factType.getSimpleName() + "." + field, Set.copyOf(names));
        return this;
    }

    /**
     * Declares the plausible values of the number a row compares a fact's field with, or passes to a method: a
     * condition {@code absoluteDrift > $param} on ClassDrift, a call {@code distributionsWithinDays($param)} on
     * PortfolioState, an action {@code PolicyLimit.gainBudget($param)}. A cell outside the range is refused at
     * its place; see {@link ThresholdRanges}.
     *
     * @throws IllegalArgumentException if the type has no such field or method (a typo here would check nothing)
     */
    public RuleVocabulary withRange(Class<?> owner, String member, ThresholdRange range) {
        if (!FactProperties.of(owner).containsKey(member)
                && java.util.Arrays.stream(owner.getMethods()).noneMatch(m -> m.getName().equals(member))) {
            throw new IllegalArgumentException(owner.getSimpleName() + " has no field or method '" + member + "'");
        }
        ranges.put(owner.getSimpleName() + "." + member, range);
        return this;
    }

    /** Declares the plausible values of a numeric METADATA column such as {@code priority($param)}. */
    public RuleVocabulary withMetadataRange(String name, ThresholdRange range) {
        ranges.put("@" + name, range);
        return this;
    }

    /** The range of {@code Owner.member}, or of metadata {@code @name}. */
    Optional<ThresholdRange> range(String key) {
        return Optional.ofNullable(ranges.get(key));
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

    Optional<Set<String>> allowedValues(Class<?> factType, String field) {
        return Optional.ofNullable(fieldValues.get(factType.getSimpleName() + "." + field));
    }
}
