package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The payload of a BOOK_CHANGE audit entry: which request changed the book and the ids it wrote. The body itself
 * is not kept; its SHA-256 is the entry's input hash.
 */
@Serdeable
record BookChange(String request, int items, List<String> ids) {
    static final String ENTRY_TYPE = "BOOK_CHANGE";
}
