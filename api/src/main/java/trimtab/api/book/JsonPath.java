package trimtab.api.book;

import java.util.regex.Pattern;

/**
 * Where an item sits in a request body, written as clients read it: {@code $[3].accounts[1].lots[0].quantity}.
 * Error messages use it so that the one bad lot among thousands can be found.
 */
public record JsonPath(String text) {
    public static final JsonPath ROOT = new JsonPath("$");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public JsonPath field(String name) {
        return new JsonPath(PLAIN_NAME.matcher(name).matches() ? text + "." + name
                : text + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']");
    }

    public JsonPath index(int index) {
        return new JsonPath(text + "[" + index + "]");
    }

    @Override
    public String toString() {
        return text;
    }
}
