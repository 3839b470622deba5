package trimtab.engine.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a decision-table workbook into a {@link CompiledRuleSet}, or refuses it with every problem
 * located by sheet and cell (or row and rule id). A build with any error, and a workbook that yields no
 * rules, is refused: the caller keeps whatever rule set it had.
 */
public final class RuleSetCompiler {
    /** Real rule workbooks are tens of kilobytes; anything this large is a mistake or an attack. */
    public static final int MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

    private static final Pattern DROOLS_CELL = Pattern.compile("cell ([A-Z]+)(\\d+)");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule(?: name)?[ =]*['\"]([^'\"]+)['\"]");
    private static final Pattern HELPER_FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");
    private static final Pattern RULE_LINE = Pattern.compile("^rule \"(.+)\"\\s*$");

    private final RuleVocabulary vocabulary;

    public RuleSetCompiler(RuleVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * @param helpers optional DRL files (functions, declared types) compiled into the same rule base
     * @throws RuleSetRejectedException with every problem found; nothing is compiled then
     */
    public CompiledRuleSet compile(TableKind kind, int version, Workbook workbook, List<Workbook> helpers) {
        String name = workbook.fileName();
        if (workbook.bytes().length == 0) {
            throw rejected(RuleBuildError.ofWorkbook(name, "the file is empty"));
        }
        if (workbook.bytes().length > MAX_WORKBOOK_BYTES) {
            throw rejected(RuleBuildError.ofWorkbook(name, String.format(Locale.ROOT,
                    "the file is %.1f MB; a rule workbook may be at most %d MB",
                    workbook.bytes().length / 1048576.0, MAX_WORKBOOK_BYTES / 1048576)));
        }
        SheetGrid grid = new SheetGrid();
        DefaultRuleSheetListener drools = new DefaultRuleSheetListener(true, true);
        String drl = parse(workbook, grid, drools);

        List<RuleTableLayout.Table> tables = RuleTableLayout.read(grid);
        List<RuleBuildError> errors = new ArrayList<>(WorkbookChecks.check(name, tables, vocabulary, functionsOf(helpers)));
        if (!grid.contains("Variables") && !tables.isEmpty()) {
            errors.add(RuleBuildError.ofWorkbook(name, "the RuleSet settings lack 'Variables' with the value '"
                    + Outcome.class.getName() + " outcome', which the ACTION columns write to"));
        }
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }

        Map<String, CompiledRuleSet.RowInfo> rows = new LinkedHashMap<>();
        Map<String, RuleTableLayout.DataRow> dataRows = new LinkedHashMap<>();
        for (RuleTableLayout.Table table : tables) {
            RuleTableLayout.Column idColumn = table.columnsOf("METADATA").stream()
                    .filter(c -> c.template().startsWith("ruleId(")).findFirst().orElseThrow();
            RuleTableLayout.Column description = table.columnsOf("DESCRIPTION").get(0);
            for (RuleTableLayout.DataRow row : table.rows()) {
                RuleRef ref = new RuleRef(name, table.sheet(), row.spreadsheetRow(), row.cell(idColumn));
                MessageTemplate message = MessageTemplate.parse(row.cell(description));
                rows.put(table.ruleName(row), new CompiledRuleSet.RowInfo(ref, message,
                        WorkbookChecks.conditionValues(table, row), WorkbookChecks.fieldsSeen(table, row, message)));
                dataRows.put(table.ruleName(row), row);
            }
        }
        KieBase kieBase = build(name, drl, helpers, rows);
        int compiled = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        if (compiled == 0) {
            throw rejected(RuleBuildError.ofWorkbook(name, "the workbook yields no rules; an empty rule set would let everything through"));
        }
        if (compiled != rows.size()) {
            throw rejected(RuleBuildError.ofWorkbook(name, "the workbook has " + rows.size() + " rule rows but "
                    + compiled + " rules were compiled; check for rows outside a table"));
        }
        return new CompiledRuleSet(new RuleSetVersion(kind, version, workbook.sha256()), name, kieBase, drl, rows);
    }

    public CompiledRuleSet compile(TableKind kind, int version, Workbook workbook) {
        return compile(kind, version, workbook, List.of());
    }

    /**
     * The cells of a workbook exactly as the compiler reads them (formatted text, merged cells carrying their
     * top-left value), without compiling it: what a review compares between two versions.
     *
     * @throws RuleSetRejectedException when the file cannot be read as a workbook at all
     */
    static SheetGrid cells(Workbook workbook) {
        SheetGrid grid = new SheetGrid();
        parse(workbook, grid, null);
        return grid;
    }

    /**
     * Runs Drools' parser over every sheet with our recorder beside it and returns the generated DRL (null when
     * only the cells are wanted and {@code drools} is null).
     */
    private static String parse(Workbook workbook, SheetGrid grid, DefaultRuleSheetListener drools) {
        String name = workbook.fileName();
        try {
            if (workbook.format() == Workbook.Format.CSV) {
                new CsvParser(listeners(grid.recorder(sheetNameOfCsv(name)), drools), new CsvLineParser())
                        .parseFile(new ByteArrayInputStream(workbook.bytes()));
            } else {
                org.apache.poi.ss.usermodel.Workbook xlsx = openXlsx(workbook);
                Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
                for (int i = 0; i < xlsx.getNumberOfSheets(); i++) {
                    String sheet = xlsx.getSheetName(i);
                    listeners.put(sheet, listeners(grid.recorder(sheet), drools));
                }
                new ExcelParser(listeners).parseWorkbook(xlsx);
            }
            if (drools == null) {
                return null;
            }
            DRLOutput out = new DRLOutput();
            drools.getRuleSet().renderDRL(out);
            return out.getDRL();
        } catch (DecisionTableParseException e) {
            throw rejected(locate(name, grid.currentSheet(), e.getMessage()));
        } catch (RuleSetRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw rejected(RuleBuildError.ofWorkbook(name, "cannot be read as a decision table: " + e.getMessage()));
        }
    }

