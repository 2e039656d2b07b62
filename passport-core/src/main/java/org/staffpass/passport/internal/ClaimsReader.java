package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.staffpass.passport.credential.CredentialProblem;
import org.staffpass.passport.credential.CredentialViolation;

/**
 * Reads typed values out of an untrusted claims tree, recording every problem with its JSON
 * Pointer instead of stopping at the first. Each getter answers {@link Optional#empty()} when
 * the member is absent or unusable; {@link #ok()} says whether anything was wrong, so a codec
 * builds its record only from a clean read. Never throws for bad data. One instance per read;
 * not thread-safe.
 */
public final class ClaimsReader {
    private final List<CredentialViolation> problems = new ArrayList<>();

    /** Whether no problem has been recorded. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The problems recorded so far. */
    public List<CredentialViolation> problems() {
        return List.copyOf(problems);
    }

    /** Records a problem. */
    public void problem(CredentialProblem problem, String path) {
        problems.add(CredentialViolation.of(problem, path));
    }

    /**
     * Checks {@code node}'s members against the shape: unknown members ({@code extra} are
     * tolerated too) and missing required ones are problems.
     */
    public void shape(ObjectNode node, String path, ClaimShape shape, Set<String> extra) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!shape.members().contains(name) && !extra.contains(name)) {
                problem(CredentialProblem.UNKNOWN_CLAIM, path + "/" + escape(name));
            }
        }
        for (String name : shape.members()) {
            if (shape.required().contains(name) && !node.has(name)) {
                problem(CredentialProblem.MISSING_CLAIM, path + "/" + name);
            }
        }
    }

    /** RFC 6901 escaping of a member name taken from input. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** {@code value} as an object, or a problem. */
    public Optional<ObjectNode> object(JsonNode value, String path) {
        if (value instanceof ObjectNode object) {
            return Optional.of(object);
        }
        problem(CredentialProblem.WRONG_JSON_TYPE, path);
        return Optional.empty();
    }

    /** A string member. */
    public Optional<String> text(ObjectNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(CredentialProblem.WRONG_JSON_TYPE, path + "/" + name);
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** A string element of an array. */
    public Optional<String> text(JsonNode value, String path) {
        if (!value.isTextual()) {
            problem(CredentialProblem.WRONG_JSON_TYPE, path);
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** A vocabulary code member, wrapped by {@code wrap}. */
    public <C> Optional<C> code(ObjectNode node, String path, String name, Function<String, C> wrap) {
        return text(node, path, name).map(wrap);
    }

    /** A boolean member. */
    public Optional<Boolean> bool(ObjectNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problem(CredentialProblem.WRONG_JSON_TYPE, path + "/" + name);
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /** An integer member (an integral JSON number; a huge one is out of range). */
    public Optional<Integer> integer(ObjectNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            problem(CredentialProblem.WRONG_JSON_TYPE, path + "/" + name);
            return Optional.empty();
        }
        if (!value.canConvertToInt()) {
            problem(CredentialProblem.NUMBER_RANGE, path + "/" + name);
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /** A full-date member ({@code YYYY-MM-DD}, RFC 3339 full-date, a real calendar day). */
    public Optional<LocalDate> date(ObjectNode node, String path, String name) {
        Optional<String> text = text(node, path, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = fullDate(text.get());
        if (date.isEmpty()) {
            problem(CredentialProblem.INVALID_DATE, path + "/" + name);
        }
        return date;
    }

    /**
     * {@code YYYY-MM-DD} with ASCII digits, naming a day of the ISO calendar (so
     * {@code 2023-02-29} and {@code 2024-04-31} are not dates). Read by hand: every credential
     * has several dates, and a pattern match plus {@code LocalDate.parse} cost more than the
     * rest of its claims reading.
     */
    static Optional<LocalDate> fullDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** The number written by the ASCII digits {@code text[from, to)}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A member naming a constant of {@code type} exactly. */
    public <E extends Enum<E>> Optional<E> enumValue(ObjectNode node, String path, String name, Class<E> type) {
        return text(node, path, name).flatMap(text -> constant(text, path + "/" + name, type));
    }

    /** A string element naming a constant of {@code type} exactly. */
    public <E extends Enum<E>> Optional<E> enumValue(JsonNode value, String path, Class<E> type) {
        return text(value, path).flatMap(text -> constant(text, path, type));
    }

    private <E extends Enum<E>> Optional<E> constant(String text, String path, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return Optional.of(constant);
            }
        }
        problem(CredentialProblem.UNKNOWN_VALUE, path);
        return Optional.empty();
    }

    /** An object member read by {@code reader}. */
    public <T> Optional<T> nested(ObjectNode node, String path, String name,
            BiFunction<ObjectNode, String, Optional<T>> reader) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String memberPath = path + "/" + name;
        return object(value, memberPath).flatMap(object -> reader.apply(object, memberPath));
    }

    /**
     * An array member, each element read by {@code element} (given the element and its
     * path). An array longer than {@link ClaimLimits#MAX_ITEMS} is refused unread. Answers
     * empty unless the member is present and every element read cleanly.
     */
    public <T> Optional<List<T>> list(ObjectNode node, String path, String name,
            BiFunction<JsonNode, String, Optional<T>> element) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String memberPath = path + "/" + name;
        if (!value.isArray()) {
            problem(CredentialProblem.WRONG_JSON_TYPE, memberPath);
            return Optional.empty();
        }
        if (value.size() > ClaimLimits.MAX_ITEMS) {
            problem(CredentialProblem.COLLECTION_SIZE, memberPath);
            return Optional.empty();
        }
        List<T> out = new ArrayList<>(value.size());
        boolean clean = true;
        for (int i = 0; i < value.size(); i++) {
            Optional<T> item = element.apply(value.get(i), memberPath + "/" + i);
            clean &= item.isPresent();
            item.ifPresent(out::add);
        }
        return clean ? Optional.of(out) : Optional.empty();
    }

    /** An array of object elements, each read by {@code reader}. */
    public <T> Optional<List<T>> objects(ObjectNode node, String path, String name,
            BiFunction<ObjectNode, String, Optional<T>> reader) {
        return list(node, path, name, (value, itemPath) -> object(value, itemPath).flatMap(o -> reader.apply(o, itemPath)));
    }

    /** An array of distinct enum constants; a repeat is {@code DUPLICATE_ENTRY}. */
    public <E extends Enum<E>> Optional<List<E>> enumSet(ObjectNode node, String path, String name, Class<E> type) {
        Set<E> seen = new HashSet<>();
        return list(node, path, name, (value, itemPath) -> enumValue(value, itemPath, type).flatMap(constant -> {
            if (!seen.add(constant)) {
                problem(CredentialProblem.DUPLICATE_ENTRY, itemPath);
                return Optional.empty();
            }
            return Optional.of(constant);
        }));
    }
}
