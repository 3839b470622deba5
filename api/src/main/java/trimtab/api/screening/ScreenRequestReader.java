package trimtab.api.screening;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a screening request and refuses what cannot be a batch: unreadable JSON or an unknown field (400, naming
 * the place), no orders or more than {@value #MAX_ORDERS}, an order without an id, two orders with one id, or a
 * value longer than the decision record keeps (422, naming each place). Everything else about an order, however
 * wrong, is the guardrails' to judge.
 */
@Singleton
final class ScreenRequestReader {
    static final int MAX_ORDERS = 1000;
    /** The widths of the order_decision columns the order is kept in, as received. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("orderId", 100, "accountId", 100, "symbol", 40,
            "side", 20, "quantity", 60, "limitPrice", 60);
    /** Serde's wrapping of a parser error by the property being read. */
    private static final Pattern WRAPPING = Pattern.compile("Error decoding property \\[[^\\]]*\\] of type \\[[^\\]]*\\]: ");
    /** Jackson's position suffix: "\n at [Source: REDACTED (...); line: 1, column: 30]". */
    private static final Pattern LOCATION = Pattern.compile("\\s*at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");

    private final JsonMapper json;

    ScreenRequestReader(JsonMapper json) {
        this.json = json;
    }

    ScreenRequest read(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("The request has no body", "$", "a JSON object with an orders list is expected");
        }
        ScreenRequest request;
        try {
            request = json.readValue(body, Argument.of(ScreenRequest.class));
        } catch (SerdeException e) {
            String path = jsonPath(e);
            String message = e.getMessage() != null && e.getMessage().startsWith("Unknown property [")
                    ? "unknown field " + path + ": the accepted fields are orders and, per order, orderId, accountId, symbol, "
                    + "side, quantity, limitPrice and automated"
                    : "cannot read " + path + ": " + reason(e);
            throw ApiException.badRequest("The request body cannot be read: " + message, path, message);
        } catch (IOException | RuntimeException e) {
            String message = "not valid JSON: " + reason(e);
            throw ApiException.badRequest("The request body cannot be read: " + message, "$", message);
        }
        if (request == null) {
            throw ApiException.badRequest("The request body is null", "$", "a JSON object with an orders list is expected");
        }
        check(request);
        return request;
    }

    private static void check(ScreenRequest request) {
        List<OrderInput> orders = request.orders();
        if (orders == null || orders.isEmpty()) {
            throw ApiException.invalid("$.orders", "orders must list at least one order");
        }
        if (orders.size() > MAX_ORDERS) {
            throw ApiException.invalid("$.orders", "a request may hold at most " + MAX_ORDERS + " orders, not " + orders.size()
                    + "; send the rest in another request");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderInput order = orders.get(i);
            String at = "$.orders[" + i + "]";
            if (order == null) {
                errors.add(new Problem.FieldError(at, "an order is expected, not null"));
                continue;
            }
            if (order.orderId() == null || order.orderId().isBlank()) {
                errors.add(new Problem.FieldError(at + ".orderId", "every order needs an orderId, so that its verdict can be matched to it"));
            } else {
                Integer first = firstUse.putIfAbsent(order.orderId().strip(), i);
                if (first != null) {
                    errors.add(new Problem.FieldError(at + ".orderId", "orderId " + order.orderId().strip()
                            + " is already the id of $.orders[" + first + "]; a verdict must belong to exactly one order"));
                }
            }
            tooLong(errors, at, "orderId", order.orderId());
            tooLong(errors, at, "accountId", order.accountId());
            tooLong(errors, at, "symbol", order.symbol());
            tooLong(errors, at, "side", order.side());
            tooLong(errors, at, "quantity", order.quantity());
            tooLong(errors, at, "limitPrice", order.limitPrice());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.size() == 1 ? errors.get(0).path() + ": " + errors.get(0).message()
                    : errors.size() + " orders cannot be screened as sent; see errors", errors);
        }
    }

    private static void tooLong(List<Problem.FieldError> errors, String at, String field, String value) {
        int max = MAX_LENGTHS.get(field);
        if (value != null && value.length() > max) {
            errors.add(new Problem.FieldError(at + "." + field, field + " is " + value.length() + " characters long; at most "
                    + max + " are accepted"));
        }
    }

    /**
     * What the parser found wrong, in its own words but without the wrapping ("Error decoding property [List<OrderInput E>
     * orders] of type ...") and with the position as line and column.
     */
    private static String reason(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        message = WRAPPING.matcher(message).replaceAll("");
        return LOCATION.matcher(message).replaceAll(" (line $1, column $2)").strip();
    }

    /** The place a deserialization error names, as a JSON path from the body's root ($.orders[2].limitPrize). */
    private static String jsonPath(SerdeException e) {
        // the deserializers add their place as the error leaves them: innermost first
        List<ReferencePath> path = new ArrayList<>(e.getPath());
        java.util.Collections.reverse(path);
        StringBuilder text = new StringBuilder("$");
        for (ReferencePath element : path) {
            if (element instanceof CollectionItemReferencePath item) {
                text.append('[').append(item.index()).append(']');
            } else if (element instanceof MapItemReferencePath entry) {
                text.append('.').append(entry.key());
            } else if (element instanceof PropertyReferencePath property) {
                text.append('.').append(property.property().getName());
            }
        }
        return text.toString();
    }
}