    private static List<DataListener> listeners(DataListener recorder, DataListener drools) {
        return drools == null ? List.of(recorder) : List.of(recorder, drools);
    }

    private static org.apache.poi.ss.usermodel.Workbook openXlsx(Workbook workbook) {
        byte[] bytes = workbook.bytes();
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
        boolean ole2 = bytes.length > 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF;
        if (!zip && !ole2) {
            String hint = looksLikeText(bytes) ? " (it looks like text, perhaps a CSV: upload it with a .csv name)" : "";
            throw rejected(RuleBuildError.ofWorkbook(workbook.fileName(), "is not an Excel workbook" + hint));
        }
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError e) {
            throw rejected(RuleBuildError.ofWorkbook(workbook.fileName(),
                    "is a zip archive but not a readable Excel workbook: " + e.getMessage()));
        }
    }

    private static Set<String> functionsOf(List<Workbook> helpers) {
        Set<String> names = new HashSet<>();
        for (Workbook helper : helpers) {
            Matcher m = HELPER_FUNCTION.matcher(new String(helper.bytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                return false;
            }
        }
        return true;
    }

    private static String sheetNameOfCsv(String fileName) {
        String base = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
        return base.replaceAll("(?i)(\\.drl)?\\.csv$", "");
    }

    private static RuleBuildError locate(String workbook, String sheet, String message) {
        Matcher cell = DROOLS_CELL.matcher(message == null ? "" : message);
        if (cell.find()) {
            int row = Integer.parseInt(cell.group(2));
            return new RuleBuildError(workbook, sheet, cell.group(1) + cell.group(2), row, "", message);
        }
        if (message != null && message.startsWith("No RuleTable")) {
            return RuleBuildError.ofWorkbook(workbook, "no decision table found: a table starts with a cell"
                    + " 'RuleTable <name>' followed by rows of column types, fact types, code and labels");
        }
        return new RuleBuildError(workbook, sheet, "", 0, "", message);
    }

    private static KieBase build(String name, String drl, List<Workbook> helpers, Map<String, CompiledRuleSet.RowInfo> rows) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        // helpers first: the table's rules can only call functions that are already defined
        for (Workbook helper : helpers) {
            builder.add(ResourceFactory.newByteArrayResource(helper.bytes()).setSourcePath(helper.fileName()), ResourceType.DRL);
        }
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(name + ".drl"),
                ResourceType.DRL);
        if (builder.hasErrors()) {
            TreeMap<Integer, String> ruleStarts = ruleStartLines(drl);
            List<RuleBuildError> errors = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                errors.add(locateBuildError(name, error, ruleStarts, rows));
            }
            throw new RuleSetRejectedException(errors);
        }
        KieBase kieBase = builder.newKieBase();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            kiePackage.getRules().forEach(rule -> {
                // every rule must be a workbook row, or its firings could not be explained
                if (!rows.containsKey(rule.getName())) {
                    throw rejected(RuleBuildError.ofWorkbook(name, "rule '" + rule.getName() + "' is not a row of the"
                            + " workbook; DRL helpers may define functions and types, not rules"));
                }
            });
        }
        return kieBase;
    }

    private static TreeMap<Integer, String> ruleStartLines(String drl) {
        TreeMap<Integer, String> starts = new TreeMap<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_LINE.matcher(lines[i].trim());
            if (m.matches()) {
                starts.put(i + 1, m.group(1));
            }
        }
        return starts;
    }

    private static RuleBuildError locateBuildError(String name, KnowledgeBuilderError error, TreeMap<Integer, String> ruleStarts,
                                                   Map<String, CompiledRuleSet.RowInfo> rows) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage().trim();
        String ruleName = null;
        Matcher inMessage = RULE_IN_MESSAGE.matcher(message);
        while (inMessage.find()) {
            if (rows.containsKey(inMessage.group(1))) {
                ruleName = inMessage.group(1);
            }
        }
        if (ruleName == null && error.getLines() != null && error.getLines().length > 0) {
            Map.Entry<Integer, String> start = ruleStarts.floorEntry(error.getLines()[0]);
            ruleName = start == null ? null : start.getValue();
        }
        CompiledRuleSet.RowInfo row = ruleName == null ? null : rows.get(ruleName);
        String brief = message.length() > 400 ? message.substring(0, 400) + "..." : message;
        if (row == null) {
            return RuleBuildError.ofWorkbook(name, "the rules do not compile: " + brief);
        }
        return new RuleBuildError(name, row.ref().sheet(), "", row.ref().row(), row.ref().ruleId(),
                "the row's rule does not compile: " + brief);
    }

    private static RuleSetRejectedException rejected(RuleBuildError error) {
        return new RuleSetRejectedException(List.of(error));
    }
}
