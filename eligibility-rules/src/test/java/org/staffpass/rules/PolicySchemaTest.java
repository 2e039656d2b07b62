package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.rules.internal.PolicyReader;
import org.staffpass.testing.JsonSchemaCheck;

/**
 * Keeps docs/schemas/policy.schema.json in step with the validator: the same members and
 * required members at every level, and the same patterns and working-time bounds.
 */
class PolicySchemaTest {
    private static final JsonNode SCHEMA = StrictJson.parseObject(PolicyFiles.read("docs/schemas/policy.schema.json"), "schema").value();

    private static void assertObject(String pointer, Set<String> members, Set<String> required) {
        JsonSchemaCheck.assertClosedObject(SCHEMA.at(pointer), members, required, pointer);
    }

    @Test
    void memberSetsMatchTheValidatorsAllowListsAtEveryLevel() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA.get("$schema").textValue());
        assertObject("", PolicyReader.TOP_MEMBERS, PolicyReader.TOP_REQUIRED);
        assertObject("/$defs/effective", PolicyReader.EFFECTIVE_MEMBERS, PolicyReader.EFFECTIVE_REQUIRED);
        assertObject("/$defs/vocabularies", PolicyReader.VOCABULARIES_MEMBERS, PolicyReader.VOCABULARIES_REQUIRED);
        assertObject("/$defs/timeBands", PolicyReader.TIME_BANDS_MEMBERS, PolicyReader.TIME_BANDS_MEMBERS);
        assertObject("/$defs/rules", PolicyReader.RULES_MEMBERS, Set.of());
        assertObject("/$defs/credentials", PolicyReader.CREDENTIALS_MEMBERS, PolicyReader.CREDENTIALS_REQUIRED);
        assertObject("/$defs/registration", PolicyReader.REGISTRATION_MEMBERS, PolicyReader.REGISTRATION_REQUIRED);
        assertObject("/$defs/gradeAndSpecialty", PolicyReader.GRADE_MEMBERS, PolicyReader.GRADE_REQUIRED);
        assertObject("/$defs/temporaryEquivalent", PolicyReader.TEMPORARY_MEMBERS, PolicyReader.TEMPORARY_MEMBERS);
        assertObject("/$defs/groupRequirements", PolicyReader.GROUP_REQUIREMENT_MEMBERS, Set.of());
        assertObject("/$defs/compliance", PolicyReader.COMPLIANCE_MEMBERS, Set.of());
        assertObject("/$defs/identityCheck", PolicyReader.IDENTITY_MEMBERS, Set.of());
        assertObject("/$defs/dbsCheck", PolicyReader.DBS_MEMBERS, PolicyReader.DBS_REQUIRED);
        assertObject("/$defs/occupationalHealthCheck", PolicyReader.OCCUPATIONAL_HEALTH_MEMBERS, Set.of());
        assertObject("/$defs/trainingRequirement", PolicyReader.TRAINING_MEMBERS, PolicyReader.TRAINING_MEMBERS);
        assertObject("/$defs/workingTime", PolicyReader.WORKING_TIME.keySet(), Set.of());
        assertObject("/$defs/restrictions", PolicyReader.RESTRICTIONS_MEMBERS, Set.of());
        assertObject("/$defs/rates", PolicyReader.RATES_MEMBERS, PolicyReader.RATES_REQUIRED);
        assertObject("/$defs/rateCard", PolicyReader.RATE_CARD_MEMBERS, Set.of());
        assertObject("/$defs/escalationTier", PolicyReader.TIER_MEMBERS, PolicyReader.TIER_MEMBERS);
        assertObject("/$defs/example", PolicyReader.EXAMPLE_MEMBERS, PolicyReader.EXAMPLE_REQUIRED);
        assertObject("/$defs/exampleShift", PolicyReader.EXAMPLE_SHIFT_MEMBERS, PolicyReader.EXAMPLE_SHIFT_REQUIRED);
        assertObject("/$defs/exampleHistoryEntry", PolicyReader.EXAMPLE_HISTORY_MEMBERS, PolicyReader.EXAMPLE_HISTORY_MEMBERS);
        assertObject("/$defs/exampleCredential", PolicyReader.EXAMPLE_WITH_MEMBERS, PolicyReader.EXAMPLE_WITH_REQUIRED);
        assertObject("/$defs/breakGlass", PolicyReader.BREAK_GLASS_MEMBERS, PolicyReader.BREAK_GLASS_MEMBERS);
    }

    @Test
    void patternsAndBoundsMatchTheValidator() {
        assertEquals(PolicyReader.ID_PATTERN, SCHEMA.at("/$defs/identifier/pattern").textValue());
        assertEquals(PolicyReader.DECIMAL_PATTERN, SCHEMA.at("/$defs/decimal/pattern").textValue());
        assertEquals(PolicyReader.ODS_TRUST_PATTERN, SCHEMA.at("/$defs/restrictions/properties/noAgencyForSubstantiveStaffOf/items/pattern").textValue());
        assertEquals(PolicyReader.ODS_TRUST_PATTERN, SCHEMA.at("/$defs/odsTrust/pattern").textValue());
        assertEquals(PolicyReader.COMPETENCY_PATTERN, SCHEMA.at("/$defs/groupRequirements/properties/competencies/items/pattern").textValue());
        assertEquals(PolicyReader.MAX_CASCADE_HOURS, SCHEMA.at("/$defs/restrictions/properties/agencyCascadeHours/maximum").intValue());
        assertEquals(PolicyReader.MAX_TEXT, SCHEMA.at("/$defs/text/maxLength").intValue());
        assertEquals(PolicyReader.INSTANT_PATTERN, SCHEMA.at("/$defs/instant/pattern").textValue());
        PolicyReader.WORKING_TIME.forEach((name, bounds) -> {
            JsonNode member = SCHEMA.at("/$defs/workingTime/properties/" + name);
            assertEquals("integer", member.get("type").textValue(), name);
            assertEquals(bounds.fallback(), member.get("default").intValue(), name + " default");
            assertEquals(bounds.min(), member.get("minimum").intValue(), name + " minimum");
            assertEquals(bounds.max(), member.get("maximum").intValue(), name + " maximum");
        });
    }
}
