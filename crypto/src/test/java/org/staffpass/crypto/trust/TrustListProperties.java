package org.staffpass.crypto.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.trust.TrustListSamples.KEY_POOL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.testing.Property;
import org.staffpass.testing.JsonSchemaCheck;

/** Generated lists round-trip; mutated payloads and tampered tokens are answered, never thrown at. */
class TrustListProperties {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MEMBER_NAMES = memberNames();
    private static final String JSON_SPECIALS = "{}[],:\"\\0-e.";

    private static List<String> memberNames() {
        Set<String> names = new TreeSet<>();
        names.addAll(TrustListCodec.TOP_LEVEL_MEMBERS);
        names.addAll(TrustListCodec.ISSUER_MEMBERS);
        names.addAll(TrustListCodec.JWKS_MEMBERS);
        names.addAll(TrustListCodec.JWK_MEMBERS);
        names.addAll(List.of("nbf", "d", "x5c", "jku", "", "__proto__"));
        return List.copyOf(names);
    }

    private static SigningKey root(Random random) {
        return KEY_POOL.get(random.nextInt(2));
    }

    @Test
    void generatedListsRoundTripThroughSignAndVerify() {
        JsonSchemaCheck schema = TrustListSchemaTest.schema();
        Property.forAll("trust list sign-verify round trip", random -> new Case(TrustListSamples.randomList(random), root(random)),
                c -> {
                    String jws = c.list.sign(c.root);
                    Clock atIssue = Clock.fixed(c.list.issuedAt(), ZoneOffset.UTC);
                    TrustList verified = TrustList.verify(jws, List.of(c.root.verificationKey()), atIssue).value();
                    assertEquals(c.list, verified);
                    assertEquals(c.list.issuers(), verified.issuers());
                    assertEquals(c.list.toPayloadJson(), verified.toPayloadJson());
                    assertEquals(List.of(), schema.problems(StrictJson.parseObject(c.list.toPayloadJson(), "payload").value()));
                    assertEquals(c.list, TrustList.parsePayload(c.list.toPayloadJson()).value());
                });
    }

    @Test
    void mutatedPayloadsAreAnsweredNeverThrownAt() {
        JsonSchemaCheck schema = TrustListSchemaTest.schema();
        Map<String, Integer> outcomes = new TreeMap<>();
        Property.forAll("mutated trust list payloads", random -> mutated(random), m -> {
            byte[] bytes = m.json.getBytes(StandardCharsets.UTF_8);
            Verification<TrustList> unsigned = TrustList.parsePayload(bytes);
            Verification<TrustList> signed = TrustList.verify(JwsSigner.of(KEY_POOL.get(0)).sign(TrustList.TYPE, bytes),
                    List.of(KEY_POOL.get(0).verificationKey()), m.clock);
            assertNotNull(unsigned);
            assertNotNull(signed);
            outcomes.merge(signed instanceof Verification.Rejected<TrustList> r ? r.reason().name() : "ACCEPTED", 1, Integer::sum);
            if (unsigned instanceof Verification.Rejected<TrustList> rejected) {
                assertEquals(rejected, signed, "a signature adds no leniency");
                return;
            }
            if (signed instanceof Verification.Rejected<TrustList> rejected) {
                assertTrue(Set.of(ReasonCode.TRUST_LIST_EXPIRED, ReasonCode.TRUST_LIST_NOT_YET_VALID).contains(rejected.reason()),
                        rejected::toString);
            } else {
                assertEquals(unsigned.value(), signed.value());
            }
            // Whatever the reader accepts, the published schema accepts too.
            JsonNode document = StrictJson.parseObject(bytes, "mutated").value();
            assertEquals(List.of(), schema.problems(document));
            assertEquals(unsigned.value(), TrustList.parsePayload(unsigned.value().toPayloadJson()).value());
        });
        // The generator must reach both sides, or the property proves little.
        assertTrue(outcomes.getOrDefault("ACCEPTED", 0) > 0, outcomes::toString);
        assertTrue(outcomes.getOrDefault("CLAIMS_INVALID", 0) > 0, outcomes::toString);
        assertTrue(outcomes.getOrDefault("MALFORMED", 0) > 0, outcomes::toString);
    }

