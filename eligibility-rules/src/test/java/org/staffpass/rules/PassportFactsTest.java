package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.testing.Property;

/** PassportFacts: JSON round trip, strict reading with a code and pointer per problem. */
class PassportFactsTest {
    private static final CredentialValidator VALIDATOR = Workers.validator();
    private static final PassportFacts ALL = Workers.st4();

    private static PassportFacts.Issue single(String json) {
        PassportFacts.ParseResult r = PassportFacts.parse(json, VALIDATOR);
        List<PassportFacts.Issue> issues = assertInstanceOf(PassportFacts.Refused.class, r).issues();
        assertEquals(1, issues.size(), issues.toString());
        return issues.get(0);
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode root = StrictJson.parseObject(ALL.toJson(), "facts").value();
        change.accept(root);
        return StrictJson.write(root);
    }

    private static ObjectNode credential(ObjectNode root, int i) {
        return (ObjectNode) root.get("credentials").get(i);
    }

    @Test
    void theJsonFormRoundTripsEveryCredentialType() {
        String json = ALL.toJson();
        PassportFacts read = assertInstanceOf(PassportFacts.Parsed.class, PassportFacts.parse(json, VALIDATOR)).facts();
        assertEquals(ALL, read);
        assertEquals(json, read.toJson());
        assertEquals(CredentialType.values().length, read.credentials().size());
        assertEquals(List.of(CredentialType.values()), new ArrayList<>(read.credentials().keySet()));
    }

