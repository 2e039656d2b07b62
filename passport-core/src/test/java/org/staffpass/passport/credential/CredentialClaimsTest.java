package org.staffpass.passport.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.internal.StrictJsonReader;

/** Record to claims to record, and the strict reading of claims. */
class CredentialClaimsTest {

    private static ObjectNode parse(String json) throws Exception {
        return StrictJsonReader.readObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");
    }

    private static Set<String> codesAndPaths(CredentialResult<?> result) {
        return result.violations().stream().map(v -> v.problem() + " " + v.path()).collect(Collectors.toSet());
    }

    @Test
    void everySampleRoundTripsAndValidates() {
        for (Credential credential : Samples.all()) {
            ObjectNode claims = CredentialClaims.toClaims(credential);
            assertEquals(credential.credentialType().vct(), claims.get("vct").textValue());
            assertEquals("vct", claims.fieldNames().next(), "vct comes first");
            CredentialResult<Credential> read = CredentialClaims.fromClaims(claims);
            assertEquals(credential, read.value(), credential.credentialType().name());
            assertEquals(StrictJsonReader.write(claims), StrictJsonReader.write(CredentialClaims.toClaims(read.value())));
            assertEquals(List.of(), Samples.validator().validateForIssue(credential).violations());
            assertEquals(credential, Samples.validator().read(claims).value());
        }
    }

    @Test
    void outputIsDeterministicText() throws Exception {
        String text = StrictJsonReader.write(CredentialClaims.toClaims(Samples.rightToWork()));
        assertEquals("{\"vct\":\"https://staffpass.example/vct/right-to-work/v1\",\"permission\":\"TIME_LIMITED\","
                + "\"expires_on\":\"2027-09-30\",\"check_method\":\"HOME_OFFICE_ONLINE_CHECK\",\"checked_on\":\"2024-07-20\"}",
                text);
        assertEquals(Samples.rightToWork(), CredentialClaims.fromClaims(parse(text), RightToWork.class).value());
    }

    @Test
    void typedReadRefusesAnotherType() {
        CredentialResult<Grade> result = CredentialClaims.fromClaims(CredentialClaims.toClaims(Samples.dbs()), Grade.class);
        assertEquals(Set.of("WRONG_CREDENTIAL_TYPE /vct"), codesAndPaths(result));
    }

    @Test
    void unknownMissingOrMistypedVctIsAnUnknownType() throws Exception {
        for (String json : List.of("{}", "{\"vct\":1}", "{\"vct\":\"https://staffpass.example/vct/grade/v2\"}",
                "{\"vct\":\"https://staffpass.example/vct/grade/v1 \"}")) {
            assertEquals(Set.of("UNKNOWN_CREDENTIAL_TYPE /vct"), codesAndPaths(CredentialClaims.fromClaims(parse(json))), json);
        }
    }

    @Test
    void everyStructuralProblemIsReportedWithItsPath() {
        ObjectNode claims = CredentialClaims.toClaims(Samples.training());
        ObjectNode first = (ObjectNode) claims.get("subjects").get(0);
        first.put("level", "1");                       // wrong type
        first.put("completed_on", "2024-02-30");        // not a calendar day
        first.remove("expires_on");                     // missing
        first.put("provider", "x");                     // unknown
        ObjectNode second = (ObjectNode) claims.get("subjects").get(1);
        second.put("expires_on", "2026-2-14");          // not YYYY-MM-DD
        claims.put("extra/~", true);                    // unknown, escaped in the pointer
        assertEquals(Set.of("WRONG_JSON_TYPE /subjects/0/level", "INVALID_DATE /subjects/0/completed_on",
                        "MISSING_CLAIM /subjects/0/expires_on", "UNKNOWN_CLAIM /subjects/0/provider",
                        "INVALID_DATE /subjects/1/expires_on", "UNKNOWN_CLAIM /extra~1~0"),
                codesAndPaths(CredentialClaims.fromClaims(claims)));
    }

