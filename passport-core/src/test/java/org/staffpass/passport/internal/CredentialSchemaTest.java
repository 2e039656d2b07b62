package org.staffpass.passport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.credential.CredentialType;

/**
 * Keeps docs/schemas/credentials/*.schema.json in step with the claims mapping: the same
 * members in the same order, the same required members, nested objects under the same
 * {@code $defs} names, the same enum values as the Java enums, the same JSON types as the
 * record components, and descriptions that say which claims are selectively disclosable.
 * A structural check with Jackson (no JSON Schema library is a dependency).
 */
class CredentialSchemaTest {

    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("passport-core")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found");
        }
        return dir;
    }

    /** {@code https://staffpass.example/vct/dbs-check/v1} gives {@code dbs-check}. */
    static String typeName(CredentialType type) {
        String vct = type.vct();
        assertTrue(vct.matches("^https://staffpass\\.example/vct/[a-z-]+/v[0-9]+$"), vct);
        return vct.substring("https://staffpass.example/vct/".length(), vct.lastIndexOf("/v"));
    }

    static ObjectNode schema(CredentialType type) throws Exception {
        Path file = repository().resolve("docs/schemas/credentials/" + typeName(type) + ".schema.json");
        return StrictJsonReader.readObject(Files.readAllBytes(file), file.toString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }

    private static void assertObject(JsonNode schema, List<String> members, Set<String> required, String where) {
        assertEquals("object", schema.path("type").textValue(), where);
        assertFalse(schema.path("additionalProperties").asBoolean(true), where + " sets additionalProperties: false");
        assertEquals(members, names(schema.get("properties")), where + " properties (in claims order)");
        assertEquals(required, strings(schema.get("required")), where + " required");
    }

    @Test
    void everyTypeHasASchemaWithTheMappersMembers() throws Exception {
        for (CredentialType type : CredentialType.values()) {
            ObjectNode schema = schema(type);
            CredentialCodec<?> codec = Codecs.of(type);
            String where = typeName(type);
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").textValue());
            List<String> members = new ArrayList<>(List.of(Codecs.VCT));
            members.addAll(codec.shape().members());
            Set<String> required = new LinkedHashSet<>(Set.of(Codecs.VCT));
            required.addAll(codec.shape().required());
            assertObject(schema, members, required, where);
            assertEquals(type.vct(), schema.at("/properties/vct/const").textValue(), where);

            Set<String> defs = new HashSet<>(names(schema.get("$defs")));
            assertEquals(codec.nestedShapes().stream().map(ClaimShape::name).collect(Collectors.toSet()),
                    defs.stream().filter(name -> !name.equals("date")).collect(Collectors.toSet()), where + " $defs");
            assertTrue(defs.contains("date"), where);
            for (ClaimShape nested : codec.nestedShapes()) {
                assertObject(schema.get("$defs").get(nested.name()), nested.members(), nested.required(), where + " " + nested.name());
            }
            checkTypes(schema, schema, type.recordType(), where);
        }
    }

    /** Each property's JSON type follows its record component's Java type. */
    private static void checkTypes(ObjectNode root, JsonNode objectSchema, Class<?> record, String where) {
        for (RecordComponent component : record.getRecordComponents()) {
            String claim = ViolationMapper.snakeCase(component.getName());
            JsonNode property = objectSchema.get("properties").get(claim);
            checkValue(root, property, component.getGenericType(), where + "/" + claim);
        }
    }

    private static void checkValue(ObjectNode root, JsonNode property, Type type, String where) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == Optional.class) {
            checkValue(root, property, ((ParameterizedType) type).getActualTypeArguments()[0], where);
            return;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            assertEquals("array", property.path("type").textValue(), where);
            checkValue(root, property.get("items"), ((ParameterizedType) type).getActualTypeArguments()[0], where + "/*");
            return;
        }
        if (property.has("$ref")) {
            String ref = property.get("$ref").textValue();
            assertTrue(ref.startsWith("#/$defs/"), where);
            String def = ref.substring("#/$defs/".length());
            if (raw == LocalDate.class) {
                assertEquals("date", def, where);
            } else {
                assertEquals(raw, ClaimNamesTest.NESTED.get(def), where + " $ref " + def);
                checkTypes(root, root.get("$defs").get(def), raw, where);
            }
            return;
        }
        assertFalse(raw == LocalDate.class || raw.isRecord() && !raw.getPackageName().endsWith(".vocab"),
                where + " should be a $ref");
        if (raw.isEnum()) {
            assertEquals("string", property.path("type").textValue(), where);
            assertEquals(Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet()),
                    strings(property.get("enum")), where + " enum");
        } else if (raw == boolean.class || raw == Boolean.class) {
            assertEquals("boolean", property.path("type").textValue(), where);
        } else if (raw == int.class) {
            assertEquals("integer", property.path("type").textValue(), where);
        } else {
            // String or a vocabulary code: a string with a pattern.
            assertEquals("string", property.path("type").textValue(), where);
            assertTrue(property.has("pattern"), where + " has a pattern");
        }
    }

    @Test
    void descriptionsSayWhatIsSelectivelyDisclosable() throws Exception {
        for (CredentialType type : CredentialType.values()) {
            JsonNode properties = schema(type).get("properties");
            for (String claim : names(properties)) {
                if (claim.equals(Codecs.VCT)) {
                    continue;
                }
                String description = properties.get(claim).path("description").textValue();
                String expected = type.selectivelyDisclosable().contains("/" + claim) ? "Selectively disclosable."
                        : type.selectivelyDisclosable().contains("/" + claim + "/*") ? "Each element is selectively disclosable"
                        : "Always visible.";
                assertTrue(description != null && description.contains(expected), typeName(type) + "/" + claim + ": " + description);
            }
        }
    }

    @Test
    void boundsMatchTheLimits() throws Exception {
        Map<String, Integer> maxItems = Map.of("mandatory-training/subjects", ClaimLimits.MAX_ITEMS,
                "specialty/specialties", ClaimLimits.MAX_SPECIALTIES, "specialty/life_support", ClaimLimits.MAX_ITEMS,
                "employment/placements", ClaimLimits.MAX_ITEMS, "occupational-health/immunisations", ClaimLimits.MAX_ITEMS,
                "professional-registration/annotations", ClaimLimits.MAX_ITEMS);
        for (Map.Entry<String, Integer> bound : maxItems.entrySet()) {
            String[] parts = bound.getKey().split("/");
            CredentialType type = Arrays.stream(CredentialType.values()).filter(t -> typeName(t).equals(parts[0])).findFirst().orElseThrow();
            assertEquals(bound.getValue().intValue(), schema(type).at("/properties/" + parts[1] + "/maxItems").intValue(), bound.getKey());
        }
        JsonNode identity = schema(CredentialType.IDENTITY_VERIFICATION).get("properties");
        assertEquals(ClaimLimits.NAME_MAX, identity.at("/given_name/maxLength").intValue());
        assertEquals(ClaimLimits.ODS_TRUST, schema(CredentialType.EMPLOYMENT).at("/properties/employer/pattern").textValue());
        assertEquals(ClaimLimits.DBS_CERTIFICATE,
                schema(CredentialType.DBS_CHECK).at("/properties/certificate_number/pattern").textValue());
    }
}
