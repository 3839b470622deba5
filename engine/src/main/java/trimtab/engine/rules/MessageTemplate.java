package trimtab.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trimtab.engine.book.Amounts;

/**
 * A row's description with placeholders such as {@code {assetClass}} or {@code {Drift more than (pts)}},
 * filled with the values the rule saw: properties of the matched facts first, then the row's own
 * condition values by column label. Decimals are shown with two places and a thousands separator.
 * Parsed once when the workbook is compiled; rendering is on the hot path of every violation.
 */
final class MessageTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    /** Literal text, or a placeholder when {@code name} is set ({@code lowerName}: the name as row labels are matched). */
    private record Segment(String text, String name, String lowerName) {
        static Segment literal(String text) {
            return new Segment(text, null, null);
        }

        static Segment placeholder(String name) {
            return new Segment(null, name, name.toLowerCase(Locale.ROOT));
        }
    }

    private final List<Segment> segments;

    private MessageTemplate(List<Segment> segments) {
        this.segments = segments;
    }

    static MessageTemplate parse(String template) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                segments.add(Segment.literal(template.substring(at, m.start())));
            }
            segments.add(Segment.placeholder(m.group(1).trim()));
            at = m.end();
        }
        if (at < template.length()) {
            segments.add(Segment.literal(template.substring(at)));
        }
        return new MessageTemplate(List.copyOf(segments));
    }

    static List<String> placeholders(String template) {
        return parse(template).placeholders();
    }

    List<String> placeholders() {
        return segments.stream().filter(s -> s.name() != null).map(Segment::name).toList();
    }

    String render(List<Map<String, Object>> factValues, Map<String, String> rowValues) {
        return renderQuoting(factValues, quotes(rowValues));
    }

    /**
     * The row's condition values as a message quotes them, by lower-case column label (the first label
     * wins when two differ only in case). Worked out once per row when the workbook is compiled, so
     * that rendering a message does not parse the row's numbers again.
     */
    static Map<String, String> quotes(Map<String, String> rowValues) {
        Map<String, String> quotes = new HashMap<>();
        rowValues.forEach((label, value) -> quotes.putIfAbsent(label.toLowerCase(Locale.ROOT), Amounts.asTyped(value)));
        return quotes;
    }

    /** @param quotes the row's values from {@link #quotes} */
    String renderQuoting(List<Map<String, Object>> factValues, Map<String, String> quotes) {
        StringBuilder out = new StringBuilder(256);
        for (Segment segment : segments) {
            if (segment.name() == null) {
                out.append(segment.text());
            } else {
                String value = lookup(segment, factValues, quotes);
                if (value != null) {
                    out.append(value);
                } else {
                    out.append('{').append(segment.name()).append('}');
                }
            }
        }
        return out.toString();
    }

    /** A fact's property of that name first, then the row's value under that label; null if neither has it. */
    private static String lookup(Segment segment, List<Map<String, Object>> factValues, Map<String, String> quotes) {
        for (Map<String, Object> values : factValues) {
            Object value = values.get(segment.name());
            if (value != null || values.containsKey(segment.name())) {
                return format(value);
            }
        }
        return quotes.get(segment.lowerName());
    }

    static String format(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(MessageTemplate::format).orElse("none");
        }
        if (value instanceof BigDecimal decimal) {
            return Amounts.format(decimal);
        }
        return String.valueOf(value);
    }
}