    @Test
    void enumValuesAreExactConstantNames() {
        ObjectNode claims = CredentialClaims.toClaims(Samples.dbs());
        claims.put("level", "enhanced");
        claims.putArray("barred_lists").add("CHILDREN").add("CHILDREN");
        claims.put("update_service", "true");
        assertEquals(Set.of("UNKNOWN_VALUE /level", "DUPLICATE_ENTRY /barred_lists/1", "WRONG_JSON_TYPE /update_service"),
                codesAndPaths(CredentialClaims.fromClaims(claims)));
    }

    @Test
    void nullsAndWrongContainersAreWrongTypes() {
        ObjectNode claims = CredentialClaims.toClaims(Samples.dbs());
        claims.putNull("certificate_number");
        claims.put("last_status_check", "2025-01-01");
        ObjectNode specialty = CredentialClaims.toClaims(Samples.specialty());
        specialty.putObject("specialties");
        specialty.putArray("life_support").add(1);
        assertEquals(Set.of("WRONG_JSON_TYPE /certificate_number", "WRONG_JSON_TYPE /last_status_check"),
                codesAndPaths(CredentialClaims.fromClaims(claims)));
        assertEquals(Set.of("WRONG_JSON_TYPE /specialties", "WRONG_JSON_TYPE /life_support/0"),
                codesAndPaths(CredentialClaims.fromClaims(specialty)));
    }

    @Test
    void hugeNumbersAreOutOfRangeAndFractionsAreWrongTypes() {
        ObjectNode claims = CredentialClaims.toClaims(Samples.training());
        ((ObjectNode) claims.get("subjects").get(0)).put("level", new java.math.BigInteger("100000000000000000000"));
        ((ObjectNode) claims.get("subjects").get(1)).put("level", 1.5);
        assertEquals(Set.of("NUMBER_RANGE /subjects/0/level", "WRONG_JSON_TYPE /subjects/1/level"),
                codesAndPaths(CredentialClaims.fromClaims(claims)));
    }

    @Test
    void anOverlongArrayIsRefusedUnread() {
        ObjectNode claims = CredentialClaims.toClaims(Samples.training());
        var subjects = claims.putArray("subjects");
        for (int i = 0; i < 65; i++) {
            subjects.add("not even an object");
        }
        assertEquals(Set.of("COLLECTION_SIZE /subjects"), codesAndPaths(CredentialClaims.fromClaims(claims)));
    }

    @Test
    void withheldDisclosableClaimsStillReadButAreIncompleteForIssue() {
        for (Credential credential : Samples.all()) {
            ObjectNode claims = CredentialClaims.toClaims(credential);
            List<String> expectedMissing = new ArrayList<>();
            for (String pointer : credential.credentialType().selectivelyDisclosable()) {
                if (pointer.endsWith("/*")) {
                    // Every element withheld: the array stays, empty.
                    claims.putArray(pointer.substring(1, pointer.length() - 2));
                } else {
                    claims.remove(pointer.substring(1));
                    expectedMissing.add(pointer);
                }
            }
            CredentialResult<Credential> read = Samples.validator().read(claims);
            assertTrue(read.isValid(), credential.credentialType() + ": " + read.violations());
            CredentialResult<Credential> forIssue = Samples.validator().validateForIssue(read.value());
            Set<String> missing = forIssue.violations().stream().filter(v -> v.problem() == CredentialProblem.MISSING_CLAIM)
                    .map(CredentialViolation::path).collect(Collectors.toSet());
            assertEquals(Set.copyOf(expectedMissing), missing, credential.credentialType().name());
        }
    }

    @Test
    void emptyTrainingIsReadableButNotIssuable() {
        MandatoryTraining none = new MandatoryTraining(List.of());
        assertTrue(Samples.validator().validate(none).isValid());
        assertEquals(Set.of("COLLECTION_SIZE /subjects"), codesAndPaths(Samples.validator().validateForIssue(none)));
    }

    @Test
    void disclosablePointersNameClaimsOfTheirType() {
        for (Credential credential : Samples.all()) {
            ObjectNode claims = CredentialClaims.toClaims(credential);
            for (String pointer : credential.credentialType().selectivelyDisclosable()) {
                String member = pointer.endsWith("/*") ? pointer.substring(0, pointer.length() - 2) : pointer;
                assertFalse(claims.at(member).isMissingNode(), pointer);
                assertEquals(pointer.endsWith("/*"), claims.at(member).isArray(), pointer);
            }
        }
    }
}
