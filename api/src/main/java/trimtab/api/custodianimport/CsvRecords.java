package trimtab.api.custodianimport;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180) into records: fields separated by commas, optionally quoted, with doubled quotes
 * inside quotes and line breaks inside quoted fields allowed. Each record keeps the line of the file it starts
 * on, which is how people and error messages refer to it. Lines that are entirely blank are skipped.
 */
final class CsvRecords {
    private CsvRecords() {
    }

    /** A record as read: its fields, untrimmed, and the line it starts on (the header is line 1). */
    record Record(int line, List<String> fields) {
    }

    /** A place where the text is not CSV. */
    record Malformed(int line, int column, String message) {
    }

    record Parsed(List<Record> records, List<Malformed> malformed) {
    }

    static Parsed parse(String text) {
        List<Record> records = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean recordBroken = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!recordBroken && !(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(new Record(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                afterClosingQuote = false;
                recordBroken = false;
                line++;
                recordLine = line;
            } else if (afterClosingQuote) {
                if (!Character.isWhitespace(c) && !recordBroken) {
                    malformed.add(new Malformed(recordLine, fields.size() + 1, "text after the closing quote of a quoted field"));
                    recordBroken = true;
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0); // spaces before an opening quote are not part of the field
                quoted = true;
                quoteLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            malformed.add(new Malformed(quoteLine, fields.size() + 1, "a quoted field is not closed before the end of the file"));
        } else if (!fields.isEmpty() || !field.isEmpty()) {
            fields.add(field.toString());
            if (!recordBroken && !(fields.size() == 1 && fields.get(0).isBlank())) {
                records.add(new Record(recordLine, List.copyOf(fields)));
            }
        }
        return new Parsed(records, malformed);
    }
}
