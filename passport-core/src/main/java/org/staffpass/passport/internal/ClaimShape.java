package org.staffpass.passport.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The members one JSON object of a credential's claims may have, in the order they are
 * written, and which of them are required. The single declaration the reader's allow-list,
 * the writer's order and the schema test all use. Immutable.
 *
 * @param name     the object's name in docs and JSON Schema {@code $defs} (the credential
 *                 type's name for the top level)
 * @param members  every member, in writing order
 * @param required the members that must be present
 */
public record ClaimShape(String name, List<String> members, Set<String> required) {
    public ClaimShape {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        required = Set.copyOf(required);
        if (!new LinkedHashSet<>(members).containsAll(required) || Set.copyOf(members).size() != members.size()) {
            throw new IllegalArgumentException(name + ": required members must be members, members unique");
        }
    }

    /** A shape from member names, where a leading {@code ?} marks an optional member. */
    public static ClaimShape of(String name, String... members) {
        List<String> names = new java.util.ArrayList<>();
        Set<String> required = new LinkedHashSet<>();
        for (String member : members) {
            boolean optional = member.startsWith("?");
            String plain = optional ? member.substring(1) : member;
            names.add(plain);
            if (!optional) {
                required.add(plain);
            }
        }
        return new ClaimShape(name, names, required);
    }
}
