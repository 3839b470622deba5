package trimtab.engine.rules;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our own checks of a workbook's decision tables, for mistakes Drools accepts silently or reports only
 * in generated code: misspelt column types, unmerged or missing fact types, unknown fields, words where
 * numbers belong, numbers outside their plausible range ({@link ThresholdRanges}), unknown actions, missing or
 * duplicate rule ids, rows without a description or condition, and description placeholders that name nothing.
 */
final class WorkbookChecks {

    /** Column types Drools knows; it matches a header by its first letter, so we insist on the word. */
    static final Set<String> COLUMN_TYPES = Set.of("CONDITION", "ACTION", "METADATA", "DESCRIPTION", "NAME",
            "PRIORITY", "ACTIVATION-GROUP", "AGENDA-GROUP", "NO-LOOP", "DATE-EFFECTIVE", "DATE-EXPIRES", "ENABLED");

    private static final Pattern PATTERN = Pattern.compile("^\\s*(?:(\\$?\\w+)\\s*:\\s*)?([\\w.]+)\\s*(\\(.*\\))?\\s*$");
    private static final Pattern LEADING_NAME = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*(\\()?");
    private static final Pattern COMPARISON = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*(>=|<=|>|<|==|!=)\\s*\\$param\\s*$");
    private static final Pattern CALL_WITH_PARAM = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*\\(\\s*\\$param\\s*\\)");
    private static final Pattern TEXT_EQUALS = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*==\\s*\"\\$param\"\\s*$");
    /** An action that passes the cell as a number, e.g. {@code PolicyLimit.gainBudget($param)}. */
    private static final Pattern NUMBER_ARGUMENT = Pattern.compile("\\(\\s*\\$param\\s*\\)");
    private static final Pattern OUTCOME_ENUM = Pattern.compile("outcome\\.record\\(\\s*([\\w.]+)\\.\\$param\\s*\\)");
    private static final Pattern UNQUOTED_METADATA = Pattern.compile("^\\s*\\w+\\(\\s*\\$param\\s*\\)\\s*$");
    private static final Pattern RULE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");

    private final String workbook;
    private final RuleVocabulary vocabulary;
    private final Set<String> helperFunctions;
    private final List<RuleBuildError> errors = new ArrayList<>();

    private WorkbookChecks(String workbook, RuleVocabulary vocabulary, Set<String> helperFunctions) {
        this.workbook = workbook;
        this.vocabulary = vocabulary;
        this.helperFunctions = helperFunctions;
    }

    /** @param helperFunctions names of functions the DRL helpers define, which condition code may call */
    static List<RuleBuildError> check(String workbook, List<RuleTableLayout.Table> tables, RuleVocabulary vocabulary,
                                      Set<String> helperFunctions) {
        WorkbookChecks checks = new WorkbookChecks(workbook, vocabulary, helperFunctions);
        checks.checkAll(tables);
        return checks.errors;
    }

    private void checkAll(List<RuleTableLayout.Table> tables) {
        Map<String, String> tableSheets = new HashMap<>();
        Map<String, String> ruleIds = new HashMap<>();
        for (RuleTableLayout.Table table : tables) {
            String previous = tableSheets.putIfAbsent(table.name(), table.sheet());
            if (previous != null) {
                error(table, table.row0(), table.column0(), "a second table is named '" + table.name()
                        + "' (the first is on sheet " + previous + "); give every RuleTable its own name");
            }
            if (table.columns().isEmpty()) {
                error(table, table.row0() + RuleTableLayout.TYPE_ROW, table.column0(),
                        "the table has no column types in the row below 'RuleTable " + table.name() + "'");
                continue;
            }
            if (checkColumns(table)) {
                checkRows(table, ruleIds);
                ThresholdRanges.check(table, vocabulary, (row0, column0, message) -> error(table, row0, column0, message));
            }
            for (int stray : table.strayRows()) {
                error(table, stray, table.column0(), "this row is below the blank row that ends table '" + table.name()
                        + "', so it would be ignored; delete the blank row above it");
            }
        }
    }