    @Test
    void randomCredentialsRoundTrip() {
        Property.forAll("facts round trip", random -> {
            return TestFacts.of(Workers.someOf(random));
        }, facts -> {
            PassportFacts.ParseResult r = PassportFacts.parse(facts.toJson(), VALIDATOR);
            assertEquals(facts, assertInstanceOf(PassportFacts.Parsed.class, r, r.toString()).facts());
        });
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("not json", "{\"holderKeyThumbprint\": ", PassportFacts.Problem.MALFORMED_JSON, ""),
                Arguments.of("duplicate member", "{\"credentials\": [], \"credentials\": []}", PassportFacts.Problem.MALFORMED_JSON, ""),
                Arguments.of("unknown member", edit(r -> r.put("grade", "ST4")), PassportFacts.Problem.UNKNOWN_MEMBER, "/grade"),
                Arguments.of("missing thumbprint", edit(r -> r.remove("holderKeyThumbprint")), PassportFacts.Problem.MISSING_MEMBER, "/holderKeyThumbprint"),
                Arguments.of("credentials not an array", edit(r -> r.put("credentials", 1)), PassportFacts.Problem.WRONG_TYPE, "/credentials"),
                Arguments.of("bad thumbprint", edit(r -> r.put("holderKeyThumbprint", "abc")), PassportFacts.Problem.INVALID_VALUE, "/holderKeyThumbprint"),
                Arguments.of("unknown credential member", edit(r -> credential(r, 0).put("trusted", true)), PassportFacts.Problem.UNKNOWN_MEMBER, "/credentials/0/trusted"),
                Arguments.of("missing issuer", edit(r -> credential(r, 1).remove("issuer")), PassportFacts.Problem.MISSING_MEMBER, "/credentials/1/issuer"),
                Arguments.of("issuer with a control character", edit(r -> credential(r, 1).put("issuer", "a\nb")), PassportFacts.Problem.INVALID_VALUE, "/credentials/1/issuer"),
                Arguments.of("instant with offset", edit(r -> credential(r, 0).put("issuedAt", "2026-01-01T00:00:00+01:00")), PassportFacts.Problem.INVALID_VALUE, "/credentials/0/issuedAt"),
                Arguments.of("impossible instant", edit(r -> credential(r, 0).put("issuedAt", "2026-02-30T00:00:00Z")), PassportFacts.Problem.INVALID_VALUE, "/credentials/0/issuedAt"),
                Arguments.of("expires before issued", edit(r -> credential(r, 2).put("expiresAt", "2025-12-31T23:59:59Z")), PassportFacts.Problem.INVALID_VALUE, "/credentials/2/expiresAt"),
                Arguments.of("expires as a number", edit(r -> credential(r, 2).put("expiresAt", 1790000000)), PassportFacts.Problem.WRONG_TYPE, "/credentials/2/expiresAt"),
                Arguments.of("short digest", edit(r -> credential(r, 3).put("credentialDigest", "AAAA")), PassportFacts.Problem.INVALID_VALUE, "/credentials/3/credentialDigest"),
                Arguments.of("two grades", edit(r -> ((ArrayNode) r.get("credentials")).set(7, credential(r, 6).deepCopy())), PassportFacts.Problem.DUPLICATE_CREDENTIAL_TYPE, "/credentials/7/claims/vct"),
                Arguments.of("ten credentials", edit(r -> ((ArrayNode) r.get("credentials")).add(credential(r, 0).deepCopy())), PassportFacts.Problem.DUPLICATE_CREDENTIAL_TYPE, "/credentials"),
                Arguments.of("unknown grade in claims", edit(r -> ((ObjectNode) credential(r, 6).get("claims")).put("grade", "ST99")), PassportFacts.Problem.INVALID_CLAIMS, "/credentials/6/claims/grade"),
                Arguments.of("unknown claim", edit(r -> ((ObjectNode) credential(r, 6).get("claims")).put("trusted", true)), PassportFacts.Problem.INVALID_CLAIMS, "/credentials/6/claims/trusted"),
                Arguments.of("unknown vct", edit(r -> ((ObjectNode) credential(r, 6).get("claims")).put("vct", "x")), PassportFacts.Problem.INVALID_CLAIMS, "/credentials/6/claims/vct"),
                Arguments.of("claims not an object", edit(r -> credential(r, 6).put("claims", "ST4")), PassportFacts.Problem.WRONG_TYPE, "/credentials/6/claims"),
                Arguments.of("disclosed not an array", edit(r -> credential(r, 5).put("disclosed", "/subjects/0")), PassportFacts.Problem.WRONG_TYPE, "/credentials/5/disclosed"),
                Arguments.of("pointer not disclosable", edit(r -> ((ArrayNode) credential(r, 6).get("disclosed")).add("/grade")), PassportFacts.Problem.INVALID_DISCLOSURE, "/credentials/6/disclosed/0"),
                Arguments.of("pointer to an absent element", edit(r -> ((ArrayNode) credential(r, 5).get("disclosed")).add("/subjects/9")), PassportFacts.Problem.INVALID_DISCLOSURE, "/credentials/5/disclosed/6"),
                Arguments.of("pointer twice", edit(r -> ((ArrayNode) credential(r, 5).get("disclosed")).add("/subjects/0")), PassportFacts.Problem.INVALID_DISCLOSURE, "/credentials/5/disclosed/6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithACodeAndPointer(String name, String json, PassportFacts.Problem problem, String pointer) {
        PassportFacts.Issue issue = single(json);
        assertEquals(problem, issue.problem(), issue.toString());
        assertEquals(pointer, issue.pointer(), issue.toString());
    }

    @Test
    void refusesAnOversizedDocumentBeforeParsing() {
        byte[] big = new byte[PassportFacts.MAX_DOCUMENT_BYTES + 1];
        PassportFacts.ParseResult r = PassportFacts.parse(big, VALIDATOR);
        assertEquals(PassportFacts.Problem.TOO_LARGE, assertInstanceOf(PassportFacts.Refused.class, r).issues().get(0).problem());
    }

    @Test
    void arbitraryBytesNeverThrow() {
        Property.forAll("facts never throw", random -> {
            byte[] json = ALL.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                json[random.nextInt(json.length)] = (byte) random.nextInt(256);
            }
            return json;
        }, bytes -> assertTrue(PassportFacts.parse(bytes, VALIDATOR) != null));
    }

    @Test
    void refusesAMismatchedMapAndFractionalSeconds() {
        PassportFacts.CredentialFacts grade = ALL.credentials().get(CredentialType.GRADE);
        assertThrows(IllegalArgumentException.class,
                () -> new PassportFacts(TestFacts.HOLDER, Map.of(CredentialType.SPECIALTY, grade)));
        assertThrows(IllegalArgumentException.class, () -> new PassportFacts.CredentialFacts(grade.credential(),
                grade.issuer(), grade.issuedAt().plusMillis(1), grade.expiresAt(), grade.credentialDigest(), grade.disclosed()));
    }

    @Test
    void recordFindsTheTypedCredential() {
        assertEquals(Workers.dbs(), ALL.record(org.staffpass.passport.credential.DbsCheck.class).orElseThrow());
        assertTrue(TestFacts.of(List.of()).record(org.staffpass.passport.credential.Grade.class).isEmpty());
    }
}
