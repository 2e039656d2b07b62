package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.testing.Property;

/** Policy.disclosureRequest: exactly what the families read, and presenting it never leaves a fact undisclosed. */
class DisclosureTest {
    static final Policy POLICY = FamiliesTest.POLICY;

    /** What a wallet answering {@code request} shows: only requested types, only requested selectively disclosable claims. */
    static PassportFacts present(PassportFacts held, DisclosureRequest request) {
        Map<CredentialType, PassportFacts.CredentialFacts> shown = new EnumMap<>(CredentialType.class);
        request.claims().forEach((type, pointers) -> {
            PassportFacts.CredentialFacts f = held.credential(type).orElseThrow();
            ObjectNode claims = CredentialClaims.toClaims(f.credential());
            for (String declared : type.selectivelyDisclosable()) {
                if (pointers.contains(declared)) {
                    continue;
                }
                String member = declared.substring(1).split("/")[0];
                if (declared.endsWith("/*")) {
                    claims.putArray(member);
                } else {
                    claims.remove(member);
                }
            }
            Credential c = CredentialClaims.fromClaims(claims).value();
            shown.put(type, TestFacts.facts(c, f.expiresAt()));
        });
        return new PassportFacts(held.holderKeyThumbprint(), shown);
    }

    @Test
    void theExamplePolicyAsksForTheTypesItReadsAndOnlyTheArraysItNeeds() {
        Map<CredentialType, Set<String>> expected = new EnumMap<>(CredentialType.class);
        expected.put(CredentialType.IDENTITY_VERIFICATION, Set.of());
        expected.put(CredentialType.RIGHT_TO_WORK, Set.of());
        expected.put(CredentialType.PROFESSIONAL_REGISTRATION, Set.of());
        expected.put(CredentialType.DBS_CHECK, Set.of());
        expected.put(CredentialType.OCCUPATIONAL_HEALTH, Set.of());
        expected.put(CredentialType.MANDATORY_TRAINING, Set.of("/subjects/*"));
        expected.put(CredentialType.GRADE, Set.of());
        expected.put(CredentialType.SPECIALTY, Set.of("/life_support/*"));
        assertEquals(new DisclosureRequest(expected), POLICY.disclosureRequest(Workers.dayShift()));

        Shift surgery = FamiliesTest.specialty("100", "2026-06-10");
        assertEquals(Set.of("/competencies/*"), POLICY.disclosureRequest(surgery).claims().get(CredentialType.SPECIALTY));
        Shift agencyAtRtd = FamiliesTest.agency("RTD", Optional.empty());
        assertEquals(Set.of(), POLICY.disclosureRequest(agencyAtRtd).claims().get(CredentialType.EMPLOYMENT));
        assertFalse(POLICY.disclosureRequest(FamiliesTest.agency("RXP", Optional.empty())).claims()
                .containsKey(CredentialType.EMPLOYMENT), "no restriction at RXP: employment is not asked for");
        // No identity names, registration or certificate numbers, placements or immunisations: no rule reads them.
        assertEquals(Set.of(), POLICY.disclosureRequest(agencyAtRtd).claims().get(CredentialType.IDENTITY_VERIFICATION));
    }

    @Test
    void aWorkingTimeOnlyPolicyAsksForNothing() {
        Policy minimal = PolicyFiles.valid(PolicyParseTest.MINIMAL);
        assertEquals(new DisclosureRequest(Map.of()), minimal.disclosureRequest(Workers.dayShift()));
    }

    @Test
    void theDecisionCarriesTheShiftsRequestAndNamesWhatIsMissing() {
        Shift s = Workers.dayShift();
        Decision d = POLICY.evaluate(Workers.with(new org.staffpass.passport.credential.MandatoryTraining(List.of())), s,
                WorkHistory.empty(), FamiliesTest.AT);
        assertEquals(POLICY.disclosureRequest(s), d.shiftRequest());
        assertEquals(List.of("MANDATORY_TRAINING /subjects/*"), d.disclosureRequest());
        Decision noGrade = POLICY.evaluate(Workers.without(Workers.st4(), CredentialType.GRADE), s, WorkHistory.empty(),
                FamiliesTest.AT);
        assertEquals(List.of("GRADE"), noGrade.disclosureRequest());
        assertEquals(Optional.empty(), noGrade.hourlyPay(), "undisclosed grade: no pay");
        assertTrue(noGrade.findings().stream().anyMatch(f -> f.code() == RuleCode.FACT_NOT_DISCLOSED
                && f.ruleId().equals("/rules/rates/card")));
    }

    @Test
    void presentingExactlyTheRequestNeverLeavesAFactUndisclosed() {
        Property.forAll("disclosure request suffices", Properties::scenario, sc -> {
            DisclosureRequest request = sc.policy().disclosureRequest(sc.shift());
            PassportFacts shown = present(sc.facts(), request);
            Decision d = sc.policy().evaluate(shown, sc.shift(), WorkHistory.empty(), sc.at());
            assertTrue(d.findings().stream().noneMatch(f -> f.code() == RuleCode.FACT_NOT_DISCLOSED),
                    d.findings().stream().filter(f -> !f.passed()).toList().toString());
            assertEquals(List.of(), d.disclosureRequest());
            // and showing less than asked is noticed: drop one requested type
            if (!request.claims().isEmpty()) {
                CredentialType dropped = request.claims().keySet().iterator().next();
                Decision less = sc.policy().evaluate(Workers.without(shown, dropped), sc.shift(), WorkHistory.empty(), sc.at());
                assertFalse(less.findings().stream().filter(f -> !f.passed()).toList().isEmpty());
            }
        });
    }

    static Instant at() {
        return FamiliesTest.AT;
    }
}
