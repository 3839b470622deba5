package trimtab.api.book;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import trimtab.api.web.ApiException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a request body into the request records, refusing what the records cannot say: malformed JSON, a field
 * the record does not have (a misspelt {@code "quantiy"} would otherwise be dropped silently and the lot stored
 * without it), or a value of the wrong kind (text where a number belongs, a date that is not YYYY-MM-DD). Each
 * is a 400 naming the JSON path of the offending value.
 *
 * <p>The body is first parsed into a tree and walked alongside the record types, which knows the path; it is
 * then bound from the original bytes, so that decimals keep exactly the digits sent.
 */
@Singleton
public final class StrictJson {
    private final JsonMapper mapper;

    StrictJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(byte[] body, Argument<T> type) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("the request has no body", "$", "a JSON body is required");
        }
        JsonNode tree;
        try {
            tree = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            String reason = firstLine(e);
            throw ApiException.badRequest("the body is not valid JSON: " + reason, "$", reason);
        }
        if (tree == null || tree.isNull()) {
            throw ApiException.badRequest("the body is null", "$", "a JSON body is required");
        }
        RequestErrors errors = new RequestErrors();
        check(tree, type, JsonPath.ROOT, errors);
        errors.throwIfAny(HttpStatus.BAD_REQUEST, "malformed-request");
        try {
            return mapper.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            // The walk above accepts only what the records can hold; this is a safety net, still a 400.
            String reason = firstLine(e);
            throw ApiException.badRequest("the body cannot be read: " + reason, "$", reason);
        }
    }

    private static void check(JsonNode node, Argument<?> type, JsonPath path, RequestErrors errors) {
        Class<?> javaType = type.getType();
        if (node == null || node.isNull()) {
            if (javaType.isPrimitive()) {
                errors.add(path, "must not be null");
            }
            return;
        }
        if (javaType == String.class) {
            expect(node.isString(), "text", path, errors);
        } else if (javaType == BigDecimal.class) {
            expect(node.isNumber(), "a number", path, errors);
        } else if (javaType == Boolean.class || javaType == boolean.class) {
            expect(node.isBoolean(), "true or false", path, errors);
        } else if (javaType == Integer.class || javaType == int.class || javaType == Long.class || javaType == long.class) {
            expect(node.isNumber() && isWhole(node), "a whole number", path, errors);
        } else if (javaType == LocalDate.class) {
            checkDate(node, path, errors);
        } else if (Collection.class.isAssignableFrom(javaType)) {
            if (expect(node.isArray(), "an array", path, errors)) {
                Argument<?> element = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
                int i = 0;
                for (JsonNode item : node.values()) {
                    check(item, element, path.index(i++), errors);
                }
            }
        } else {
            Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(javaType);
            if (introspection.isPresent() && expect(node.isObject(), "an object", path, errors)) {
                checkObject(node, introspection.get(), path, errors);
            }
        }
    }

    private static void checkObject(JsonNode node, BeanIntrospection<?> introspection, JsonPath path, RequestErrors errors) {
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            JsonPath fieldPath = path.field(field.getKey());
            Optional<? extends BeanProperty<?, Object>> property = introspection.getProperty(field.getKey());
            if (property.isEmpty()) {
                errors.add(fieldPath, "unknown field '" + field.getKey() + "'; the fields here are "
                        + String.join(", ", introspection.getPropertyNames()));
            } else {
                check(field.getValue(), property.get().asArgument(), fieldPath, errors);
            }
        }
    }

    private static void checkDate(JsonNode node, JsonPath path, RequestErrors errors) {
        if (expect(node.isString(), "a date as YYYY-MM-DD", path, errors)) {
            try {
                LocalDate.parse(node.getStringValue());
            } catch (DateTimeParseException e) {
                errors.add(path, "'" + node.getStringValue() + "' is not a date as YYYY-MM-DD");
            }
        }
    }

    private static boolean isWhole(JsonNode node) {
        try {
            node.getBigDecimalValue().toBigIntegerExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static boolean expect(boolean ok, String what, JsonPath path, RequestErrors errors) {
        if (!ok) {
            errors.add(path, "must be " + what);
        }
        return ok;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
