package org.staffpass.crypto.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.testing.JsonSchemaCheck;

/**
 * Keeps docs/schemas/trust-list.schema.json in step with the reader: the same members,
 * required members and bounds at every level, and every document the reader accepts is
 * valid by the schema (see also {@link TrustListProperties}).
 */
class TrustListSchemaTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();

    static JsonNode schemaNode() {
        try {
            String text = Files.readString(REPOSITORY.resolve("docs/schemas/trust-list.schema.json"));
            return StrictJson.parseObject(text, "trust list schema").value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchemaCheck schema() {
        return new JsonSchemaCheck(schemaNode());
    }

    @Test
    void memberSetsMatchTheReadersAllowListsAtEveryLevel() {
        JsonNode root = schemaNode();
        assertEquals("https://json-schema.org/draft/2020-12/schema", root.get("$schema").textValue());
        JsonSchemaCheck.assertClosedObject(root, TrustListCodec.TOP_LEVEL_MEMBERS, TrustListCodec.TOP_LEVEL_REQUIRED, "payload");
        JsonSchemaCheck.assertClosedObject(root.at("/$defs/issuer"), TrustListCodec.ISSUER_MEMBERS, TrustListCodec.ISSUER_REQUIRED, "issuer");
        JsonSchemaCheck.assertClosedObject(root.at("/$defs/jwks"), TrustListCodec.JWKS_MEMBERS, TrustListCodec.JWKS_REQUIRED, "jwks");
        JsonSchemaCheck.assertClosedObject(root.at("/$defs/jwk"), TrustListCodec.JWK_MEMBERS, TrustListCodec.JWK_REQUIRED, "jwk");
        assertEquals("#/$defs/issuer", root.at("/properties/issuers/items/$ref").textValue());
        assertEquals("#/$defs/jwks", root.at("/$defs/issuer/properties/jwks/$ref").textValue());
        assertEquals("#/$defs/jwk", root.at("/$defs/jwks/properties/keys/items/$ref").textValue());
    }

    @Test
    void boundsMatchTheReaders() {
        JsonNode root = schemaNode();
        assertEquals(TrustListRules.MAX_OPERATOR_LENGTH, root.at("/properties/iss/maxLength").intValue());
        assertEquals(1, root.at("/properties/sequence/minimum").longValue());
        assertEquals(TrustListRules.MAX_SEQUENCE, root.at("/properties/sequence/maximum").longValue());
        assertEquals(TrustListRules.MAX_EPOCH_SECOND, root.at("/$defs/numericDate/maximum").longValue());
        assertEquals(0, root.at("/$defs/numericDate/minimum").longValue());
        assertEquals(TrustListRules.MAX_ISSUERS, root.at("/properties/issuers/maxItems").intValue());
        JsonNode issuer = root.at("/$defs/issuer/properties");
        assertEquals(TrustListRules.MAX_ISSUER_ID_LENGTH, issuer.at("/id/maxLength").intValue());
        assertEquals(TrustListRules.MAX_NAME_LENGTH, issuer.at("/name/maxLength").intValue());
        assertEquals(TrustListRules.MAX_ORGANISATION_CODE_LENGTH, issuer.at("/organisationCode/maxLength").intValue());
        assertEquals(1, issuer.at("/credentialTypes/minItems").intValue());
        assertEquals(TrustListRules.MAX_TYPES_PER_ISSUER, issuer.at("/credentialTypes/maxItems").intValue());
        assertTrue(issuer.at("/credentialTypes/uniqueItems").booleanValue());
        assertEquals(TrustListRules.MAX_CREDENTIAL_TYPE_LENGTH, issuer.at("/credentialTypes/items/maxLength").intValue());
        assertEquals(1, root.at("/$defs/jwks/properties/keys/minItems").intValue());
        assertEquals(TrustListRules.MAX_KEYS_PER_ISSUER, root.at("/$defs/jwks/properties/keys/maxItems").intValue());
        assertEquals(TrustListRules.MAX_KID_LENGTH, root.at("/$defs/jwk/properties/kid/maxLength").intValue());
        assertEquals(Arrays.stream(TrustedIssuer.Status.values()).map(TrustedIssuer.Status::jsonName).collect(Collectors.toSet()),
                JsonSchemaCheck.strings(issuer.at("/status/enum")));
    }

    @Test
    void aWrittenListConformsAndTheCheckIsNotVacuous() {
        ObjectNode payload = TrustListTest.samplePayload();
        assertEquals(List.of(), schema().problems(payload));

        TrustListTest.issuer0(payload).put("registry", "X");
        payload.put("sequence", 0);
        TrustListTest.key00(payload).put("d", "secret");
        assertEquals(Set.of("/issuers/0/registry: is not allowed", "/sequence: is below 1", "/issuers/0/jwks/keys/0/d: is not allowed"),
                Set.copyOf(schema().problems(payload)));
    }

    @Test
    void theSamplePayloadInTheDocsIsValid() throws IOException {
        String doc = Files.readString(REPOSITORY.resolve("docs/trust-lists.md"));
        int marker = doc.indexOf("<!-- sample-payload -->");
        assertTrue(marker >= 0, "docs/trust-lists.md marks its sample with <!-- sample-payload -->");
        int start = doc.indexOf("```json\n", marker) + "```json\n".length();
        String sample = doc.substring(start, doc.indexOf("```", start));

        TrustList list = TrustList.parsePayload(sample).value();
        assertEquals(List.of(), schema().problems(StrictJson.parseObject(sample, "sample").value()));
        assertFalse(list.issuers().isEmpty());
    }
}
