package trimtab.api.custodianimport;

import trimtab.api.book.DecimalColumn;
import trimtab.api.web.ApiException;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.Symbol;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A position file read and checked line by line, before anything is compared with the book: the header names
 * the columns (in any order), and each line is a lot of an account or, with the lot columns empty, only the
 * account's cash. What needs the book (known symbols, households, who owns an account or a lot) is checked by
 * {@link PositionImport}.
 */
final class PositionFile {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final List<PositionColumn> LOT_COLUMNS = List.of(PositionColumn.LOT_ID, PositionColumn.QUANTITY,
            PositionColumn.COST_BASIS, PositionColumn.ACQUIRED_DATE);

    /** A lot as the file gives it. */
    record Lot(String lotId, String symbol, BigDecimal quantity, BigDecimal costBasis, LocalDate acquired) {
    }

    /**
     * One line: an account's attributes as the line states them, its cash if given, and its lot unless it is a
     * cash-only line.
     */
    record Line(int line, String accountId, String householdId, AccountType type, String custodian, BigDecimal cash, Lot lot) {
    }

    private final Map<PositionColumn, Integer> columns;
    private final List<Line> lines;

    private PositionFile(Map<PositionColumn, Integer> columns, List<Line> lines) {
        this.columns = columns;
        this.lines = lines;
    }

    List<Line> lines() {
        return lines;
    }

    /** The column's number in this file (the first is 1), for error messages about it. */
    int number(PositionColumn column) {
        return columns.getOrDefault(column, -1) + 1;
    }