    @Test
    void anyOneBitChangeToASignedListIsRefused() {
        Property.forAll("one-bit change to a signed trust list", random -> {
            TrustList list = TrustListSamples.randomList(random);
            SigningKey root = root(random);
            char[] jws = list.sign(root).toCharArray();
            int at = random.nextInt(jws.length);
            jws[at] = (char) (jws[at] ^ (1 << random.nextInt(7)));
            return new Tampered(new String(jws), root, Clock.fixed(list.issuedAt(), ZoneOffset.UTC));
        }, t -> assertFalse(TrustList.verify(t.jws, List.of(t.root.verificationKey()), t.clock).isAccepted(), t.jws));
    }

    private record Case(TrustList list, SigningKey root) {
    }

    private record Tampered(String jws, SigningKey root, Clock clock) {
    }

    private record Mutated(String json, Clock clock) {
        @Override
        public String toString() {
            return json;
        }
    }

    private static Mutated mutated(Random random) {
        TrustList base = TrustListSamples.randomList(random);
        Clock clock = Clock.fixed(base.issuedAt(), ZoneOffset.UTC);
        ObjectNode root = StrictJson.parseObject(base.toPayloadJson(), "base").value();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutateTree(random, root);
        }
        String json = StrictJson.write(root);
        if (random.nextInt(4) == 0) {
            json = mutateText(random, json);
        }
        return new Mutated(json, clock);
    }

    private static void mutateTree(Random random, ObjectNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int choice = random.nextInt(3);
            if (choice == 0 && !names.isEmpty()) {
                object.remove(names.get(random.nextInt(names.size())));
            } else if (choice == 1 && !names.isEmpty()) {
                object.set(names.get(random.nextInt(names.size())), randomValue(random, 2));
            } else {
                String name = random.nextBoolean() ? MEMBER_NAMES.get(random.nextInt(MEMBER_NAMES.size()))
                        : TrustListSamples.text(random, 0, 8);
                object.set(name, randomValue(random, 2));
            }
        } else {
            ArrayNode array = (ArrayNode) target;
            int choice = random.nextInt(4);
            if (choice == 0 && array.size() > 0) {
                array.remove(random.nextInt(array.size()));
            } else if (choice == 1 && array.size() > 0) {
                array.add(array.get(random.nextInt(array.size())).deepCopy());
            } else if (choice == 2 && array.size() > 0) {
                array.set(random.nextInt(array.size()), randomValue(random, 2));
            } else {
                array.add(randomValue(random, 2));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) {
                collect(children.next(), containers);
            }
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 12 : 10)) {
            case 0: return NODES.textNode(TrustListSamples.text(random, 0, 10));
            case 1: return NODES.textNode("x".repeat(random.nextInt(700)));
            case 2: return NODES.textNode(new String(new char[] {(char) random.nextInt(0x20)}));
            case 3: return NODES.numberNode(random.nextLong());
            case 4: return NODES.numberNode(random.nextInt(3) - 1);
            case 5: return NODES.numberNode(new BigInteger(100, random));
            case 6: return NODES.numberNode(new BigDecimal(random.nextInt(2_000_000_000) + ".5"));
            case 7: return NODES.nullNode();
            case 8: return NODES.booleanNode(random.nextBoolean());
            case 9: return NODES.textNode(random.nextBoolean() ? "active" : "revoked");
            case 10: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.set(MEMBER_NAMES.get(random.nextInt(MEMBER_NAMES.size())), randomValue(random, depth - 1));
                }
                return object;
            }
        }
    }

    private static String mutateText(Random random, String json) {
        StringBuilder text = new StringBuilder(json);
        int at = random.nextInt(text.length());
        switch (random.nextInt(4)) {
            case 0 -> text.setCharAt(at, (char) (text.charAt(at) ^ (1 << random.nextInt(7))));
            case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
            case 2 -> text.insert(at, JSON_SPECIALS.charAt(random.nextInt(JSON_SPECIALS.length())));
            default -> {
                int brace = text.indexOf("{", at);
                text.insert(brace < 0 ? 1 : brace + 1, "\"iss\":\"x\",");
            }
        }
        return text.toString();
    }
}
