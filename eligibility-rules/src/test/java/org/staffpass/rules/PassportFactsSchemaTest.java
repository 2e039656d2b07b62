package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.rules.internal.FactsJson;

/** Keeps docs/schemas/passport-facts.schema.json in step with the facts reader. */
class PassportFactsSchemaTest {
    private static final JsonNode SCHEMA = StrictJson.parseObject(
            PolicyFiles.read("docs/schemas/passport-facts.schema.json"), "schema").value();

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.textValue()));
        return values;
    }

    @Test
    void membersPatternsAndBoundsMatchTheReader() {
        assertEquals("object", SCHEMA.get("type").textValue());
        assertFalse(SCHEMA.get("additionalProperties").asBoolean(true));
        assertEquals(FactsJson.TOP_MEMBERS, names(SCHEMA.get("properties")));
        assertEquals(FactsJson.TOP_MEMBERS, strings(SCHEMA.get("required")));
        JsonNode credential = SCHEMA.at("/$defs/credential");
        assertFalse(credential.get("additionalProperties").asBoolean(true));
        assertEquals(FactsJson.CREDENTIAL_MEMBERS, names(credential.get("properties")));
        assertEquals(FactsJson.CREDENTIAL_MEMBERS, strings(credential.get("required")));
        assertEquals(FactsJson.DIGEST_PATTERN, SCHEMA.at("/$defs/digest/pattern").textValue());
        assertEquals(FactsJson.INSTANT_PATTERN, SCHEMA.at("/$defs/instant/pattern").textValue());
        assertEquals(FactsJson.MAX_TEXT, credential.at("/properties/issuer/maxLength").intValue());
        assertEquals(FactsJson.MAX_DISCLOSED, credential.at("/properties/disclosed/maxItems").intValue());
        assertEquals(CredentialType.values().length, SCHEMA.at("/properties/credentials/maxItems").intValue());
    }
}
