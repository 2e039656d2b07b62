package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes claims members in call order (so the codec's order is the output's order): dates as
 * {@code YYYY-MM-DD}, enum constants by name, absent optionals omitted, lists as arrays.
 */
public final class ClaimsWriter {
    private final ObjectNode node;

    public ClaimsWriter(ObjectNode node) {
        this.node = node;
    }

    /** A writer for a new object. */
    public static ClaimsWriter object() {
        return new ClaimsWriter(StrictJsonReader.nodes().objectNode());
    }

    /** The object written to. */
    public ObjectNode node() {
        return node;
    }

    public ClaimsWriter text(String name, String value) {
        node.put(name, value);
        return this;
    }

    public ClaimsWriter text(String name, Optional<String> value) {
        value.ifPresent(v -> node.put(name, v));
        return this;
    }

    public ClaimsWriter code(String name, Object code) {
        node.put(name, code.toString());
        return this;
    }

    public ClaimsWriter bool(String name, boolean value) {
        node.put(name, value);
        return this;
    }

    public ClaimsWriter bool(String name, Optional<Boolean> value) {
        value.ifPresent(v -> node.put(name, v));
        return this;
    }

    public ClaimsWriter integer(String name, int value) {
        node.put(name, value);
        return this;
    }

    public ClaimsWriter date(String name, LocalDate value) {
        node.put(name, value.toString());
        return this;
    }

    public ClaimsWriter date(String name, Optional<LocalDate> value) {
        value.ifPresent(v -> date(name, v));
        return this;
    }

    public ClaimsWriter enumValue(String name, Enum<?> value) {
        node.put(name, value.name());
        return this;
    }

    /** An array of strings: enum constants by name, anything else by {@code toString()}. */
    public ClaimsWriter strings(String name, Collection<?> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(value -> array.add(value instanceof Enum<?> constant ? constant.name() : value.toString()));
        return this;
    }

    /** An array of objects, each written by {@code writer}. */
    public <T> ClaimsWriter objects(String name, Collection<T> values, BiConsumer<T, ClaimsWriter> writer) {
        ArrayNode array = node.putArray(name);
        for (T value : values) {
            writer.accept(value, new ClaimsWriter(array.addObject()));
        }
        return this;
    }

    /** A nested object, if present. */
    public <T> ClaimsWriter object(String name, Optional<T> value, BiConsumer<T, ClaimsWriter> writer) {
        value.ifPresent(v -> writer.accept(v, new ClaimsWriter(node.putObject(name))));
        return this;
    }
}
