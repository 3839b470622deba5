package trimtab.engine.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row's description with placeholders such as {@code {assetClass}} or {@code {Drift more than (pts)}},
 * filled with the values the rule saw: properties of the matched facts first, then the row's own
 * condition values by column label. Decimals are shown with two places and a thousands separator.
 */
final class MessageTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private MessageTemplate() {
    }

    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1).trim());
        }
        return names;
    }

    static String render(String template, List<Map<String, Object>> factValues, Map<String, String> rowValues) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String value = lookup(name, factValues, rowValues).orElse("{" + name + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<String> lookup(String name, List<Map<String, Object>> factValues, Map<String, String> rowValues) {
        for (Map<String, Object> values : factValues) {
            if (values.containsKey(name)) {
                return Optional.of(format(values.get(name)));
            }
        }
        return rowValues.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    static String format(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(MessageTemplate::format).orElse("none");
        }
        if (value instanceof BigDecimal decimal) {
            // two places and a thousands separator: "7.00", "18,000.00"
            return String.format(java.util.Locale.US, "%,.2f", decimal.setScale(2, RoundingMode.HALF_UP));
        }
        return String.valueOf(value);
    }
}
