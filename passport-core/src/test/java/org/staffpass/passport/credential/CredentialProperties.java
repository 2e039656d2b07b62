package org.staffpass.passport.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.internal.StrictJsonReader;
import org.staffpass.testing.Property;

/**
 * Properties over generated credentials: valid ones round-trip through claims and pass
 * validation; arbitrarily mutated claims never make the reader or validator throw.
 */
class CredentialProperties {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void validCredentialsRoundTripThroughClaims() {
        Property.forAll("credential round trip", Generators::any, credential -> {
            assertEquals(List.of(), Samples.validator().validateForIssue(credential).violations(), "generator made a valid one");
            ObjectNode claims = CredentialClaims.toClaims(credential);
            CredentialResult<Credential> read = Samples.validator().read(claims);
            assertEquals(credential, read.value());
            assertEquals(StrictJsonReader.write(claims), StrictJsonReader.write(CredentialClaims.toClaims(read.value())));
        });
    }

    @Test
    void everyDisclosureSubsetOfAValidCredentialIsValidForAVerifier() {
        Property.forAll("disclosure subsets", r -> {
            Credential credential = Generators.any(r);
            ObjectNode claims = CredentialClaims.toClaims(credential);
            for (String pointer : credential.credentialType().selectivelyDisclosable()) {
                if (pointer.endsWith("/*")) {
                    ArrayNode array = (ArrayNode) claims.at(pointer.substring(0, pointer.length() - 2));
                    for (int i = array.size() - 1; i >= 0; i--) {
                        if (r.nextBoolean()) {
                            array.remove(i);
                        }
                    }
                } else if (r.nextBoolean()) {
                    claims.remove(pointer.substring(1));
                }
            }
            return new Mutated(credential, claims);
        }, presented -> {
            CredentialResult<Credential> read = Samples.validator().read(presented.claims());
            assertEquals(List.of(), read.violations());
            assertEquals(presented.original().credentialType(), read.value().credentialType());
        });
    }

    /** A claims object after a few random edits, anywhere in the tree. */
    record Mutated(Credential original, ObjectNode claims) {
        @Override
        public String toString() {
            return StrictJsonReader.write(claims);
        }
    }

    @Test
    void mutatedClaimsNeverThrow() {
        int[] structuralCount = new int[1];
        int[] ruleOnly = new int[1];
        Property.forAll("mutated claims", r -> {
            Credential credential = Generators.any(r);
            ObjectNode claims = CredentialClaims.toClaims(credential);
            for (int edits = 1 + r.nextInt(4); edits > 0; edits--) {
                mutate(r, claims);
            }
            return new Mutated(credential, claims);
        }, mutated -> {
            CredentialResult<Credential> structural = CredentialClaims.fromClaims(mutated.claims());
            CredentialResult<Credential> checked = Samples.validator().read(mutated.claims());
            assertNotNull(checked);
            if (!structural.isValid()) {
                assertFalse(checked.isValid());
                assertFalse(structural.violations().isEmpty());
                structuralCount[0]++;
            } else if (!checked.isValid()) {
                ruleOnly[0]++;
            }
            for (CredentialViolation violation : checked.violations()) {
                assertTrue(violation.path().isEmpty() || violation.path().startsWith("/"), violation.toString());
            }
            if (checked.isValid()) {
                // Whatever was accepted maps back onto claims that read the same.
                assertEquals(checked.value(), CredentialClaims.fromClaims(CredentialClaims.toClaims(checked.value())).value());
            }
        });
        // Not vacuous: the edits break structure often, and pass structure but break a rule sometimes.
        assertTrue(structuralCount[0] > Property.tries() / 4, "structural rejections: " + structuralCount[0]);
        assertTrue(ruleOnly[0] > 0, "rule-only rejections: " + ruleOnly[0]);
    }

    /** Applies one random edit to a random object or array in the tree. */
    static void mutate(Random r, ObjectNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int choice = r.nextInt(4);
            if (choice == 0 && !names.isEmpty()) {
                object.remove(names.get(r.nextInt(names.size())));
            } else if (choice == 1) {
                object.set(r.nextBoolean() && !names.isEmpty() ? "x" + names.get(0) : "extra", value(r, 2));
            } else if (!names.isEmpty()) {
                String name = names.get(r.nextInt(names.size()));
                object.set(name, choice == 2 ? value(r, 2) : nearby(r, object.get(name)));
            }
        } else {
            ArrayNode array = (ArrayNode) target;
            int choice = r.nextInt(4);
            if (choice == 0 && !array.isEmpty()) {
                array.remove(r.nextInt(array.size()));
            } else if (choice == 1 && !array.isEmpty()) {
                array.add(array.get(r.nextInt(array.size())).deepCopy());
            } else if (choice == 2) {
                array.add(value(r, 2));
            } else if (!array.isEmpty()) {
                int i = r.nextInt(array.size());
                array.set(i, nearby(r, array.get(i)));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), out);
            }
        }
    }

    /** A value close to a valid one: dates off by a bit or malformed, strings with edge characters. */
    private static JsonNode nearby(Random r, JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            switch (r.nextInt(6)) {
                case 0:
                    return JSON.textNode(text.toLowerCase());
                case 1:
                    return JSON.textNode(text + (char) r.nextInt(0x250));
                case 2:
                    return JSON.textNode(text.isEmpty() ? "" : text.substring(0, r.nextInt(text.length())));
                case 3:
                    return JSON.textNode(text.replace('0', '9').replace('1', '3'));
                case 4:
                    return JSON.textNode("9999-12-31");
                default:
                    return JSON.textNode("2025-02-29");
            }
        }
        if (value.isNumber()) {
            return pickNumber(r);
        }
        if (value.isBoolean()) {
            return JSON.booleanNode(!value.booleanValue());
        }
        return value(r, 1);
    }

    private static JsonNode pickNumber(Random r) {
        switch (r.nextInt(5)) {
            case 0:
                return JSON.numberNode(r.nextInt(20) - 5);
            case 1:
                return JSON.numberNode(new BigInteger("123456789012345678901234567890"));
            case 2:
                return JSON.numberNode(new BigDecimal("1.5"));
            case 3:
                return JSON.numberNode(Integer.MIN_VALUE);
            default:
                return JSON.numberNode(new BigDecimal("1E+400"));
        }
    }

    /** Any JSON value, nested up to {@code depth}. */
    static JsonNode value(Random r, int depth) {
        switch (r.nextInt(depth > 0 ? 8 : 6)) {
            case 0:
                return JSON.nullNode();
            case 1:
                return JSON.booleanNode(r.nextBoolean());
            case 2:
                return pickNumber(r);
            case 3:
                return JSON.textNode(Generators.name(r));
            case 4:
                return JSON.textNode(Generators.past(r).toString());
            case 5:
                return JSON.textNode(Generators.pick(r, List.of("UNLIMITED", "GMC", "FIRE_SAFETY", "ST3", "180", "ALS",
                        "HEPATITIS_B", "RTD", "", "\u0000", "\u202e")));
            case 6: {
                ArrayNode array = JSON.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    array.add(value(r, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = JSON.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    object.set(Generators.pick(r, List.of("type", "level", "from", "to", "code", "subject", "x")), value(r, depth - 1));
                }
                return object;
            }
        }
    }
}