    /** Returns false when the header is too broken for row checks to mean anything. */
    private boolean checkColumns(RuleTableLayout.Table table) {
        boolean ok = true;
        for (RuleTableLayout.Column column : table.columns()) {
            if (!COLUMN_TYPES.contains(column.type().toUpperCase(Locale.ROOT))) {
                error(table, table.row0() + RuleTableLayout.TYPE_ROW, column.index(), "column type '" + column.type()
                        + "' is not one of CONDITION, ACTION, METADATA, DESCRIPTION or another Drools column type"
                        + " (check the spelling)");
                ok = false;
            }
        }
        if (!ok) {
            return false;
        }
        long ruleIdColumns = table.columnsOf("METADATA").stream().filter(c -> c.template().startsWith("ruleId(")).count();
        if (ruleIdColumns != 1) {
            error(table, table.row0() + RuleTableLayout.TYPE_ROW, table.column0(), "the table needs exactly one METADATA"
                    + " column with the code ruleId(\"$param\") for the rule ids; it has " + ruleIdColumns);
            ok = false;
        }
        if (table.columnsOf("DESCRIPTION").size() != 1) {
            error(table, table.row0() + RuleTableLayout.TYPE_ROW, table.column0(),
                    "the table needs exactly one DESCRIPTION column; it has " + table.columnsOf("DESCRIPTION").size());
            ok = false;
        }
        if (table.columnsOf("ACTION").isEmpty()) {
            error(table, table.row0() + RuleTableLayout.TYPE_ROW, table.column0(), "the table has no ACTION column");
            ok = false;
        }
        String previousPattern = null;
        for (RuleTableLayout.Column column : table.columns()) {
            if (!column.is("CONDITION")) {
                previousPattern = null;
                continue;
            }
            int patternRow = table.row0() + RuleTableLayout.PATTERN_ROW;
            if (column.pattern().isEmpty()) {
                error(table, patternRow, column.index(), "condition column " + column.letter() + " has no fact type;"
                        + " if it tests the same fact as the column to its left, merge the fact-type cells");
                ok = false;
            } else if (column.pattern().equals(previousPattern) && !column.patternMerged()) {
                error(table, patternRow, column.index(), "'" + column.pattern() + "' repeats the fact type of the column"
                        + " to its left without merging the cells, which makes a second, separate fact; merge the cells");
                ok = false;
            } else if (resolvePattern(table, column).isEmpty()) {
                ok = false;
            }
            previousPattern = column.pattern();
            if (column.template().isEmpty()) {
                error(table, table.row0() + RuleTableLayout.TEMPLATE_ROW, column.index(), "condition column "
                        + column.letter() + " has no code (e.g. absoluteDrift > $param)");
                ok = false;
            }
        }
        if (ok) {
            for (RuleTableLayout.Column column : table.columnsOf("CONDITION")) {
                ok &= checkConditionTemplate(table, column);
            }
        }
        return ok;
    }

    private Optional<Class<?>> resolvePattern(RuleTableLayout.Table table, RuleTableLayout.Column column) {
        Matcher m = PATTERN.matcher(column.pattern());
        if (!m.matches()) {
            error(table, table.row0() + RuleTableLayout.PATTERN_ROW, column.index(), "'" + column.pattern()
                    + "' is not a fact type such as '$d : ClassDrift'");
            return Optional.empty();
        }
        Optional<Class<?>> type = vocabulary.factType(m.group(2));
        if (type.isEmpty()) {
            error(table, table.row0() + RuleTableLayout.PATTERN_ROW, column.index(), "'" + m.group(2)
                    + "' is not a fact this table can test; use one of " + vocabulary.factTypeNames());
        }
        return type;
    }

