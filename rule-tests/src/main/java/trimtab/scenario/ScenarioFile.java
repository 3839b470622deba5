package trimtab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import trimtab.engine.bookfile.BookFileException;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.rules.TableKind;

/**
 * A scenario file: a title, the table it tests (triggers unless it says {@code table: GUARDRAILS} or lives
 * in a {@code guardrails} folder) and its scenarios, each a book ("given") and what the rules must make of it.
 */
public record ScenarioFile(Path path, String title, TableKind table, List<Scenario> scenarios) {

    /** The document as written. */
    record Doc(String title, String description, String table, List<Scenario> scenarios) {
    }

    /**
     * One scenario.
     *
     * @param given     the book, in the book-file format
     * @param expect    every hit the rules must produce, and no others; empty means "no hit at all"
     * @param decisions optionally, the household decision expected (household id to action, or NONE)
     * @param error     optionally, text the evaluation error of a household must contain (bad data)
     * @param orders    guardrail scenarios: the batch of orders to screen
     * @param verdicts  guardrail scenarios: every order's expected verdict, by order id
     * @param plan      planner scenarios: what to plan
     * @param trades    planner scenarios: every proposed trade, in order, as "ACCOUNT SIDE QUANTITY SYMBOL NOTIONAL"
     * @param outcome   planner scenarios: realised gains, tax and harvested losses
     * @param residuals planner scenarios: every class left outside its band, with a piece of the reason
     * @param swapBacks planner scenarios: "ACCOUNT SUBSTITUTE QUANTITY ORIGINAL NOT-BEFORE"
     * @param blocked   planner scenarios with screening: trades the guardrails blocked, "SIDE QUANTITY SYMBOL RULE-ID..."
     */
    public record Scenario(String name, String description, JsonNode given, List<ExpectedHit> expect,
                           Map<String, String> decisions, String error, List<OrderDoc> orders,
                           Map<String, ExpectedVerdict> verdicts, PlanDoc plan, List<String> trades,
                           Map<String, String> outcome, List<ResidualDoc> residuals, List<String> swapBacks,
                           List<String> blocked) {
        public Scenario {
            expect = expect == null ? List.of() : List.copyOf(expect);
            decisions = decisions == null ? Map.of() : Map.copyOf(decisions);
            orders = orders == null ? List.of() : List.copyOf(orders);
            verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
            trades = trades == null ? List.of() : List.copyOf(trades);
            // keep the order written, so the report reads like the file
            outcome = outcome == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcome));
            residuals = residuals == null ? List.of() : List.copyOf(residuals);
            swapBacks = swapBacks == null ? List.of() : List.copyOf(swapBacks);
            blocked = blocked == null ? List.of() : List.copyOf(blocked);
        }
    }

    /**
     * What a planner scenario plans: a household's sleeve, or one account with its own model.
     *
     * @param mode   TO_TARGET, TO_BAND_EDGE, BUY_ONLY or SELL_ONLY
     * @param policy settings laid over the policy the tax-policy workbook resolves, for every account
     * @param screen whether the proposal goes through the shipped guardrails (re-planning around blocks)
     */
    public record PlanDoc(String household, String account, String mode, Boolean harvest, Boolean screen, PolicyDoc policy) {
    }

    public record PolicyDoc(String lotMethod, java.math.BigDecimal gainBudget, java.math.BigDecimal shortTermGainCap) {
    }

    public record ResidualDoc(String assetClass, String reason) {
    }

    /** An order of a guardrail scenario; quantity and price are read as written, so bad values can be tested. */
    public record OrderDoc(String id, String account, String symbol, String side, String quantity, String price,
                           Boolean automated) {
    }

    /**
     * @param violations the rule ids that must fire for the order, all of them and no others (empty: none)
     * @param message    a piece of text one of its violation messages must contain
     */
    public record ExpectedVerdict(String verdict, List<String> violations, String message) {
        public ExpectedVerdict {
            violations = violations == null ? List.of() : List.copyOf(violations);
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
        return parse(path, text);
    }

    /**
     * A scenario file's text, named by a path that need not exist (a file packaged in a jar is named by its
     * path under {@code scenarios/}, e.g. {@code guardrails/concentration.yaml}); the folder it names decides
     * the table unless the file says {@code table:}.
     */
    public static ScenarioFile parse(Path path, String text) {
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
        TableKind table;
        try {
            table = doc.table() != null ? TableKind.valueOf(doc.table().trim().toUpperCase(java.util.Locale.ROOT))
                    : switch (folderOf(path)) {
                        case "guardrails" -> TableKind.GUARDRAILS;
                        case "planner" -> TableKind.TAX_POLICY;
                        default -> TableKind.TRIGGERS;
                    };
        } catch (IllegalArgumentException e) {
            throw new BookFileException(path.toString(), "table", "'" + doc.table() + "' is not TRIGGERS, TAX_POLICY or GUARDRAILS");
        }
        return new ScenarioFile(path, doc.title() == null ? path.getFileName().toString() : doc.title(), table,
                doc.scenarios());
    }

    private static String folderOf(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }
}