    /**
     * Reads the file. Problems go to {@code errors}; lines with problems are left out of the result.
     *
     * @param custodian the custodian the file was sent as (the request's), or null; a custodian column, where
     *                  the file has one, must agree with it
     */
    static PositionFile read(byte[] bytes, String custodian, LineErrors errors) {
        CsvRecords.Parsed parsed = CsvRecords.parse(text(bytes));
        parsed.malformed().forEach(m -> errors.add(m.line(), "column " + m.column() + ": " + m.message()));
        if (parsed.records().isEmpty() || parsed.records().get(0).line() != 1) {
            errors.add(1, "the first line must be the header: " + PositionColumn.all());
            return new PositionFile(Map.of(), List.of());
        }
        Map<PositionColumn, Integer> columns = header(parsed.records().get(0), errors);
        String sentAs = custodian == null || custodian.isBlank() ? null : custodian.strip();
        if (!columns.containsKey(PositionColumn.CUSTODIAN) && sentAs == null) {
            errors.add(1, "name the custodian: add a custodian column or send the file with ?custodian=");
        }
        if (!errors.isEmpty()) {
            return new PositionFile(columns, List.of());
        }
        PositionFile file = new PositionFile(columns, new ArrayList<>());
        int width = parsed.records().get(0).fields().size();
        for (CsvRecords.Record record : parsed.records().subList(1, parsed.records().size())) {
            if (record.fields().size() != width) {
                errors.add(record.line(), "has " + record.fields().size() + " fields, the header has " + width);
                continue;
            }
            Line line = file.line(record, sentAs, errors);
            if (line != null) {
                file.lines.add(line);
            }
        }
        if (parsed.records().size() == 1) {
            errors.add(1, "the file has a header but no lines");
        }
        return file;
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the file is not UTF-8 text", "line 1", "save the file as UTF-8 CSV");
        }
    }

    private static Map<PositionColumn, Integer> header(CsvRecords.Record header, LineErrors errors) {
        Map<PositionColumn, Integer> columns = new EnumMap<>(PositionColumn.class);
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            var column = PositionColumn.byHeader(name);
            if (column.isEmpty()) {
                errors.add(1, name.isEmpty() ? "(empty)" : name, i + 1, "unknown column '" + name + "'; the columns are " + PositionColumn.all());
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                errors.add(1, name, i + 1, "column " + column.get().header() + " appears twice");
            }
        }
        for (PositionColumn column : PositionColumn.values()) {
            if (column.required && !columns.containsKey(column)) {
                errors.add(1, "missing column " + column.header() + "; the columns are " + PositionColumn.all());
            }
        }
        return columns;
    }

    private Line line(CsvRecords.Record record, String sentAs, LineErrors errors) {
        Cells cells = new Cells(record, errors);
        String account = cells.text(PositionColumn.ACCOUNT_ID, 40, true);
        String household = cells.text(PositionColumn.HOUSEHOLD_ID, 40, true);
        AccountType type = cells.accountType();
        String custodian = cells.text(PositionColumn.CUSTODIAN, 40, false);
        if (custodian != null && sentAs != null && !custodian.equalsIgnoreCase(sentAs)) {
            cells.error(PositionColumn.CUSTODIAN, "custodian " + custodian + " in a file sent as " + sentAs + "'s");
        }
        custodian = custodian != null ? custodian : sentAs;
        BigDecimal cash = cells.decimal(PositionColumn.CASH, DecimalColumn.MONEY, false, true);
        Lot lot = null;
        String symbol = cells.text(PositionColumn.SYMBOL, 16, false);
        if (symbol == null) {
            List<PositionColumn> filled = LOT_COLUMNS.stream().filter(c -> !cells.raw(c).isBlank()).toList();
            if (!filled.isEmpty()) {
                cells.error(PositionColumn.SYMBOL, "is empty but " + filled.stream().map(PositionColumn::header).collect(Collectors.joining(", "))
                        + " " + (filled.size() == 1 ? "is" : "are") + " not: name the security, or empty them for a cash-only line");
            } else if (cells.raw(PositionColumn.CASH).isBlank()) {
                cells.error(PositionColumn.SYMBOL, "is empty: a line is a lot (symbol, lot_id, quantity, cost_basis, acquired_date) "
                        + "or the account's cash alone");
            }
        } else {
            String lotId = cells.text(PositionColumn.LOT_ID, 60, true);
            BigDecimal quantity = cells.decimal(PositionColumn.QUANTITY, DecimalColumn.QUANTITY, true, false);
            BigDecimal cost = cells.decimal(PositionColumn.COST_BASIS, DecimalColumn.COST, true, true);
            LocalDate acquired = cells.date(PositionColumn.ACQUIRED_DATE);
            lot = new Lot(lotId, Symbol.of(symbol).value(), quantity, cost, acquired);
        }
        return cells.bad ? null : new Line(record.line(), account, household, type, custodian, cash, lot);
    }

    /** The cells of one line, read by column, with their problems reported at line and column. */
    private final class Cells {
        private final CsvRecords.Record record;
        private final LineErrors errors;
        private boolean bad;

        Cells(CsvRecords.Record record, LineErrors errors) {
            this.record = record;
            this.errors = errors;
        }

        String raw(PositionColumn column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.fields().get(index);
        }

        void error(PositionColumn column, String message) {
            errors.add(record.line(), column.header(), number(column), message);
            bad = true;
        }

        String text(PositionColumn column, int maxLength, boolean required) {
            String value = raw(column).strip();
            if (value.isEmpty()) {
                if (required) {
                    error(column, "is empty");
                }
                return null;
            }
            if (value.length() > maxLength) {
                error(column, "'" + value + "' is longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        AccountType accountType() {
            String value = text(PositionColumn.ACCOUNT_TYPE, 40, true);
            if (value == null) {
                return null;
            }
            try {
                return AccountType.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                error(PositionColumn.ACCOUNT_TYPE, "unknown account type '" + value + "'; the types are "
                        + Arrays.stream(AccountType.values()).map(Enum::name).collect(Collectors.joining(", ")));
                return null;
            }
        }

        BigDecimal decimal(PositionColumn column, DecimalColumn limits, boolean required, boolean zeroAllowed) {
            String value = text(column, 40, required);
            if (value == null) {
                return null;
            }
            if (!PLAIN_NUMBER.matcher(value).matches()) {
                error(column, "'" + value + "' is not a number (write it plainly: 1234.56, no currency sign or thousands separator)");
                return null;
            }
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0 || (!zeroAllowed && number.signum() == 0)) {
                error(column, column.header() + " " + value + (zeroAllowed ? " must not be negative" : " must be positive"));
                return null;
            }
            String misfit = limits.misfit(number);
            if (misfit != null) {
                error(column, value + " " + misfit);
                return null;
            }
            return number;
        }

        LocalDate date(PositionColumn column) {
            String value = text(column, 40, true);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value, value.contains("/") ? US : ISO);
            } catch (DateTimeParseException e) {
                error(column, "'" + value + "' is not a date (YYYY-MM-DD, or MM/DD/YYYY)");
                return null;
            }
        }
    }
}
