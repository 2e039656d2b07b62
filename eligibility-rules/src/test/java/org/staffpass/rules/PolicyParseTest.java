package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;

class PolicyParseTest {
    static final String MINIMAL = """
            {"id":"p","version":"1","publisher":"Bank","effective":{"from":"2026-01-01"},
             "vocabularies":{"grades":["FY1"],"timeBands":{"dayStarts":"07:00","eveningStarts":"19:00","nightStarts":"23:00"},
             "bankHolidays":[]},
             "rules":{"workingTime":{}}}
            """;

    @Test
    void theExamplePolicyIsValidAndCompiledToRecords() {
        Policy policy = PolicyFiles.valid(PolicyFiles.examplePolicy());
        assertEquals("nenc-doctors-bank", policy.id());
        assertEquals("2026.1", policy.version());
        assertEquals(LocalDate.of(2026, 4, 1), policy.effective().from());
        assertEquals(Optional.of(LocalDate.of(2027, 4, 1)), policy.effective().until());
        assertEquals(new GradeCode("FY1"), policy.vocabularies().gradeLadder().get(0));
        assertEquals(List.of(new GradeCode("FY1"), new GradeCode("FY2")), policy.vocabularies().gradeGroups().get("foundation"));
        assertEquals(LocalTime.of(23, 0), policy.vocabularies().timeBands().nightStarts());
        assertEquals(10, policy.vocabularies().bankHolidays().size());
        assertEquals(7, policy.rules().credentials().orElseThrow().required().size());
        assertTrue(policy.rules().credentials().orElseThrow().required().contains(CredentialType.DBS_CHECK));
        assertEquals(new GradeCode("FY2"), policy.rules().gradeAndSpecialty().orElseThrow().minimumGrade());
        Policy.TrainingRequirement ipc = policy.rules().compliance().orElseThrow().training().get(1);
        assertEquals(new Policy.TrainingRequirement(new TrainingSubjectCode("INFECTION_PREVENTION_CONTROL"), 2, 12), ipc);
        Policy.RateRules rates = policy.rules().rates().orElseThrow();
        assertEquals(new BigDecimal("115.00"), rates.card().get("higher").night());
        assertEquals(new BigDecimal("300.00"), rates.priceCap());
        assertEquals("medical-staffing-manager", rates.escalation().get(1).role());
        assertEquals(List.of("RTD", "RTF"), policy.rules().restrictions().orElseThrow().noAgencyForSubstantiveStaffOf());
        assertTrue(policy.examples().size() >= 15, "at least 15 embedded examples");
        assertEquals(Outcome.NEEDS_APPROVAL, policy.examples().get(1).expect());
        assertEquals(Optional.of(Set.of(RuleCode.RATE_ESCALATION)), policy.examples().get(1).expectFailing());
        assertEquals(43, policy.digest().length());
    }

    @Test
    void workingTimeDefaultsAreThe2016TermsAndAbsentFamiliesStayAbsent() {
        Policy policy = PolicyFiles.valid(MINIMAL);
        assertEquals(new Policy.WorkingTimeRules(13, 11, 72, 48, 26, 7, 4, 4, 46, 3), policy.rules().workingTime().orElseThrow());
        assertTrue(policy.rules().rates().isEmpty());
        assertTrue(policy.rules().credentials().isEmpty());
        assertEquals(Optional.empty(), policy.effective().until());
        Policy.RegistrationRules defaults = PolicyFiles.valid(MINIMAL.replace("\"workingTime\":{}",
                "\"registration\":{\"registers\":[\"GMC\",\"NMC\"],\"conditionsApprovalRole\":\"responsible-officer\"}")).rules().registration().orElseThrow();
        assertTrue(defaults.requireLicence());
        assertFalse(defaults.allowProvisional());
        assertTrue(defaults.conditionsNeedReview());
        assertEquals(Optional.of("responsible-officer"), defaults.conditionsApprovalRole());
        assertEquals(List.of(), defaults.provisionalAllowedAt());
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        String broken = MINIMAL.replace("\"id\":\"p\"", "\"id\":7").replace("\"FY1\"", "\"FY1\",\"NOPE\"")
                .replace("\"workingTime\":{}", "\"workingTime\":{\"minRestHours\":30},\"bogus\":true");
        PolicyResult result = Policy.parse(broken);
        assertFalse(result.isValid());
        Set<String> found = ((PolicyResult.Invalid) result).issues().stream()
                .map(i -> i.problem() + " " + i.pointer()).collect(Collectors.toSet());
        assertEquals(Set.of("WRONG_TYPE /id", "UNKNOWN_GRADE /vocabularies/grades/1",
                "CONTRADICTORY_LIMITS /rules/workingTime/minRestHours", "UNKNOWN_MEMBER /rules/bogus"), found);
    }

