package trimtab.api.bookstore;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stored form of the short lists a row owns (ESG tags, no-buy lists, plan menus, alternates): their
 * items, trimmed, joined by commas. Items never contain commas (symbols, tags, asset classes).
 */
public final class TextList {
    private TextList() {
    }

    public static List<String> split(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(Collection<?> items) {
        return items.stream().map(Object::toString).map(String::trim).sorted().collect(Collectors.joining(","));
    }
}
