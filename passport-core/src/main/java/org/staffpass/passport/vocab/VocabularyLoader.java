package org.staffpass.passport.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.staffpass.passport.internal.StrictJsonReader;

/**
 * Reads one bundled vocabulary file strictly: every member is known, every required member is
 * present with the right type, codes are unique, and the file names its sources. A bundled
 * file that breaks a rule is a build error, so this throws {@link IllegalStateException}
 * naming the file and JSON pointer.
 */
final class VocabularyLoader {
    private static final Set<String> FILE_MEMBERS = Set.of("vocabulary", "version", "sources", "entries");
    private static final Set<String> SOURCE_MEMBERS = Set.of("title", "publisher", "date", "unconfirmed");
    /** Bounds a bundled file can never need to exceed; a larger one is a packaging mistake. */
    private static final int MAX_BYTES = 1 << 20;
    private static final int MAX_TEXT = 500;

    private final String name;
    private final ObjectNode root;

    private VocabularyLoader(String name, ObjectNode root) {
        this.name = name;
        this.root = root;
    }

    /** Loads {@code org/staffpass/passport/vocab/<name>.json} from this module. */
    static VocabularyLoader load(String name) {
        String resource = name + ".json";
        try (InputStream in = VocabularyLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("vocabulary " + resource + " is not on the class path");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalStateException("vocabulary " + resource + " is larger than " + MAX_BYTES + " bytes");
            }
            return new VocabularyLoader(resource, StrictJsonReader.readObject(bytes, "vocabulary " + resource));
        } catch (IOException e) {
            throw new UncheckedIOException("vocabulary " + resource + " is not strict JSON", e);
        }
    }

    /** The file's header, checked: its name matches, version is positive, sources are complete. */
    VocabularyFile file(String expectedName) {
        members(root, "", FILE_MEMBERS, FILE_MEMBERS);
        String declared = text(root, "", "vocabulary");
        if (!declared.equals(expectedName)) {
            throw fail("/vocabulary", "names vocabulary '" + declared + "', expected '" + expectedName + "'");
        }
        int version = integer(root, "", "version", 1, 1_000_000);
        List<VocabularySource> sources = new ArrayList<>();
        JsonNode array = array(root, "", "sources");
        for (int i = 0; i < array.size(); i++) {
            String path = "/sources/" + i;
            ObjectNode source = object(array.get(i), path);
            members(source, path, SOURCE_MEMBERS, Set.of("title", "publisher", "date"));
            sources.add(new VocabularySource(text(source, path, "title"), text(source, path, "publisher"),
                    text(source, path, "date"), optionalBoolean(source, path, "unconfirmed")));
        }
        if (sources.isEmpty()) {
            throw fail("/sources", "names no source");
        }
        return new VocabularyFile(declared, version, sources);
    }

    /**
     * Reads every entry with {@code reader}; {@code code} names an entry's code so duplicates
     * are refused.
     */
    <T> List<T> entries(Set<String> members, Set<String> required, Function<Entry, T> reader, Function<T, Object> code) {
        JsonNode array = array(root, "", "entries");
        if (array.isEmpty()) {
            throw fail("/entries", "is empty");
        }
        List<T> out = new ArrayList<>();
        Set<Object> codes = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "/entries/" + i;
            ObjectNode node = object(array.get(i), path);
            members(node, path, members, required);
            T entry = reader.apply(new Entry(node, path));
            if (!codes.add(code.apply(entry))) {
                throw fail(path + "/code", "repeats code " + code.apply(entry));
            }
            out.add(entry);
        }
        return List.copyOf(out);
    }

    /** One entry object, with typed readers that fail naming file and pointer. */
    final class Entry {
        private final ObjectNode node;
        private final String path;

        Entry(ObjectNode node, String path) {
            this.node = node;
            this.path = path;
        }

        String text(String member) {
            return VocabularyLoader.this.text(node, path, member);
        }

        Optional<String> optionalText(String member) {
            return node.has(member) ? Optional.of(text(member)) : Optional.empty();
        }

        /** A code: upper-case letters, digits and underscores, as claims carry it. */
        String code() {
            String code = text("code");
            if (!code.matches("^[A-Z0-9][A-Z0-9_]{0,39}$")) {
                throw fail(path + "/code", "is not a code (A-Z, 0-9, _; at most 40)");
            }
            return code;
        }

        int integer(String member, int min, int max) {
            return VocabularyLoader.this.integer(node, path, member, min, max);
        }

        OptionalInt optionalInteger(String member, int min, int max) {
            return node.has(member) ? OptionalInt.of(integer(member, min, max)) : OptionalInt.empty();
        }

        boolean bool(String member) {
            JsonNode value = node.get(member);
            if (value == null || !value.isBoolean()) {
                throw fail(path + "/" + member, "is not a boolean");
            }
            return value.booleanValue();
        }

        Period months(String member) {
            return Period.ofMonths(integer(member, 1, 1200));
        }

        <E extends Enum<E>> E enumValue(String member, Class<E> type) {
            String value = text(member);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw fail(path + "/" + member, "is not a " + type.getSimpleName());
        }

        Confidence confidence() {
            return enumValue("confidence", Confidence.class);
        }

        /** Nested objects of an array member, each read with {@code reader}. */
        <T> List<T> objects(String member, Set<String> members, Set<String> required, Function<Entry, T> reader) {
            JsonNode array = array(node, path, member);
            List<T> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String itemPath = path + "/" + member + "/" + i;
                ObjectNode item = object(array.get(i), itemPath);
                VocabularyLoader.this.members(item, itemPath, members, required);
                out.add(reader.apply(new Entry(item, itemPath)));
            }
            return out;
        }

        IllegalStateException fail(String pointer, String problem) {
            return VocabularyLoader.this.fail(pointer, problem);
        }

        String path() {
            return path;
        }
    }

    private void members(ObjectNode node, String path, Set<String> allowed, Set<String> required) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String member = names.next();
            if (!allowed.contains(member)) {
                throw fail(path + "/" + member, "is not a known member");
            }
        }
        for (String member : required) {
            if (!node.has(member)) {
                throw fail(path + "/" + member, "is missing");
            }
        }
    }

    private String text(ObjectNode node, String path, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.textValue().isBlank() || value.textValue().length() > MAX_TEXT) {
            throw fail(path + "/" + member, "is not a non-blank string of at most " + MAX_TEXT + " characters");
        }
        return value.textValue();
    }

    private boolean optionalBoolean(ObjectNode node, String path, String member) {
        JsonNode value = node.get(member);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw fail(path + "/" + member, "is not a boolean");
        }
        return value.booleanValue();
    }

    private int integer(ObjectNode node, String path, String member, int min, int max) {
        JsonNode value = node.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()
                || value.intValue() < min || value.intValue() > max) {
            throw fail(path + "/" + member, "is not an integer in [" + min + ", " + max + "]");
        }
        return value.intValue();
    }

    private JsonNode array(ObjectNode node, String path, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isArray()) {
            throw fail(path + "/" + member, "is not an array");
        }
        return value;
    }

    private ObjectNode object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw fail(path, "is not an object");
        }
        return (ObjectNode) node;
    }

    private IllegalStateException fail(String pointer, String problem) {
        return new IllegalStateException("vocabulary " + name + " " + pointer + " " + problem);
    }
}
