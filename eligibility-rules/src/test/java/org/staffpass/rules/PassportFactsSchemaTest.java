package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.rules.internal.FactsJson;
import org.staffpass.testing.JsonSchemaCheck;

/** Keeps docs/schemas/passport-facts.schema.json in step with the facts reader. */
class PassportFactsSchemaTest {
    private static final JsonNode SCHEMA = StrictJson.parseObject(
            PolicyFiles.read("docs/schemas/passport-facts.schema.json"), "schema").value();

    @Test
    void membersPatternsAndBoundsMatchTheReader() {
        JsonSchemaCheck.assertClosedObject(SCHEMA, FactsJson.TOP_MEMBERS, FactsJson.TOP_MEMBERS, "passport facts");
        JsonNode credential = SCHEMA.at("/$defs/credential");
        JsonSchemaCheck.assertClosedObject(credential, FactsJson.CREDENTIAL_MEMBERS, FactsJson.CREDENTIAL_MEMBERS,
                "/$defs/credential");
        assertEquals(FactsJson.DIGEST_PATTERN, SCHEMA.at("/$defs/digest/pattern").textValue());
        assertEquals(FactsJson.INSTANT_PATTERN, SCHEMA.at("/$defs/instant/pattern").textValue());
        assertEquals(FactsJson.MAX_TEXT, credential.at("/properties/issuer/maxLength").intValue());
        assertEquals(FactsJson.MAX_DISCLOSED, credential.at("/properties/disclosed/maxItems").intValue());
        assertEquals(CredentialType.values().length, SCHEMA.at("/properties/credentials/maxItems").intValue());
    }
}
