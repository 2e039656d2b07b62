package org.staffpass.crypto.sdjwt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a claim sits in a JWT claims set: object member names and array indices from the top,
 * as in SD-JWT VC claim paths. {@code ClaimPath.of("address", "region")} is the {@code region}
 * member of the top-level {@code address} object; {@code ClaimPath.of("nationalities", 1)} the
 * second element of the {@code nationalities} array.
 *
 * <p>Immutable; equal when the elements are equal. Prints as a JSON array.
 *
 * @since 0.1
 */
public final class ClaimPath {
    private final List<Object> elements;

    private ClaimPath(List<Object> elements) {
        this.elements = Collections.unmodifiableList(elements);
    }

    /**
     * A path of member names ({@link String}) and array indices (non-negative {@link Integer}).
     *
     * @throws IllegalArgumentException if empty, or an element is neither, or an index is negative
     */
    public static ClaimPath of(Object... elements) {
        Objects.requireNonNull(elements, "elements");
        if (elements.length == 0) {
            throw new IllegalArgumentException("a claim path names at least one claim");
        }
        List<Object> copy = new ArrayList<>(elements.length);
        for (Object element : elements) {
            copy.add(checked(element));
        }
        return new ClaimPath(copy);
    }

    private static Object checked(Object element) {
        Objects.requireNonNull(element, "path element");
        if (element instanceof String) {
            return element;
        }
        if (element instanceof Integer index) {
            if (index < 0) {
                throw new IllegalArgumentException("array index must not be negative: " + index);
            }
            return index;
        }
        throw new IllegalArgumentException("a path element is a member name (String) or an array index (Integer), not "
                + element.getClass().getSimpleName());
    }

    /** The path of member {@code name} of the object at this path. */
    public ClaimPath member(String name) {
        return append(Objects.requireNonNull(name, "name"));
    }

    /** The path of element {@code index} of the array at this path. */
    public ClaimPath element(int index) {
        return append(checked(index));
    }

    private ClaimPath append(Object element) {
        List<Object> copy = new ArrayList<>(elements.size() + 1);
        copy.addAll(elements);
        copy.add(element);
        return new ClaimPath(copy);
    }

    /** The elements, each a {@link String} member name or an {@link Integer} index. */
    public List<Object> elements() {
        return elements;
    }

    /** How many elements the path has (at least one). */
    public int depth() {
        return elements.size();
    }

    /** Whether this path equals {@code other} or leads to a claim inside it. */
    public boolean startsWith(ClaimPath other) {
        return other.elements.size() <= elements.size() && elements.subList(0, other.elements.size()).equals(other.elements);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimPath that && elements.equals(that.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    /** The path as a JSON array, for example {@code ["nationalities",1]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object element = elements.get(i);
            if (element instanceof String name) {
                out.append('"');
                for (int c = 0; c < name.length(); c++) {
                    char ch = name.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        out.append('\\').append(ch);
                    } else if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
                out.append('"');
            } else {
                out.append(element);
            }
        }
        return out.append(']').toString();
    }
}
