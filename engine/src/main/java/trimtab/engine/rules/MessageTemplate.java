package trimtab.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
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

    /** Literal text, or a placeholder when {@code name} is set. */
    private record Segment(String text, String name) {
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
                segments.add(new Segment(template.substring(at, m.start()), null));
            }
            segments.add(new Segment(null, m.group(1).trim()));
            at = m.end();
        }
        if (at < template.length()) {
            segments.add(new Segment(template.substring(at), null));
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
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.name() == null) {
                out.append(segment.text());
            } else {
                out.append(lookup(segment.name(), factValues, rowValues).orElse("{" + segment.name() + "}"));
            }
        }
        return out.toString();
    }

    private static Optional<String> lookup(String name, List<Map<String, Object>> factValues, Map<String, String> rowValues) {
        for (Map<String, Object> values : factValues) {
            if (values.containsKey(name)) {
                return Optional.of(format(values.get(name)));
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return rowValues.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
                .map(e -> Amounts.asTyped(e.getValue())).findFirst();
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
