package org.staffpass.crypto.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.testing.Property;

/**
 * Properties of issue, present and verify over generated claim trees and disclosure choices:
 * the verifier sees exactly what the holder revealed; a key-bound presentation survives no
 * change; arbitrary input is always answered.
 */
class SdJwtProperties {
    private static final String[] NAMES = {"a", "b", "given_name", "address", "x", "n", "list", "deep", "\u00e9t\u00e9", "k"};

    /** A generated case: claims, the paths made disclosable, the paths revealed. */
    record Case(ObjectNode claims, List<ClaimPath> disclosable, List<ClaimPath> reveal, long seed) {
        @Override
        public String toString() {
            return StrictJson.write(claims) + " sd=" + disclosable + " reveal=" + reveal;
        }
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 4 : 6);
        switch (kind) {
            case 0:
                return JsonNodeFactory.instance.textNode("v" + random.nextInt(1000));
            case 1:
                return JsonNodeFactory.instance.numberNode(random.nextInt(2000) - 1000);
            case 2:
                return JsonNodeFactory.instance.booleanNode(random.nextBoolean());
            case 3:
                return random.nextInt(5) == 0 ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode("");
            case 4:
                return object(random, depth + 1);
            default:
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(value(random, depth + 1));
                }
                return array;
        }
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            object.set(NAMES[random.nextInt(NAMES.length)], value(random, depth + 1));
        }
        return object;
    }

    private static void paths(JsonNode node, ClaimPath path, List<ClaimPath> out) {
        if (path != null) {
            out.add(path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                paths(field.getValue(), path == null ? ClaimPath.of(field.getKey()) : path.member(field.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths(node.get(i), path.element(i), out);
            }
        }
    }

    static Case generate(Random random) {
        ObjectNode claims = object(random, 0);
        claims.put("iss", "https://issuer.example").put("iat", NOW.getEpochSecond() - 5).put("exp", NOW.getEpochSecond() + 600);
        List<ClaimPath> all = new ArrayList<>();
        paths(claims, null, all);
        all.removeIf(p -> p.depth() == 1 && List.of("iss", "exp").contains(p.elements().get(0)));
        List<ClaimPath> disclosable = new ArrayList<>();
        List<ClaimPath> reveal = new ArrayList<>();
        for (ClaimPath p : all) {
            if (random.nextInt(3) > 0) {
                disclosable.add(p);
            }
            if (random.nextInt(4) == 0) {
                reveal.add(p);
            }
        }
        return new Case(claims, disclosable, reveal, random.nextLong());
    }

    private static boolean included(ClaimPath path, List<ClaimPath> reveal) {
        return reveal.stream().anyMatch(r -> r.startsWith(path) || path.startsWith(r));
    }

    /** The claims as the verifier should see them: undisclosed selectively disclosable claims gone. */
    private static JsonNode restrict(JsonNode node, ClaimPath path, Case c) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                ClaimPath child = path == null ? ClaimPath.of(field.getKey()) : path.member(field.getKey());
                if (!c.disclosable().contains(child) || included(child, c.reveal())) {
                    out.set(field.getKey(), restrict(field.getValue(), child, c));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                ClaimPath child = path.element(i);
                if (!c.disclosable().contains(child) || included(child, c.reveal())) {
                    out.add(restrict(node.get(i), child, c));
                }
            }
            return out;
        }
        return node;
    }

    private static JsonNode normalised(JsonNode node) {
        return StrictJson.parseObject(StrictJson.write(node), "expected").value();
    }

    private static String issue(Case c) {
        return SdJwtIssuer.builder().signingKey(ISSUER).random(SdJwtIssuerTest.seeded(c.seed())).decoys((int) (c.seed() & 3)).build()
                .issue(c.claims(), c.disclosable(), HOLDER.verificationKey()).compact();
    }

    private static String presentBound(Case c) {
        VerifiedSdJwt credential = assertAccepted(verifier().verify(issue(c), KeyBinding.forbidden()));
        return SdJwtPresenter.of(CLOCK).present(credential, c.reveal(), HOLDER, AUD, NONCE);
    }

    @Test
    void theVerifierSeesExactlyTheRevealedClaims() {
        Property.forAll("sd-jwt round trip", SdJwtProperties::generate, c -> {
            String issued = issue(c);
            VerifiedSdJwt holder = assertAccepted(verifier().verify(issued, KeyBinding.forbidden()));
            ObjectNode full = c.claims().deepCopy();
            full.putObject("cnf").set("jwk", HOLDER.verificationKey().toJwk());
            assertEquals(normalised(full), holder.claims(), "the holder sees everything");
            assertEquals(c.disclosable().size(), holder.disclosures().size());

            String presented = SdJwtPresenter.of(CLOCK).present(holder, c.reveal(), HOLDER, AUD, NONCE);
            VerifiedSdJwt verified = assertAccepted(verifyBound(presented));
            ObjectNode expected = (ObjectNode) restrict(c.claims(), null, c);
            expected.putObject("cnf").set("jwk", HOLDER.verificationKey().toJwk());
            assertEquals(normalised(expected), verified.claims());
            long revealed = c.disclosable().stream().filter(p -> included(p, c.reveal())).count();
            assertEquals(revealed, verified.disclosures().size(), "exactly the disclosures of revealed claims and their containers");
        });
    }

    @Test
    void droppingOrAlteringAnyDisclosureOfAKeyBoundPresentationIsDetected() {
        Property.forAll("sd-jwt tamper", Property.scaled(150), SdJwtProperties::generate, c -> {
            String presented = presentBound(c);
            String[] parts = presented.split("~", -1);
            int disclosures = parts.length - 2;
            Random random = new Random(c.seed());
            for (int i = 1; i <= disclosures; i++) {
                List<String> dropped = new ArrayList<>(List.of(parts));
                dropped.remove(i);
                assertFalse(verifyBound(String.join("~", dropped)).isAccepted(), "dropped disclosure " + i);
                List<String> altered = new ArrayList<>(List.of(parts));
                String d = altered.get(i);
                int at = random.nextInt(d.length());
                char replacement = d.charAt(at) == 'A' ? 'B' : 'A';
                altered.set(i, d.substring(0, at) + replacement + d.substring(at + 1));
                assertFalse(verifyBound(String.join("~", altered)).isAccepted(), "altered disclosure " + i);
                List<String> repeated = new ArrayList<>(List.of(parts));
                repeated.add(i, d);
                assertFalse(verifyBound(String.join("~", repeated)).isAccepted(), "repeated disclosure " + i);
            }
        });
    }

    @Test
    void anySingleBitFlipOfAKeyBoundPresentationIsRejected() {
        Property.forAll("sd-jwt bit flip", Property.scaled(150), SdJwtProperties::generate, c -> {
            String presented = presentBound(c);
            Random random = new Random(c.seed());
            for (int i = 0; i < 20; i++) {
                int index = random.nextInt(presented.length());
                char flipped = (char) (presented.charAt(index) ^ (1 << random.nextInt(7)));
                String mutated = presented.substring(0, index) + flipped + presented.substring(index + 1);
                assertFalse(verifyBound(mutated).isAccepted(), "flip at " + index);
                assertFalse(verify(mutated).isAccepted() && !mutated.equals(presented), "flip at " + index + " (optional key binding)");
            }
        });
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    @Test
    void arbitraryInputIsAnsweredNeverThrown() {
        String sample = presentBound(generate(new Random(7)));
        String[] fragments = sample.split("(?<=[~.])");
        Property.forAll("sd-jwt arbitrary input", SdJwtProperties::noise, input -> {
            for (KeyBinding policy : List.of(KeyBinding.optional(), KeyBinding.required(AUD, NONCE), KeyBinding.forbidden())) {
                Verification<VerifiedSdJwt> result = verifier().verify(input, policy);
                assertNotNull(result);
                assertFalse(result.isAccepted(), input);
            }
        });
        Property.forAll("sd-jwt spliced input", random -> {
            StringBuilder out = new StringBuilder();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                out.append(fragments[random.nextInt(fragments.length)]);
            }
            return out.toString();
        }, input -> {
            Verification<VerifiedSdJwt> result = verifier().verify(input, KeyBinding.required(AUD, NONCE));
            assertNotNull(result);
            assertFalse(result.isAccepted() && !input.equals(sample), input);
        });
    }

    static String noise(Random random) {
        int length = Property.length(random, 300);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(20) == 0 ? (char) random.nextInt(0x250) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    @Test
    void randomDisclosureLikeJsonIsAnswered() {
        String[] pieces = {"[", "]", "{", "}", ",", "\"_sd\"", "\"...\"", "\"s\"", "\"n\"", "1", "null", "[\"", ":", "\"x\""};
        Property.forAll("sd-jwt disclosure json", random -> {
            StringBuilder json = new StringBuilder();
            int count = random.nextInt(10);
            for (int i = 0; i < count; i++) {
                json.append(pieces[random.nextInt(pieces.length)]);
            }
            return json.toString();
        }, json -> {
            String d = b64(json);
            String jwt = sign(payloadWith(digest(d)));
            Verification<VerifiedSdJwt> result = verify(sdJwt(jwt, d));
            assertNotNull(result);
        });
    }

    private static ObjectNode payloadWith(String digest) {
        ObjectNode payload = baseClaims();
        payload.putArray("_sd").add(digest);
        payload.putArray("list").addObject().put("...", digest("other " + digest));
        return payload;
    }

}
