package org.staffpass.crypto.internal.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;

/**
 * RFC 9901 §7.1 step 3 to 5: resolves the disclosures against the digests of a verified payload
 * and builds the processed payload.
 *
 * <p>Linear in the input: each disclosure is hashed and parsed once into a digest-to-disclosure
 * map, and the payload and every disclosed value are walked once. Every digest met anywhere
 * (in {@code _sd} arrays and {@code {"...": digest}} elements, whether it resolves or not) goes
 * into one set, so a repeat is found however deep. Nesting beyond {@link StrictJson#MAX_DEPTH}
 * containers is refused before it is walked, so recursion depth stays bounded. Not
 * thread-safe: one instance per verification.
 */
public final class DisclosureProcessor {
    /** The result: the processed payload and the disclosures used, in the order presented. */
    public record Processed(ObjectNode payload, List<ProcessedDisclosure> disclosures) {
    }

    /**
     * One disclosure as resolved.
     *
     * @param path  where its claim sits in the processed payload: member names and array indices
     * @param name  the claim name, empty for an array element
     * @param value the value as written in the disclosure
     */
    public record ProcessedDisclosure(int index, String encoded, String digest, List<Object> path,
                                      Optional<String> name, JsonNode value) {
    }

    private static final String SD = "_sd";
    private static final String ELLIPSIS = "...";

    private final Map<String, Entry> byDigest;
    private final Set<String> seenDigests = new HashSet<>();
    private final List<ProcessedDisclosure> used = new ArrayList<>();

    private DisclosureProcessor(Map<String, Entry> byDigest) {
        this.byDigest = byDigest;
    }

    private static final class Entry {
        final int index;
        final String encoded;
        final String digest;
        final ArrayNode array;
        boolean referenced;

        Entry(int index, String encoded, String digest, ArrayNode array) {
            this.index = index;
            this.encoded = encoded;
            this.digest = digest;
            this.array = array;
        }
    }