    private boolean checkConditionTemplate(RuleTableLayout.Table table, RuleTableLayout.Column column) {
        Class<?> type = resolvePattern(table, column).orElseThrow();
        Matcher name = LEADING_NAME.matcher(column.template());
        if (!name.find()) {
            return true; // free-form code, e.g. "( a || b )": Drools will judge it
        }
        String field = name.group(1);
        boolean call = name.group(2) != null;
        Map<String, Method> properties = FactProperties.of(type);
        boolean known = call ? FactProperties.hasMethod(type, field) || helperFunctions.contains(field)
                : properties.containsKey(field);
        if (!known) {
            error(table, table.row0() + RuleTableLayout.TEMPLATE_ROW, column.index(), "'" + field + "' is not a "
                    + (call ? "method" : "field") + " of " + type.getSimpleName() + "; its fields are " + properties.keySet());
            return false;
        }
        Matcher comparison = COMPARISON.matcher(column.template());
        Matcher callWithParam = CALL_WITH_PARAM.matcher(column.template());
        Class<?> fieldType = call ? null : properties.get(field).getReturnType();
        boolean numeric = comparison.matches() && isNumber(fieldType);
        boolean wholeNumber = (callWithParam.find() && takesWholeNumber(type, callWithParam.group(1)))
                || (numeric && isWholeNumber(fieldType));
        boolean flag = comparison.matches() && (fieldType == boolean.class || fieldType == Boolean.class);
        Matcher text = TEXT_EQUALS.matcher(column.template());
        Optional<Set<String>> allowed = text.matches() ? vocabulary.allowedValues(type, text.group(1)) : Optional.empty();
        for (RuleTableLayout.DataRow row : table.rows()) {
            String value = row.cell(column);
            if (value.isEmpty()) {
                continue;
            }
            if ((numeric || wholeNumber) && !isNumber(value, wholeNumber)) {
                error(table, row.row0(), column.index(), "'" + value + "' in column '" + label(column)
                        + "' is not " + (wholeNumber ? "a whole number" : "a number"));
            } else if (flag && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                error(table, row.row0(), column.index(), "'" + value + "' in column '" + label(column)
                        + "' must be TRUE or FALSE (or left empty)");
            } else if (allowed.isPresent() && !allowed.get().contains(value)) {
                error(table, row.row0(), column.index(), "'" + value + "' in column '" + label(column)
                        + "' is not one of " + String.join(", ", allowed.get().stream().sorted().toList()));
            }
        }
        return true;
    }

    private void checkRows(RuleTableLayout.Table table, Map<String, String> ruleIds) {
        RuleTableLayout.Column idColumn = table.columnsOf("METADATA").stream()
                .filter(c -> c.template().startsWith("ruleId(")).findFirst().orElseThrow();
        RuleTableLayout.Column description = table.columnsOf("DESCRIPTION").get(0);
        List<RuleTableLayout.Column> conditions = table.columnsOf("CONDITION");
        Set<String> placeholders = new HashSet<>();
        for (RuleTableLayout.Column column : conditions) {
            resolvePattern(table, column).ifPresent(type -> placeholders.addAll(FactProperties.of(type).keySet()));
            if (!column.label().isEmpty()) {
                placeholders.add(column.label().toLowerCase(Locale.ROOT));
            }
        }
        if (table.rows().isEmpty()) {
            error(table, table.row0() + RuleTableLayout.FIRST_DATA_ROW, table.column0(), "the table has no rule rows");
        }
        for (RuleTableLayout.DataRow row : table.rows()) {
            String id = row.cell(idColumn);
            if (id.isEmpty()) {
                error(table, row.row0(), idColumn.index(), "the row has no rule id");
            } else if (!RULE_ID.matcher(id).matches()) {
                error(table, row.row0(), idColumn.index(), "rule id '" + id + "' may only use letters, digits, '-', '_' and '.'");
            } else {
                String where = table.sheet() + " row " + row.spreadsheetRow();
                String first = ruleIds.putIfAbsent(id, where);
                if (first != null) {
                    error(table, row.row0(), idColumn.index(), "rule id " + id + " is already used on " + first);
                }
            }
            String text = row.cell(description);
            if (text.isEmpty()) {
                error(table, row.row0(), description.index(), "the row has no description; say in plain words what it is for");
            } else if (text.contains("*/")) {
                error(table, row.row0(), description.index(), "a description may not contain '*/'");
            }
            for (String placeholder : MessageTemplate.placeholders(text)) {
                Optional<RuleTableLayout.Column> labelled = conditions.stream()
                        .filter(c -> c.label().equalsIgnoreCase(placeholder)).findFirst();
                if (!placeholders.contains(placeholder) && !placeholders.contains(placeholder.toLowerCase(Locale.ROOT))) {
                    error(table, row.row0(), description.index(), "the description names {" + placeholder
                            + "}, which is neither a fact field nor a condition column label of this table");
                } else if (labelled.isPresent() && row.cell(labelled.get()).isEmpty()) {
                    error(table, row.row0(), description.index(), "the description quotes {" + placeholder
                            + "}, but this row leaves that column (" + labelled.get().letter() + ") empty");
                }
            }
            if (conditions.stream().allMatch(c -> row.cell(c).isEmpty())) {
                error(table, row.row0(), table.column0(), "the row has no condition, so it would fire for every fact;"
                        + " fill at least one condition cell");
            }
            List<RuleTableLayout.Column> actions = table.columnsOf("ACTION");
            // a row may leave some actions empty (the tax policy layers rows), but not all of them
            if (actions.stream().allMatch(a -> row.cell(a).isEmpty())) {
                error(table, row.row0(), actions.get(0).index(), "the row has no value in column '" + label(actions.get(0))
                        + "'; every row must say what it does");
            }
            for (RuleTableLayout.Column action : actions) {
                checkOutcomeValue(table, row, action);
            }
            for (RuleTableLayout.Column metadata : table.columnsOf("METADATA")) {
                String value = row.cell(metadata);
                // an unquoted metadata value ends up as a literal in the rule: it must be a number
                if (UNQUOTED_METADATA.matcher(metadata.template()).matches() && !value.isEmpty() && !isNumber(value, true)) {
                    error(table, row.row0(), metadata.index(), "'" + value + "' in column '" + label(metadata)
                            + "' is not a whole number");
                }
            }
        }
    }

