package trimtab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import trimtab.engine.bookfile.BookFileException;
import trimtab.engine.bookfile.BookYaml;

/** A scenario file: a title and a list of scenarios, each a book ("given") and the hits it must produce. */
public record ScenarioFile(Path path, String title, List<Scenario> scenarios) {

    /** The document as written. */
    record Doc(String title, String description, List<Scenario> scenarios) {
    }

    /**
     * One scenario.
     *
     * @param given     the book, in the book-file format
     * @param expect    every hit the rules must produce, and no others; empty means "no hit at all"
     * @param decisions optionally, the household decision expected (household id to action, or NONE)
     * @param error     optionally, text the evaluation error of a household must contain (bad data)
     */
    public record Scenario(String name, String description, JsonNode given, List<ExpectedHit> expect,
                           Map<String, String> decisions, String error) {
        public Scenario {
            expect = expect == null ? List.of() : List.copyOf(expect);
            decisions = decisions == null ? Map.of() : Map.copyOf(decisions);
        }
    }

    /** A hit the rules must produce; fields left out are not compared. */
    public record ExpectedHit(String rule, String household, String action, String assetClass, String lot, String scope,
                              Integer priority, String message) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(rule == null ? "?" : rule);
            if (action != null) {
                s.append(' ').append(action);
            }
            if (household != null) {
                s.append(" household=").append(household);
            }
            if (scope != null) {
                s.append(" scope=").append(scope);
            }
            if (assetClass != null) {
                s.append(" assetClass=").append(assetClass);
            }
            if (lot != null) {
                s.append(" lot=").append(lot);
            }
            if (priority != null) {
                s.append(" priority=").append(priority);
            }
            if (message != null) {
                s.append(" message~\"").append(message).append('"');
            }
            return s.toString();
        }
    }

    public static ScenarioFile read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new BookFileException(path.toString(), "", "cannot be read: " + e.getMessage());
        }
        Doc doc = BookYaml.parse(text, path.toString(), Doc.class);
        if (doc.scenarios() == null || doc.scenarios().isEmpty()) {
            throw new BookFileException(path.toString(), "scenarios", "the file has no scenarios");
        }
        for (int i = 0; i < doc.scenarios().size(); i++) {
            Scenario s = doc.scenarios().get(i);
            if (s.name() == null || s.given() == null) {
                throw new BookFileException(path.toString(), "scenarios[" + i + "]", "a scenario needs a name and a 'given' book");
            }
        }
        return new ScenarioFile(path, doc.title() == null ? path.getFileName().toString() : doc.title(), doc.scenarios());
    }
}
