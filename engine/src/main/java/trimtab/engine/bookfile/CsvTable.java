package trimtab.engine.bookfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A small RFC 4180 reader for reference files: a header line, then records; quoted fields may hold
 * commas and doubled quotes. Values are read by header name, and conversion errors name line and column.
 */
final class CsvTable {
    private final String source;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    private final List<Row> rows = new ArrayList<>();

    private CsvTable(String source, List<List<String>> records) {
        this.source = source;
        if (records.isEmpty()) {
            throw new BookFileException(source, "line 1", "the file is empty; expected a header line");
        }
        this.header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new BookFileException(source, "line " + (i + 1),
                        "has " + fields.size() + " fields, the header has " + header.size());
            }
            rows.add(new Row(i + 1, fields));
        }
    }

    static CsvTable read(InputStream in, String source) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new BookFileException(source, "", "cannot be read: " + e.getMessage());
        }
    }

    static CsvTable parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BookFileException(source, "line " + line, "a quoted field is not closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return new CsvTable(source, records);
    }

    List<Row> rows() {
        return rows;
    }

    void requireColumns(String... names) {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new BookFileException(source, "line 1", "missing column '" + name + "' (header is " + header + ")");
            }
        }
    }

    final class Row {
        private final int line;
        private final List<String> fields;

        private Row(int line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        int line() {
            return line;
        }

        /** The trimmed value, or "" when the column is absent or empty. */
        String text(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : fields.get(index).trim();
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw error(column, "is empty");
            }
            return value;
        }

        <T> T convert(String column, boolean required, Function<String, T> parser, String expected) {
            String value = required ? required(column) : text(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                String detail = e instanceof BookFileException || e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
                throw error(column, "'" + value + "' is not " + expected + detail);
            }
        }

        BookFileException error(String column, String problem) {
            Integer index = columns.get(column);
            String where = "line " + line + (index == null ? "" : ", column " + (index + 1) + " (" + column + ")");
            return new BookFileException(source, where, problem);
        }
    }
}