    private void checkOutcomeValue(RuleTableLayout.Table table, RuleTableLayout.DataRow row, RuleTableLayout.Column action) {
        String value = row.cell(action);
        if (!value.isEmpty() && NUMBER_ARGUMENT.matcher(action.template()).find() && !isNumber(value, false)) {
            error(table, row.row0(), action.index(), "'" + value + "' in column '" + label(action) + "' is not a number");
            return;
        }
        Matcher m = OUTCOME_ENUM.matcher(action.template());
        if (!m.find() || value.isEmpty()) {
            return;
        }
        String enumName = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
        vocabulary.outcomeTypes().stream().filter(t -> t.getSimpleName().equals(enumName)).findFirst().ifPresent(type -> {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            if (!allowed.contains(value)) {
                error(table, row.row0(), action.index(), "'" + value + "' in column '" + label(action)
                        + "' is not one of " + String.join(", ", allowed));
            }
        });
    }

    /**
     * The fact fields a row tests (its filled condition columns) and quotes (its description's
     * placeholders), in that order: what an explanation records as "the facts it saw".
     */
    static Set<String> fieldsSeen(RuleTableLayout.Table table, RuleTableLayout.DataRow row, MessageTemplate message) {
        Set<String> fields = new java.util.LinkedHashSet<>();
        for (RuleTableLayout.Column column : table.columnsOf("CONDITION")) {
            Matcher name = LEADING_NAME.matcher(column.template());
            if (!row.cell(column).isEmpty() && name.find() && name.group(2) == null) {
                fields.add(name.group(1));
            }
        }
        fields.addAll(message.placeholders());
        return fields;
    }

    /** Column labels of the table's conditions with this row's values: the numbers a message may quote. */
    static Map<String, String> conditionValues(RuleTableLayout.Table table, RuleTableLayout.DataRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RuleTableLayout.Column column : table.columnsOf("CONDITION")) {
            if (!column.label().isEmpty() && !row.cell(column).isEmpty()) {
                values.put(column.label(), row.cell(column));
            }
        }
        return values;
    }

    private static String label(RuleTableLayout.Column column) {
        return column.label().isEmpty() ? column.letter() : column.label();
    }

    private static boolean isNumber(Class<?> type) {
        return type == BigDecimal.class || type == int.class || type == long.class || type == double.class
                || type == Integer.class || type == Long.class || type == Double.class;
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == long.class || type == Integer.class || type == Long.class;
    }

    private static boolean takesWholeNumber(Class<?> type, String method) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method) && m.getParameterCount() == 1)
                .anyMatch(m -> m.getParameterTypes()[0] == int.class || m.getParameterTypes()[0] == long.class);
    }

    private static boolean isNumber(String text, boolean whole) {
        try {
            BigDecimal value = new BigDecimal(text);
            return !whole || value.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An error at a cell; one in a rule row also names that row's rule id, which is how officers know their rows. */
    private void error(RuleTableLayout.Table table, int row0, int column0, String message) {
        errors.add(RuleBuildError.atCell(workbook, table.sheet(), row0, column0, ruleIdAt(table, row0), message));
    }

    private static String ruleIdAt(RuleTableLayout.Table table, int row0) {
        Optional<RuleTableLayout.Column> idColumn = table.columnsOf("METADATA").stream()
                .filter(c -> c.template().startsWith("ruleId(")).findFirst();
        if (idColumn.isEmpty()) {
            return "";
        }
        return table.rows().stream().filter(r -> r.row0() == row0).findFirst()
                .map(r -> r.cell(idColumn.get())).filter(RULE_ID.asMatchPredicate()).orElse("");
    }
}
