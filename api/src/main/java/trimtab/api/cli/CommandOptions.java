package trimtab.api.cli;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a command, each checked against the names it knows. */
final class CommandOptions {
    private final Map<String, String> values = new HashMap<>();

    private CommandOptions(String[] args, String usage, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + usage + (known.contains(args[i]) ? "" : " (unknown option " + args[i] + ")"));
            }
            values.put(args[i], args[++i]);
        }
    }

    static CommandOptions parse(String[] args, String usage, String... known) {
        return new CommandOptions(args, usage, Set.of(known));
    }

    int integer(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    long number(String name, long otherwise) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : otherwise;
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    LocalDate date(String name, LocalDate otherwise) {
        return values.containsKey(name) ? LocalDate.parse(values.get(name)) : otherwise;
    }
}