    @Test
    void anEmptyDocumentNamesEveryMissingRequiredMember() {
        List<PolicyIssue> issues = ((PolicyResult.Invalid) Policy.parse("{}")).issues();
        assertEquals(List.of("/effective", "/id", "/publisher", "/rules", "/version", "/vocabularies"),
                issues.stream().map(PolicyIssue::pointer).toList());
        assertTrue(issues.stream().allMatch(i -> i.problem() == PolicyProblem.MISSING_MEMBER));
    }

    @Test
    void oversizedAndDeeplyNestedInputIsRefusedWithoutParsing() {
        String big = "{\"id\":\"" + "a".repeat(Policy.MAX_DOCUMENT_BYTES) + "\"}";
        PolicyIssue tooLarge = ((PolicyResult.Invalid) Policy.parse(big)).issues().get(0);
        assertEquals(PolicyProblem.TOO_LARGE, tooLarge.problem());
        assertEquals("", tooLarge.pointer());
        String deep = "{\"examples\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertEquals(PolicyProblem.MALFORMED_JSON, ((PolicyResult.Invalid) Policy.parse(deep)).issues().get(0).problem());
    }

    @Test
    void aCraftedMemberNameCannotForgeASecondLine() {
        String json = "{\"a\\nMISSING_MEMBER at /x\": 1}";
        List<PolicyIssue> issues = ((PolicyResult.Invalid) Policy.parse(json)).issues();
        PolicyIssue unknown = issues.get(0);
        assertEquals(PolicyProblem.UNKNOWN_MEMBER, unknown.problem());
        assertEquals("/a\nMISSING_MEMBER at ~1x", unknown.pointer());
        assertEquals(1, unknown.toString().lines().count());
        assertTrue(unknown.toString().startsWith("UNKNOWN_MEMBER at /a\\u000aMISSING_MEMBER at ~1x: "), unknown.toString());
        String longName = "{\"" + "n".repeat(5000) + "\": 1}";
        assertTrue(((PolicyResult.Invalid) Policy.parse(longName)).issues().get(0).toString().length() < 400);
    }

    @Test
    void compiledPoliciesAreDeeplyImmutable() {
        Policy policy = PolicyFiles.valid(PolicyFiles.examplePolicy());
        assertThrows(UnsupportedOperationException.class,
                () -> policy.vocabularies().gradeGroups().get("core").add(new GradeCode("FY1")));
        assertThrows(UnsupportedOperationException.class,
                () -> policy.vocabularies().specialtyGroups().get("medicine").clear());
        assertThrows(UnsupportedOperationException.class, () -> policy.rules().rates().orElseThrow().card().clear());
    }

    @Test
    void issuesPrintAsOneLineWithTheirPointer() {
        assertEquals("UNKNOWN_MEMBER at /rules/x: unknown member \"x\"",
                new PolicyIssue(PolicyProblem.UNKNOWN_MEMBER, "/rules/x", "unknown member \"x\"").toString());
        assertEquals("TOO_LARGE at /: too big", new PolicyIssue(PolicyProblem.TOO_LARGE, "", "too big").toString());
        assertThrows(IllegalArgumentException.class, () -> new PolicyResult.Invalid(List.of()));
        assertThrows(NullPointerException.class, () -> Policy.parse((String) null));
    }
}
