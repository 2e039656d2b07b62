package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.staffpass.crypto.sdjwt.ClaimPath;

/**
 * Turns the JSON Pointers of {@code CredentialType.selectivelyDisclosable()} into the SD-JWT
 * claim paths of one claims object. Passport pointers are a top-level member ({@code /name})
 * or each element of a top-level array ({@code /name/*}); nothing deeper is used.
 */
public final class ClaimPointers {
    private ClaimPointers() {
    }

    /** The claim paths {@code pointers} name in {@code claims}; absent members give none. */
    public static List<ClaimPath> paths(ObjectNode claims, List<String> pointers) {
        List<ClaimPath> paths = new ArrayList<>();
        for (String pointer : pointers) {
            String[] tokens = pointer.substring(1).split("/", -1);
            JsonNode member = claims.get(tokens[0]);
            if (member == null) {
                continue;
            }
            if (tokens.length == 1) {
                paths.add(ClaimPath.of(tokens[0]));
            } else if (tokens.length == 2 && tokens[1].equals("*") && member.isArray()) {
                for (int i = 0; i < member.size(); i++) {
                    paths.add(ClaimPath.of(tokens[0], i));
                }
            } else {
                throw new IllegalStateException("pointer form not supported: " + pointer);
            }
        }
        return paths;
    }

    /** The JSON Pointer of a claim path ({@code ["subjects", 2]} is {@code /subjects/2}). */
    public static String pointer(ClaimPath path) {
        StringBuilder out = new StringBuilder();
        for (Object element : path.elements()) {
            out.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