    /** Thrown inside the walk to unwind it; never escapes this class. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        final ReasonCode reason;

        Refusal(ReasonCode reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** The digest of one disclosure (or any ASCII text): base64url of the hash of its ASCII bytes. */
    public static String digest(MessageDigest hash, String ascii) {
        return Base64Url.encode(hash.digest(ascii.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Processes {@code payload} (already signature-checked) with {@code disclosures}, hashing
     * with {@code hash}. The payload is not changed.
     */
    public static Verification<Processed> process(ObjectNode payload, List<String> disclosures, MessageDigest hash) {
        Map<String, Entry> byDigest = new HashMap<>(disclosures.size() * 2);
        List<Entry> entries = new ArrayList<>(disclosures.size());
        for (int i = 0; i < disclosures.size(); i++) {
            String encoded = disclosures.get(i);
            String what = "disclosure " + (i + 1);
            // One copy of the text serves both the check-and-decode pass and the digest.
            byte[] ascii = encoded.getBytes(StandardCharsets.ISO_8859_1);
            Optional<byte[]> decoded = Base64Url.decodeRange(ascii, 0, ascii.length);
            if (decoded.isEmpty()) {
                return Verification.rejected(ReasonCode.DISCLOSURE_MALFORMED, what + " is not canonical unpadded base64url");
            }
            String digest = Base64Url.encode(hash.digest(ascii));
            if (byDigest.containsKey(digest)) {
                return Verification.rejected(ReasonCode.DISCLOSURE_DUPLICATE, what + " repeats disclosure "
                        + (byDigest.get(digest).index + 1));
            }
            Verification<ArrayNode> parsed = StrictJson.parseArray(decoded.get(), what);
            if (parsed instanceof Verification.Rejected<ArrayNode> r) {
                return Verification.rejected(ReasonCode.DISCLOSURE_MALFORMED, r.message());
            }
            ArrayNode array = parsed.value();
            if (array.size() != 2 && array.size() != 3) {
                return Verification.rejected(ReasonCode.DISCLOSURE_MALFORMED, what + " has " + array.size()
                        + " elements; a disclosure is [salt, value] or [salt, name, value]");
            }
            if (!array.get(0).isTextual()) {
                return Verification.rejected(ReasonCode.DISCLOSURE_MALFORMED, what + ": the salt is not a string");
            }
            if (array.size() == 3 && !array.get(1).isTextual()) {
                return Verification.rejected(ReasonCode.DISCLOSURE_MALFORMED, what + ": the claim name is not a string");
            }
            Entry entry = new Entry(i, encoded, digest, array);
            byDigest.put(digest, entry);
            entries.add(entry);
        }
        DisclosureProcessor processor = new DisclosureProcessor(byDigest);
        ObjectNode processed;
        try {
            processed = processor.object(payload, null, 1);
        } catch (Refusal refusal) {
            return Verification.rejected(refusal.reason, refusal.getMessage());
        }
        processed.remove("_sd_alg");
        for (Entry entry : entries) {
            if (!entry.referenced) {
                return Verification.rejected(ReasonCode.DISCLOSURE_UNREFERENCED, "disclosure " + (entry.index + 1)
                        + " is referenced by no digest in the payload or in another disclosure");
            }
        }
        processor.used.sort(Comparator.comparingInt(ProcessedDisclosure::index));
        return Verification.accepted(new Processed(processed, List.copyOf(processor.used)));
    }

    /** A path in the tree being built, shared by children; made into a list only for a disclosure. */
    private record Path(Path parent, Object element) {
        List<Object> toList() {
            List<Object> out = new ArrayList<>();
            for (Path p = this; p != null; p = p.parent) {
                out.add(0, p.element);
            }
            return out;
        }

        static Path of(Path parent, Object element) {
            return new Path(parent, element);
        }
    }

    private JsonNode value(JsonNode node, Path path, int depth) throws Refusal {
        if (node.isObject()) {
            return object((ObjectNode) node, path, depth);
        }
        if (node.isArray()) {
            return array((ArrayNode) node, path, depth);
        }
        return node;
    }

    private static void checkDepth(int depth, Path path) throws Refusal {
        if (depth > StrictJson.MAX_DEPTH) {
            throw new Refusal(ReasonCode.MALFORMED, "processed SD-JWT payload nests deeper than " + StrictJson.MAX_DEPTH
                    + " levels at " + describe(path));
        }
    }

    private ObjectNode object(ObjectNode source, Path path, int depth) throws Refusal {
        checkDepth(depth, path);
        if (source.has(ELLIPSIS)) {
            throw new Refusal(ReasonCode.MALFORMED, "member '...' at " + describe(path)
                    + " outside an array-element digest {\"...\": digest}");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            if (!field.getKey().equals(SD)) {
                out.set(field.getKey(), value(field.getValue(), Path.of(path, field.getKey()), depth + 1));
            }
        }
        JsonNode sd = source.get(SD);
        if (sd == null) {
            return out;
        }
        if (!sd.isArray()) {
            throw new Refusal(ReasonCode.MALFORMED, "'_sd' at " + describe(path) + " is not an array of digests");
        }
        for (JsonNode digestNode : sd) {
            if (!digestNode.isTextual()) {
                throw new Refusal(ReasonCode.MALFORMED, "'_sd' at " + describe(path) + " holds something other than digest strings");
            }
            Entry entry = claimDigest(digestNode.textValue(), path);
            if (entry == null) {
                continue;
            }
            ArrayNode disclosure = entry.array;
            if (disclosure.size() != 3) {
                throw new Refusal(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, "disclosure " + (entry.index + 1)
                        + " is an array-element disclosure but its digest is in the '_sd' of an object at " + describe(path));
            }
            String name = disclosure.get(1).textValue();
            if (name.equals(SD) || name.equals(ELLIPSIS)) {
                throw new Refusal(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, "disclosure " + (entry.index + 1)
                        + " uses the reserved claim name " + StrictJson.printable(name));
            }
            if (out.has(name)) {
                throw new Refusal(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, "disclosure " + (entry.index + 1) + " discloses "
                        + StrictJson.printable(name) + ", which already exists at " + describe(path));
            }
            Path claimPath = Path.of(path, name);
            out.set(name, value(disclosure.get(2), claimPath, depth + 1));
            used.add(new ProcessedDisclosure(entry.index, entry.encoded, entry.digest, claimPath.toList(),
                    Optional.of(name), disclosure.get(2)));
        }
        return out;
    }

    private ArrayNode array(ArrayNode source, Path path, int depth) throws Refusal {
        checkDepth(depth, path);
        ArrayNode out = JsonNodeFactory.instance.arrayNode(source.size());
        for (JsonNode element : source) {
            if (element.isObject() && element.has(ELLIPSIS)) {
                JsonNode digestNode = element.get(ELLIPSIS);
                if (element.size() != 1 || !digestNode.isTextual()) {
                    throw new Refusal(ReasonCode.MALFORMED, "array element at " + describe(Path.of(path, out.size()))
                            + " uses '...' but is not exactly {\"...\": digest}");
                }
                Entry entry = claimDigest(digestNode.textValue(), path);
                if (entry == null) {
                    continue;
                }
                if (entry.array.size() != 2) {
                    throw new Refusal(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, "disclosure " + (entry.index + 1)
                            + " is an object-property disclosure but its digest is an array element at " + describe(path));
                }
                Path elementPath = Path.of(path, out.size());
                out.add(value(entry.array.get(1), elementPath, depth + 1));
                used.add(new ProcessedDisclosure(entry.index, entry.encoded, entry.digest, elementPath.toList(),
                        Optional.empty(), entry.array.get(1)));
            } else {
                out.add(value(element, Path.of(path, out.size()), depth + 1));
            }
        }
        return out;
    }

    /** Records a digest met in the tree; returns its disclosure, or null for an undisclosed or decoy digest. */
    private Entry claimDigest(String digest, Path path) throws Refusal {
        if (!seenDigests.add(digest)) {
            throw new Refusal(ReasonCode.DISCLOSURE_DUPLICATE, "a digest appears more than once in the payload (again at "
                    + describe(path) + ")");
        }
        Entry entry = byDigest.get(digest);
        if (entry != null) {
            entry.referenced = true;
        }
        return entry;
    }

    private static String describe(Path path) {
        if (path == null) {
            return "the top level";
        }
        StringBuilder out = new StringBuilder();
        for (Object element : path.toList()) {
            if (element instanceof String name) {
                out.append('/').append(StrictJson.printable(name), 1, StrictJson.printable(name).length() - 1);
            } else {
                out.append('/').append(element);
            }
        }
        return out.toString();
    }
}
