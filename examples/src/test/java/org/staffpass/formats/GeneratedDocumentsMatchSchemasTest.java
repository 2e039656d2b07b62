package org.staffpass.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.staffpass.cli.demo.region.RegionCalendar;
import org.staffpass.cli.demo.region.SyntheticRegion;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedCredential;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * docs/formats.md promises that every document has a JSON Schema in docs/schemas; this test
 * holds the promise with an independent validator over documents our own code generates (the
 * demo region's trust list and every verified credential of its workers, and the example
 * policies), and shows the schemas are not vacuous by refusing altered documents.
 */
class GeneratedDocumentsMatchSchemasTest {
    private static SyntheticRegion region;
    private static List<VerifiedPassport> passports;

    @BeforeAll
    static void buildRegion() {
        region = SyntheticRegion.build(3, 40);
        Clock clock = Clock.fixed(RegionCalendar.BOOKING_RUN, ZoneOffset.UTC);
        StatusListStore store = StatusListStore.builder()
                .trustedKeys(region.organisations().issuers().stream().map(o -> o.key().verificationKey()).toList())
                .clock(clock).maxAge(Duration.ofHours(24)).build();
        region.statusLists().forEach(store::load);
        PassportVerifier verifier = PassportVerifier.builder()
                .trustAnchors(TrustAnchors.load(region.trustListJws(), List.of(region.operatorKey()), clock).value())
                .statusLists(store).audience("RA1").clock(clock)
                .validator(CredentialValidator.create(Vocabularies.standard(), clock)).build();
        passports = new ArrayList<>();
        for (SyntheticRegion.RegionWorker worker : region.workers()) {
            Map<CredentialType, Set<String>> all = new EnumMap<>(CredentialType.class);
            for (CredentialType type : CredentialType.values()) {
                all.put(type, Set.copyOf(type.selectivelyDisclosable()));
            }
            PassportVerification result = verifier.verify(
                    worker.wallet().present("RA1", "n", new DisclosureRequest(all)), "n");
            if (result instanceof VerifiedPassport passport) {
                passports.add(passport);
            }
        }
        assertTrue(passports.size() > 30, "most demo passports verify: " + passports.size());
    }

    @Test
    void theTrustListPayloadMatchesItsSchema() {
        String payload = new String(Base64.getUrlDecoder().decode(region.trustListJws().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        SchemaCheck schema = SchemaCheck.of("trust-list.schema.json");
        JsonNode document = SchemaCheck.read(payload);
        assertEquals(List.of(), schema.violations(document));
        ObjectNode altered = document.deepCopy();
        altered.put("operator_note", "not in the format");
        assertFalse(schema.violations(altered).isEmpty(), "an unknown member is refused");
    }

    @Test
    void everyVerifiedCredentialMatchesTheSchemaOfItsType() {
        int checked = 0;
        for (VerifiedPassport passport : passports) {
            for (VerifiedCredential<?> credential : passport.credentials()) {
                CredentialType type = credential.credential().credentialType();
                SchemaCheck schema = SchemaCheck.of("credentials/" + slug(type) + ".schema.json");
                ObjectNode claims = credential.claims();
                claims.put("vct", type.vct());
                assertEquals(List.of(), schema.violations(claims), type.name());
                checked++;
            }
        }
        assertTrue(checked >= 9 * 30, "checked " + checked);
        ObjectNode grade = passports.get(0).grade().orElseThrow().claims();
        grade.put("vct", CredentialType.GRADE.vct());
        grade.put("grade", 7);
        assertFalse(SchemaCheck.of("credentials/grade.schema.json").violations(grade).isEmpty(), "a wrong type is refused");
    }

    @Test
    void presentationsAndStatusListTokensMatchTheirSchemas() {
        SchemaCheck presentationSchema = SchemaCheck.of("presentation.schema.json");
        for (SyntheticRegion.RegionWorker worker : region.workers().subList(0, 5)) {
            JsonNode presentation = SchemaCheck.read(worker.wallet().present("RA3", "nonce-1",
                    DisclosureRequest.of(CredentialType.DBS_CHECK).and(CredentialType.GRADE)));
            assertEquals(List.of(), presentationSchema.violations(presentation), worker.profile().id());
        }
        assertFalse(presentationSchema.violations(SchemaCheck.read("{\"presentation\":[\"a.b.c\"]}")).isEmpty(),
                "an SD-JWT without key binding is not a presentation");
        SchemaCheck statusSchema = SchemaCheck.of("status-list-token.schema.json");
        for (String token : region.statusLists().values()) {
            JsonNode payload = SchemaCheck.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(List.of(), statusSchema.violations(payload));
            ObjectNode altered = payload.deepCopy();
            ((ObjectNode) altered.get("status_list")).put("bits", 3);
            assertFalse(statusSchema.violations(altered).isEmpty(), "3 bits per status is refused");
        }
    }

    @Test
    void everyExamplePolicyMatchesThePolicySchema() throws IOException {
        SchemaCheck schema = SchemaCheck.of("policy.schema.json");
        List<Path> policies;
        try (Stream<Path> files = Files.list(SchemaCheck.root().resolve("examples/policies"))) {
            policies = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(policies.isEmpty());
        for (Path policy : policies) {
            JsonNode document = SchemaCheck.read(Files.readString(policy));
            assertEquals(List.of(), schema.violations(document), policy.getFileName().toString());
            ObjectNode altered = document.deepCopy();
            altered.remove("id");
            assertFalse(schema.violations(altered).isEmpty(), "a policy without id is refused");
        }
    }

    private static String slug(CredentialType type) {
        return type.vct().replaceAll("^.*/vct/([a-z-]+)/v1$", "$1");
    }
}
