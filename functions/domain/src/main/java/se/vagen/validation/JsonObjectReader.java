package se.vagen.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object (Jackson tree) with type checks, reporting every problem to an
 * {@link Errors} under the field's path. A JSON {@code null} counts as absent. Texts are trimmed; a text
 * that is empty after trimming counts as absent too.
 */
public final class JsonObjectReader {

    private final JsonNode node;
    private final String path;
    private final Errors errors;

    public JsonObjectReader(JsonNode node, String path, Errors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    public String path() {
        return path;
    }

    public String path(String name) {
        return Errors.path(path, name);
    }

    public Errors errors() {
        return errors;
    }

    /** Reports every field that is not in {@code known}. */
    public void rejectUnknown(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(path(name), "field.unknown");
            }
        }
    }

    public boolean present(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
    }

    /** A trimmed text, or null when absent (reported when {@code required}) or of the wrong type. */
    public String text(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                errors.add(path(name), "field.required");
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path(name), "type.text");
            return null;
        }
        return value.asText().trim();
    }

    /** A text that passes {@link Texts#checkLine}: 1..max characters, no control characters. */
    public String line(String name, boolean required, int max) {
        String value = text(name, required);
        if (value == null) {
            return null;
        }
        return Texts.checkLine(value, max, path(name), errors) ? value : null;
    }

    /** A text mapped through {@code lookup}; {@code unknownCode} is reported when it maps to nothing. */
    public <T> T code(String name, boolean required, Function<String, Optional<T>> lookup, String unknownCode,
            Object... args) {
        String value = text(name, required);
        if (value == null) {
            return null;
        }
        Optional<T> found = lookup.apply(value);
        if (found.isEmpty()) {
            errors.add(path(name), unknownCode, args);
            return null;
        }
        return found.get();
    }

    public BigDecimal number(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path(name), "field.required");
            }
            return null;
        }
        if (!value.isNumber()) {
            errors.add(path(name), "type.number");
            return null;
        }
        return value.decimalValue();
    }

    public Integer integer(String name, boolean required) {
        BigDecimal value = number(name, required);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            errors.add(path(name), "type.integer");
            return null;
        }
    }

    /** An ISO date (yyyy-MM-dd), strictly: 2026-02-30 is an error, not 2026-03-02. */
    public LocalDate date(String name, boolean required) {
        String value = text(name, required);
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1900 || day.getYear() > 2100) {
                errors.add(path(name), "date.out-of-range");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(path(name), "date.invalid");
            return null;
        }
    }

    /** A nested object's reader, or empty when absent (reported when required) or not an object. */
    public Optional<JsonObjectReader> object(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path(name), "field.required");
            }
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode)) {
            errors.add(path(name), "type.object");
            return Optional.empty();
        }
        return Optional.of(new JsonObjectReader(value, path(name), errors));
    }

    /** Readers for the objects of an array; elements that are not objects are reported. */
    public List<JsonObjectReader> objects(String name, int max) {
        JsonNode value = node.get(name);
        List<JsonObjectReader> readers = new ArrayList<>();
        if (value == null || value.isNull()) {
            return readers;
        }
        if (!value.isArray()) {
            errors.add(path(name), "type.array");
            return readers;
        }
        if (value.size() > max) {
            errors.add(path(name), "array.too-long", max);
            return readers;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = Errors.index(path(name), i);
            if (element instanceof ObjectNode) {
                readers.add(new JsonObjectReader(element, elementPath, errors));
            } else {
                errors.add(elementPath, "type.object");
            }
        }
        return readers;
    }
}
