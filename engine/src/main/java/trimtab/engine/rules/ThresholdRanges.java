package trimtab.engine.rules;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses numbers outside their plausible range: a drift band of 500 points, a negative notional, a
 * percentage above 100, a VIX of 200, a look-back of 5,000 days. Which range applies to a column is decided by
 * what its code does with the cell, not by its label (labels are free text): the fact field it compares the
 * cell with ({@code absoluteDrift > $param} on {@code ClassDrift}), the method it passes the cell to
 * ({@code distributionsWithinDays($param)}, {@code PolicyLimit.gainBudget($param)}), or the metadata it sets
 * ({@code priority($param)}). Each table kind's {@link RuleVocabulary} declares the ranges of its fields, so the
 * same check runs on upload, in the scenario command and in the build.
 */
final class ThresholdRanges {
    /** A condition comparing a field with the cell: {@code securityPctOfAccount > $param}. */
    private static final Pattern COMPARED_FIELD = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*(?:>=|<=|>|<|==|!=)\\s*\\$param\\b");
    /** A call with the cell as its argument, optionally on a type: {@code PolicyLimit.gainBudget($param)}. */
    private static final Pattern CALL = Pattern.compile("(?:\\b([A-Za-z_]\\w*)\\s*\\.\\s*)?\\b([A-Za-z_]\\w*)\\s*\\(\\s*\\$param\\s*\\)");
    private static final Pattern PATTERN_TYPE = Pattern.compile("([\\w.]+)\\s*(?:\\(.*\\))?\\s*$");

    /** Where an out-of-range value was found. */
    interface Sink {
        void error(int row0, int column0, String message);
    }

    private ThresholdRanges() {
    }

    static void check(RuleTableLayout.Table table, RuleVocabulary vocabulary, Sink sink) {
        for (RuleTableLayout.Column column : table.columns()) {
            Optional<ThresholdRange> range = rangeOf(column, vocabulary);
            if (range.isEmpty()) {
                continue;
            }
            for (RuleTableLayout.DataRow row : table.rows()) {
                String text = row.cell(column);
                BigDecimal value = number(text);
                if (value != null && !range.get().contains(value)) {
                    sink.error(row.row0(), column.index(), "'" + text + "' in column '" + label(column) + "' is not plausible for "
                            + range.get().what() + ": it must be " + range.get().bounds());
                }
            }
        }
    }

    private static Optional<ThresholdRange> rangeOf(RuleTableLayout.Column column, RuleVocabulary vocabulary) {
        String code = column.template();
        if (column.is("CONDITION")) {
            Optional<Class<?>> fact = factType(column.pattern(), vocabulary);
            if (fact.isEmpty()) {
                return Optional.empty();
            }
            String owner = fact.get().getSimpleName();
            Matcher compared = COMPARED_FIELD.matcher(code);
            if (compared.find()) {
                return vocabulary.range(owner + "." + compared.group(1));
            }
            Matcher call = CALL.matcher(code);
            return call.find() ? vocabulary.range(owner + "." + call.group(2)) : Optional.empty();
        }
        Matcher call = CALL.matcher(code);
        if (!call.find()) {
            return Optional.empty();
        }
        if (column.is("ACTION") && call.group(1) != null) {
            return vocabulary.range(call.group(1) + "." + call.group(2));
        }
        if (column.is("METADATA") && call.group(1) == null) {
            return vocabulary.range("@" + call.group(2));
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> factType(String pattern, RuleVocabulary vocabulary) {
        String type = pattern.contains(":") ? pattern.substring(pattern.indexOf(':') + 1) : pattern;
        Matcher m = PATTERN_TYPE.matcher(type.trim());
        return m.lookingAt() ? vocabulary.factType(m.group(1)) : Optional.empty();
    }

    /** The cell as a number, or null when it is not one (that is reported by the number checks). */
    private static BigDecimal number(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String label(RuleTableLayout.Column column) {
        return column.label().isEmpty() ? column.letter() : column.label();
    }
}
