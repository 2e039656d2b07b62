package org.staffpass.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
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
import org.staffpass.testing.Repository;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.cli.demo.region.RegionCalendar;
import org.staffpass.cli.demo.region.SyntheticRegion;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedCredential;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.AuditLogWriter;
import org.staffpass.rules.audit.DecisionContext;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.DecisionRecordSigner;
import org.staffpass.rules.audit.SignedPolicy;

/**
 * docs/formats.md promises that every document has a JSON Schema in docs/schemas; this test
 * holds the promise with an independent validator over documents our own code generates (the
 * demo region's trust list and every verified credential of its workers, their passport facts,
 * signed decision records in an audit log, and the example policies), and shows the schemas are
 * not vacuous by refusing altered documents. The CLI's input files are checked by
 * {@link InputFilesMatchSchemasTest}.
 */
class GeneratedDocumentsMatchSchemasTest {
    private static SyntheticRegion region;
    private static List<VerifiedPassport> passports;

    @BeforeAll
    static void buildRegion() {
        region = SyntheticRegion.build(3, 40);
        Clock clock = Clock.fixed(RegionCalendar.BOOKING_RUN, ZoneOffset.UTC);
        PassportVerifier verifier = PassportVerifier.builder().trustAnchors(region.trustAnchors(clock))
                .statusLists(region.statusListStore(clock, Duration.ofHours(24))).audience("RA1").clock(clock)
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
        try (Stream<Path> files = Files.list(Repository.root().resolve("examples/policies"))) {
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

    @Test
    void passportFactsOfVerifiedPassportsMatchTheirSchema() {
        SchemaCheck schema = SchemaCheck.of("passport-facts.schema.json");
        for (VerifiedPassport passport : passports) {
            JsonNode facts = SchemaCheck.read(PassportFacts.of(passport).toJson());
            assertEquals(List.of(), schema.violations(facts));
            assertEquals(9, facts.get("credentials").size(), "every type presented");
        }
        ObjectNode altered = (ObjectNode) SchemaCheck.read(PassportFacts.of(passports.get(0)).toJson());
        ((ObjectNode) altered.get("credentials").get(0)).put("credentialDigest", "not a digest");
        assertFalse(schema.violations(altered).isEmpty(), "a credential digest that is not 43 base64url characters is refused");
        ObjectNode extra = (ObjectNode) SchemaCheck.read(PassportFacts.of(passports.get(0)).toJson());
        extra.put("verifiedAt", "2027-02-28T09:00:00Z");
        assertFalse(schema.violations(extra).isEmpty(), "an unknown member is refused");
    }

    @Test
    void signedDecisionRecordsAndTheAuditLogMatchTheDecisionRecordSchema(@TempDir Path dir) throws IOException {
        SchemaCheck schema = SchemaCheck.of("decision-record.schema.json");
        Policy doctors = examplePolicy("regional-doctors-bank.json");
        Policy nurses = examplePolicy("regional-nursing-ahp-bank.json");
        Instant at = RegionCalendar.BOOKING_RUN;
        DecisionRecordSigner signer = DecisionRecordSigner.of(SigningKey.generate(SignatureAlgorithm.ES256),
                "https://lead-employer.nhs.example");
        Path log = dir.resolve("decisions.log");
        List<DecisionRecord> written = new ArrayList<>();
        try (AuditLogWriter writer = ((AuditLogWriter.Ready) AuditLogWriter.open(log, signer)).writer()) {
            for (VerifiedPassport passport : passports.subList(0, 6)) {
                PassportFacts facts = PassportFacts.of(passport);
                boolean doctor = passport.grade().orElseThrow().credential().staffGroup() == Grade.StaffGroup.MEDICAL_AND_DENTAL;
                Policy policy = doctor ? doctors : nurses;
                Shift shift = doctor ? shift("ST3", "ST5", "93.00") : shift("AFC_5", "AFC_6", "19.84");
                written.add(writer.append(policy.evaluate(facts, shift, WorkHistory.empty(), at), context(facts, policy,
                        shift, at)).record());
            }
            // A decision that relied on a recorded break glass (the example ST4, whose facts pass every other rule).
            Instant june = Instant.parse("2026-06-01T09:00:00Z");
            PassportFacts st4 = ((PassportFacts.Parsed) PassportFacts.parse(Files.readAllBytes(Repository.root()
                    .resolve("examples/policies/workers/st4-medicine.json")), CredentialValidator.create(
                            Vocabularies.standard(), Clock.fixed(june, ZoneOffset.UTC)))).facts();
            Shift aboveCap = ((Shift.Resolved) Shift.ofLocal("RTD", "RTD01", "Acute medical unit", new SpecialtyCode("300"),
                    new GradeCode("ST3"), new GradeCode("ST5"), LocalDateTime.parse("2026-06-10T08:00"),
                    LocalDateTime.parse("2026-06-10T17:00"), Shift.Channel.BANK, new BigDecimal("300.01"))).shift();
            Decision glass = doctors.evaluate(st4, aboveCap, WorkHistory.empty(), june,
                    new BreakGlass("chief-executive", "CEO-0001", "no resus-trained cover on the AMU", june.minusSeconds(1800)));
            assertEquals(Outcome.NEEDS_APPROVAL, glass.outcome());
            written.add(writer.append(glass, context(st4, doctors, aboveCap, june)).record());
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(written.size(), lines.size(), "one compact JWS per line");
        for (String line : lines) {
            String[] parts = line.split("\\.");
            assertEquals(3, parts.length, "a compact JWS");
            JsonNode header = SchemaCheck.read(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            assertEquals(DecisionRecord.TYPE, header.get("typ").textValue());
            JsonNode payload = SchemaCheck.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            assertEquals(List.of(), schema.violations(payload), "record " + payload.get("seq"));
        }
        JsonNode last = SchemaCheck.read(new String(written.get(written.size() - 1).payload(), StandardCharsets.UTF_8));
        assertTrue(last.get("approvals").toString().contains("CEO-0001"), "the break glass is recorded: " + last.get("approvals"));
        ObjectNode altered = last.deepCopy();
        altered.put("outcome", "PROBABLY");
        assertFalse(schema.violations(altered).isEmpty(), "an outcome outside the enum is refused");
        ObjectNode unknown = last.deepCopy();
        unknown.put("note", "not in the format");
        assertFalse(schema.violations(unknown).isEmpty(), "an unknown member is refused");
    }

    @Test
    void aSignedPolicysPayloadCarriesAPolicyMatchingThePolicySchema() throws IOException {
        Policy policy = examplePolicy("regional-nursing-ahp-bank.json");
        String token = SignedPolicy.sign(policy, SigningKey.generate(SignatureAlgorithm.EDDSA),
                "https://bank.nhs.example", Instant.parse("2026-03-01T09:00:00Z"));
        String[] parts = token.split("\\.");
        JsonNode header = SchemaCheck.read(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        assertEquals(SignedPolicy.TYPE, header.get("typ").textValue());
        JsonNode payload = SchemaCheck.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        List<String> members = new ArrayList<>();
        payload.fieldNames().forEachRemaining(members::add);
        assertEquals(Set.of("iss", "iat", "policy"), Set.copyOf(members));
        SchemaCheck schema = SchemaCheck.of("policy.schema.json");
        assertEquals(List.of(), schema.violations(payload.get("policy")));
        ObjectNode altered = payload.get("policy").deepCopy();
        ((ObjectNode) altered.get("rules")).put("vibes", "good");
        assertFalse(schema.violations(altered).isEmpty(), "an unknown member is refused");
    }

    private static Policy examplePolicy(String name) throws IOException {
        return ((PolicyResult.Valid) Policy.parse(Files.readAllBytes(Repository.root().resolve("examples/policies")
                .resolve(name)))).policy();
    }

    /** A March 2027 long day at RA1 in acute medicine (300). */
    private static Shift shift(String minGrade, String maxGrade, String rate) {
        return ((Shift.Resolved) Shift.ofLocal("RA1", "RA101", "Acute medical unit", new SpecialtyCode("300"),
                new GradeCode(minGrade), new GradeCode(maxGrade), LocalDateTime.parse("2027-03-10T07:30"),
                LocalDateTime.parse("2027-03-10T20:00"), Shift.Channel.BANK, new BigDecimal(rate))).shift();
    }

    private static DecisionContext context(PassportFacts facts, Policy policy, Shift shift, Instant at) {
        return DecisionContext.builder().shift(shift).policy(policy)
                .credentialDigests(facts.credentials().values().stream().map(PassportFacts.CredentialFacts::credentialDigest)
                        .toList())
                .holderKeyThumbprint(facts.holderKeyThumbprint()).decidedAt(at)
                .historyDigest(DecisionContext.digest("{\"shifts\":[]}")).build();
    }

    private static String slug(CredentialType type) {
        return type.vct().replaceAll("^.*/vct/([a-z-]+)/v1$", "$1");
    }
}
