package org.iris.platform.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON merge patch (RFC 7396) or a JSON body field by field, collecting every field that is
 * unknown or of the wrong type, so that one answer names them all and nothing is changed.
 */
public final class MergePatch {

    /** The media type of a JSON merge patch; Iris takes plain JSON for it too. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param value   the body: an object; any other JSON value is refused (a JSON-P parameter of a
     *                narrower type would fail on it inside JAX-RS, with a 500)
     * @param allowed the fields that may appear; any other is refused
     */
    public MergePatch(JsonValue value, Set<String> allowed) {
        if (!(value instanceof JsonObject object)) {
            throw new InvalidRequest("The body must be a JSON object.");
        }
        this.body = object;
        body.keySet().stream().filter(key -> !allowed.contains(key)).sorted()
                .forEach(key -> errors.add(new FieldError(key, "cannot be changed here")));
    }

    public boolean has(String field) {
        return body.containsKey(field);
    }

    /** Whether the field is present as {@code null}: in a merge patch, "remove" or "back to the default". */
    public boolean isNull(String field) {
        return body.containsKey(field) && body.isNull(field);
    }

    public Optional<String> string(String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        errors.add(new FieldError(field, "must be a string"));
        return Optional.empty();
    }

    public Optional<Boolean> bool(String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        errors.add(new FieldError(field, "must be true or false"));
        return Optional.empty();
    }

    public Optional<Integer> integer(String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return Optional.of(number.intValueExact());
            } catch (ArithmeticException e) {
                // falls through to the error below
            }
        }
        errors.add(new FieldError(field, "must be a whole number"));
        return Optional.empty();
    }

    public Optional<Set<String>> strings(String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY
                && value.asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
            Set<String> texts = new LinkedHashSet<>();
            value.asJsonArray().forEach(item -> texts.add(((JsonString) item).getString()));
            return Optional.of(texts);
        }
        errors.add(new FieldError(field, "must be an array of strings"));
        return Optional.empty();
    }

    /** A string naming a constant of the enum, in any case. */
    public <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        return string(field).flatMap(text -> {
            try {
                return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "one of " + choices(type)));
                return Optional.empty();
            }
        });
    }

    public static <E extends Enum<E>> String choices(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** Records a field whose value is of the right type but not one that can be taken. */
    public void refuse(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** @throws InvalidRequest naming every field that was wrong, if any was */
    public void check(String message) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(message, errors);
        }
    }
}
