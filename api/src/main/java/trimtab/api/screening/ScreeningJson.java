package trimtab.api.screening;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON documents screening writes, with each order and the facts seen for it serialised once.
 *
 * <p>An order's JSON goes into three documents: the request's canonical form (whose SHA-256 tells a retry from
 * another request under the same key), its decision's input hash (with the facts' JSON), and its decision's audit
 * payload (with the facts again). Serialising each of them anew was a third of the JSON a 100-order batch wrote.
 * {@link #canonicalRequest} and {@link #auditedDecision} splice the JSON already written into the enclosing
 * document, and yield exactly the bytes the enclosing record serialises to ({@code ScreeningJsonTest} compares
 * them), so the request hashes and payloads are what they were.
 */
@Singleton
final class ScreeningJson {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;

    ScreeningJson(JsonMapper json) {
        this.json = json;
    }

    byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON string, or null. */
    private byte[] text(String value) {
        return value == null ? NULL : write(value);
    }

    /** {@link OrderScreening.CanonicalRequest} of the orders, each given as its JSON. */
    byte[] canonicalRequest(String asOf, List<byte[]> orders) {
        Document document = new Document(64 + orders.stream().mapToInt(o -> o.length + 1).sum());
        document.raw("{\"asOf\":").raw(text(asOf)).raw(",\"orders\":[");
        for (int i = 0; i < orders.size(); i++) {
            if (i > 0) {
                document.raw(",");
            }
            document.raw(orders.get(i));
        }
        return document.raw("]}").bytes();
    }

    /** {@link AuditedDecision}, with its order and its facts given as their JSON. */
    byte[] auditedDecision(String decisionId, String requestId, int line, byte[] order, String verdict,
                           List<String> violations, byte[] facts) {
        Document document = new Document(order.length + facts.length + 160 + violations.size() * 80);
        return document.raw("{\"decisionId\":").raw(text(decisionId))
                .raw(",\"requestId\":").raw(text(requestId))
                .raw(",\"line\":").raw(Integer.toString(line))
                .raw(",\"order\":").raw(order)
                .raw(",\"verdict\":").raw(text(verdict))
                .raw(",\"violations\":").raw(write(violations))
                .raw(",\"facts\":").raw(facts)
                .raw("}").bytes();
    }

    /** A document assembled from JSON already written; the literal parts are ASCII. */
    private static final class Document {
        private final ByteArrayOutputStream out;

        Document(int expectedSize) {
            out = new ByteArrayOutputStream(expectedSize);
        }

        Document raw(String ascii) {
            return raw(ascii.getBytes(StandardCharsets.US_ASCII));
        }

        Document raw(byte[] json) {
            out.writeBytes(json);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
