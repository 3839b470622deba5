package trimtab.api;

import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.bookfile.BookYaml;
import trimtab.rules.ShippedRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Book fixtures for the service tests: the 5-household demo book of the command line
 * ({@code demo/book.yaml}, as of 2026-11-24), or any YAML book from the test resources, written to the embedded
 * MariaDB the way an import would write it. Writes are upserts, so test classes sharing the database may load
 * the same book again.
 */
public final class TestBooks {
    private TestBooks() {
    }

    public static BookSnapshot yaml(String resource) {
        try (InputStream in = TestBooks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return BookYaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, ShippedRules.referenceData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BookSnapshot demo() {
        return yaml("/demo/book.yaml");
    }

    public static BookSnapshot load(Transactions transactions, BookWriter writer, BookSnapshot book) {
        transactions.write(connection -> {
            writer.snapshot(connection, book);
            return null;
        });
        return book;
    }
}
