package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.Specialty;
import org.staffpass.passport.vocab.Register;

/**
 * Every family of the example policy at its boundaries: one table row per case, asserting the
 * outcome and exactly the set of failed reason codes.
 */
class FamiliesTest {
    static final Policy POLICY = PolicyFiles.valid(PolicyFiles.examplePolicy());
    static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");
    static final PassportFacts ST4 = Workers.st4();

    static Policy variant(String from, String to) {
        String text = PolicyFiles.examplePolicy();
        if (!text.contains(from)) {
            throw new AssertionError("not in the example policy: " + from);
        }
        return PolicyFiles.valid(text.replace(from, to));
    }

    /** A policy for approved F1 posts at RTD (the example policy, for bank work, accepts no provisional registration). */
    static final Policy FY1_POLICY = PolicyFiles.valid(PolicyFiles.examplePolicy()
            .replace("\"minimumGrade\": \"FY2\"", "\"minimumGrade\": \"FY1\"")
            .replace("\"allowProvisional\": false,", "\"allowProvisional\": true, \"provisionalAllowedAt\": [\"RTD\"],"));
    static final Policy CONDITIONS_BLOCK = variant(
            "\"conditionsNeedReview\": true, \"conditionsApprovalRole\": \"responsible-officer\"",
            "\"conditionsNeedReview\": false");
    static final Policy EPP = variant("\"requireEppClearance\": false", "\"requireEppClearance\": true");

    static Shift day() {
        return Workers.dayShift();
    }

    static Shift at(String start, String end) {
        return Workers.shift("RTD", "300", "ST3", "ST5", start, end, Shift.Channel.BANK, "93.00");
    }

    static Shift fy1(String organisation) {
        return Workers.shift(organisation, "300", "FY1", "FY2", "2026-06-10T08:00", "2026-06-10T17:00",
                Shift.Channel.BANK, "62.00");
    }

    static Shift specialty(String code, String day) {
        return Workers.shift("RTD", code, "ST3", "ST5", day + "T08:00", day + "T17:00", Shift.Channel.BANK, "93.00");
    }

    static Shift agency(String organisation, Optional<Instant> released) {
        Shift s = Workers.shift(organisation, "300", "ST3", "ST5", "2026-06-10T08:00", "2026-06-10T17:00",
                Shift.Channel.AGENCY, "93.00");
        return released.map(s::withBankReleaseAt).orElse(s);
    }

    static PassportFacts training(String subject, int level, String completed, String expires) {
        List<MandatoryTraining.TrainingRecord> records = new java.util.ArrayList<>(Workers.training().subjects());
        records.removeIf(r -> r.subject().value().equals(subject));
        records.add(Workers.training(subject, level, completed, expires));
        return Workers.with(new MandatoryTraining(records));
    }

    static PassportFacts registration(ProfessionalRegistration r) {
        return Workers.with(r);
    }

    static ProfessionalRegistration annotated(String from, Optional<String> until) {
        return Workers.registration(ProfessionalRegistration.RegistrationType.FULL,
                ProfessionalRegistration.Status.REGISTERED, true,
                List.of(new ProfessionalRegistration.RegistrationAnnotation(
                        ProfessionalRegistration.RegistrationAnnotation.Kind.CONDITIONS, Workers.d(from),
                        until.map(Workers::d))));
    }

    static PassportFacts fy1Provisional() {
        List<org.staffpass.passport.credential.Credential> all = Workers.all("FY1");
        all.removeIf(c -> c.credentialType() == CredentialType.PROFESSIONAL_REGISTRATION);
        all.add(Workers.registration(ProfessionalRegistration.RegistrationType.PROVISIONAL,
                ProfessionalRegistration.Status.REGISTERED, true, List.of()));
        return TestFacts.of(all);
    }

    static PassportFacts lifeSupport(String expires) {
        return Workers.with(Workers.specialty(List.of("300"), List.of(Workers.lifeSupport("ALS", "2022-06-10", expires)),
                List.of()));
    }

    static PassportFacts substantiveAt(String trust) {
        return Workers.with(Workers.employment(trust, Employment.Type.SUBSTANTIVE));
    }

    static Set<RuleCode> codes(RuleCode... codes) {
        return Set.of(codes);
    }

    static Arguments row(String name, Policy policy, PassportFacts facts, Shift shift, Outcome outcome, Set<RuleCode> failing) {
        return Arguments.of(name, policy, facts, shift, outcome, failing);
    }

    static Stream<Arguments> families() {
        Instant releasedDayBefore = AT.minusSeconds(24 * 3600);
        return Stream.of(
                row("happy path", POLICY, ST4, day(), Outcome.ELIGIBLE, codes()),
                // credentials: exp against the shift's END, not the booking
                row("credential expires exactly at the shift's end", POLICY,
                        Workers.expiring(ST4, CredentialType.DBS_CHECK, day().end()), day(), Outcome.ELIGIBLE, codes()),
                row("credential expires during the shift", POLICY,
                        Workers.expiring(ST4, CredentialType.DBS_CHECK, day().end().minusSeconds(60)), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.CREDENTIAL_EXPIRES_TOO_SOON)),
                // compliance: training valid at the shift's end
                row("training lapses exactly at the shift's end", POLICY,
                        training("INFECTION_PREVENTION_CONTROL", 2, "2026-01-10", "2026-06-11"),
                        at("2026-06-10T15:00", "2026-06-11T00:00"), Outcome.ELIGIBLE, codes()),
                row("training lapses the minute before the shift ends", POLICY,
                        training("INFECTION_PREVENTION_CONTROL", 2, "2026-01-10", "2026-06-11"),
                        at("2026-06-10T15:01", "2026-06-11T00:01"), Outcome.INELIGIBLE,
                        codes(RuleCode.COMPLIANCE_TRAINING_LAPSED)),
                row("training past the policy's refresher though the issuer's expiry is later", POLICY,
                        training("INFECTION_PREVENTION_CONTROL", 2, "2025-06-01", "2027-06-01"), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.COMPLIANCE_TRAINING_LAPSED)),
                row("training below the required level", POLICY,
                        training("INFECTION_PREVENTION_CONTROL", 1, "2026-01-10", "2027-01-10"), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.COMPLIANCE_TRAINING_LAPSED)),
                // registration
                row("provisional registration at an allowed trust", FY1_POLICY, fy1Provisional(), fy1("RTD"),
                        Outcome.ELIGIBLE, codes()),
                row("provisional registration at another trust", FY1_POLICY, fy1Provisional(), fy1("RTF"),
                        Outcome.INELIGIBLE, codes(RuleCode.REGISTRATION_PROVISIONAL)),
                row("provisional registration where the policy allows none", POLICY, fy1Provisional(),
                        Workers.shift("RTD", "300", "FY2", "FY2", "2026-06-10T08:00", "2026-06-10T17:00", Shift.Channel.BANK, "62.00"),
                        Outcome.INELIGIBLE, codes(RuleCode.REGISTRATION_PROVISIONAL, RuleCode.GRADE_TOO_LOW)),
                row("conditions in force need the responsible officer", POLICY,
                        registration(annotated("2026-01-01", Optional.empty())), day(), Outcome.NEEDS_APPROVAL, codes(RuleCode.REGISTRATION_CONDITIONS)),
                row("conditions block where the policy says so", CONDITIONS_BLOCK,
                        registration(annotated("2026-01-01", Optional.empty())), day(), Outcome.INELIGIBLE,
                        codes(RuleCode.REGISTRATION_CONDITIONS)),
                row("conditions that ended the day before", POLICY,
                        registration(annotated("2026-01-01", Optional.of("2026-06-09"))), day(), Outcome.ELIGIBLE, codes()),
                row("suspended", POLICY, registration(Workers.registration(ProfessionalRegistration.RegistrationType.FULL,
                        ProfessionalRegistration.Status.SUSPENDED, true, List.of())), day(), Outcome.INELIGIBLE,
                        codes(RuleCode.REGISTRATION_NOT_ACTIVE)),
                row("no licence to practise", POLICY, registration(Workers.registration(
                        ProfessionalRegistration.RegistrationType.FULL, ProfessionalRegistration.Status.REGISTERED, false,
                        List.of())), day(), Outcome.INELIGIBLE, codes(RuleCode.REGISTRATION_NOT_ACTIVE)),
                row("register not accepted", POLICY, registration(new ProfessionalRegistration(Register.NMC,
                        Optional.of("01A2345N"), ProfessionalRegistration.RegistrationType.FULL,
                        ProfessionalRegistration.Status.REGISTERED, Optional.empty(), List.of(), Workers.d("2028-01-01"),
                        Workers.d("2026-04-01"))), day(), Outcome.INELIGIBLE, codes(RuleCode.REGISTRATION_NOT_ACTIVE)),
                // grade and specialty
                // CT2 is paid on the core row (82.00), so 93.00 is also an escalation
                row("grade below the shift's minimum", POLICY, Workers.with(Workers.grade("CT2")), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.GRADE_TOO_LOW, RuleCode.RATE_ESCALATION)),
                row("grade above the shift's maximum", POLICY, Workers.with(Workers.grade("ST6")), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.GRADE_TOO_HIGH)),
                row("grade credential ended before the shift", POLICY, Workers.with(new org.staffpass.passport.credential.Grade(
                        org.staffpass.passport.credential.Grade.StaffGroup.MEDICAL_AND_DENTAL,
                        new org.staffpass.passport.vocab.GradeCode("ST4"), Workers.d("2025-08-06"),
                        Optional.of(Workers.d("2026-06-09")))), day(), Outcome.INELIGIBLE, codes(RuleCode.GRADE_NOT_CURRENT)),
                row("specialty in the shift's equivalence group", POLICY, Workers.with(Workers.specialty(List.of("301"),
                        Workers.specialty().lifeSupport(), List.of())), day(), Outcome.ELIGIBLE, codes()),
                row("specialty outside the group", POLICY, Workers.with(Workers.specialty(List.of("100"),
                        Workers.specialty().lifeSupport(), List.of())), day(), Outcome.INELIGIBLE,
                        codes(RuleCode.SPECIALTY_NOT_ACCEPTED)),
                row("temporary cross-department code in force", POLICY, ST4, specialty("180", "2026-12-10"),
                        Outcome.ELIGIBLE, codes()),
                row("temporary cross-department code not yet in force", POLICY, ST4, specialty("180", "2026-11-30"),
                        Outcome.INELIGIBLE, codes(RuleCode.SPECIALTY_NOT_ACCEPTED)),
                row("life support lapses on the shift's day", POLICY, lifeSupport("2026-06-10"), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.LIFE_SUPPORT_LAPSED)),
                row("life support lapses the day after", POLICY, lifeSupport("2026-06-11"), day(), Outcome.ELIGIBLE, codes()),
                row("surgery needs its competency", POLICY, Workers.with(Workers.specialty(List.of("100"), List.of(),
                        Workers.specialty().competencies())), specialty("100", "2026-06-10"), Outcome.ELIGIBLE, codes()),
                row("surgery without the competency", POLICY, Workers.with(Workers.specialty(List.of("100"), List.of(),
                        List.of(new Specialty.Competency("CENTRAL_LINE", "Central line insertion", Workers.d("2025-01-01"),
                                Optional.empty())))), specialty("100", "2026-06-10"), Outcome.INELIGIBLE,
                        codes(RuleCode.COMPETENCY_MISSING)),
                // compliance: employment checks
                row("DBS level too low for the required workforce", POLICY, Workers.with(Workers.dbs(DbsCheck.Level.ENHANCED,
                        DbsCheck.Workforce.CHILD_AND_ADULT, Set.of())), day(), Outcome.INELIGIBLE, codes(RuleCode.COMPLIANCE_DBS)),
                row("DBS for the adult workforce only", POLICY, Workers.with(Workers.dbs(
                        DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.ADULT, Set.of(DbsCheck.BarredList.ADULTS))),
                        day(), Outcome.INELIGIBLE, codes(RuleCode.COMPLIANCE_DBS)),
                row("right to work ends mid-shift", POLICY, Workers.with(Workers.rightToWork(Optional.of(Workers.d("2026-06-10")))),
                        at("2026-06-10T20:00", "2026-06-11T08:00"), Outcome.INELIGIBLE, codes(RuleCode.COMPLIANCE_RIGHT_TO_WORK)),
                row("right to work's last day is the shift's last day", POLICY,
                        Workers.with(Workers.rightToWork(Optional.of(Workers.d("2026-06-11")))),
                        at("2026-06-10T20:00", "2026-06-11T08:00"), Outcome.ELIGIBLE, codes()),
                row("identity check below medium", POLICY, Workers.with(new IdentityVerification(Optional.empty(),
                        Optional.empty(), Optional.empty(), IdentityVerification.Level.LOW,
                        IdentityVerification.Method.DIGITAL_IDENTITY_SERVICE, Workers.d("2025-01-01"))), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.COMPLIANCE_IDENTITY)),
                row("not fit", POLICY, Workers.with(Workers.occupationalHealth(OccupationalHealth.Fitness.NOT_FIT,
                        OccupationalHealth.EppClearance.CLEARED)), day(), Outcome.INELIGIBLE,
                        codes(RuleCode.COMPLIANCE_OCCUPATIONAL_HEALTH)),
                row("EPP required, not assessed", EPP, Workers.with(Workers.occupationalHealth(OccupationalHealth.Fitness.FIT,
                        OccupationalHealth.EppClearance.NOT_ASSESSED)), day(), Outcome.INELIGIBLE,
                        codes(RuleCode.COMPLIANCE_OCCUPATIONAL_HEALTH)),
                // restrictions
                row("agency shift by substantive staff of a restricted trust", POLICY, substantiveAt("RTD"),
                        agency("RTD", Optional.of(releasedDayBefore)), Outcome.INELIGIBLE, codes(RuleCode.RESTRICTION_APPLIES)),
                row("agency shift at another trust", POLICY, substantiveAt("RTD"),
                        agency("RXP", Optional.of(releasedDayBefore)), Outcome.ELIGIBLE, codes()),
                row("agency exactly at the cascade's end", POLICY, ST4, agency("RTD", Optional.of(releasedDayBefore)),
                        Outcome.ELIGIBLE, codes()),
                row("agency a second before the cascade's end", POLICY, ST4,
                        agency("RTD", Optional.of(releasedDayBefore.plusSeconds(1))), Outcome.INELIGIBLE,
                        codes(RuleCode.RESTRICTION_APPLIES)),
                row("agency with no bank release recorded", POLICY, ST4, agency("RXP", Optional.empty()),
                        Outcome.INELIGIBLE, codes(RuleCode.RESTRICTION_APPLIES)),
                // facts not disclosed, one family at a time
                row("grade not presented", POLICY, Workers.without(ST4, CredentialType.GRADE), day(), Outcome.INELIGIBLE,
                        codes(RuleCode.CREDENTIAL_MISSING, RuleCode.FACT_NOT_DISCLOSED)),
                row("training subjects withheld", POLICY, Workers.with(new MandatoryTraining(List.of())), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.FACT_NOT_DISCLOSED)),
                row("life support withheld", POLICY, Workers.with(Workers.specialty(List.of("300"), List.of(), List.of())),
                        day(), Outcome.INELIGIBLE, codes(RuleCode.FACT_NOT_DISCLOSED)),
                row("specialty not presented", POLICY, Workers.without(ST4, CredentialType.SPECIALTY), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.FACT_NOT_DISCLOSED)),
                row("employment not presented for a restricted agency shift", POLICY,
                        Workers.without(ST4, CredentialType.EMPLOYMENT), agency("RTD", Optional.of(releasedDayBefore)),
                        Outcome.INELIGIBLE, codes(RuleCode.FACT_NOT_DISCLOSED)),
                row("employment not needed for a bank shift", POLICY, Workers.without(ST4, CredentialType.EMPLOYMENT), day(),
                        Outcome.ELIGIBLE, codes()),
                row("registration not presented", POLICY, Workers.without(ST4, CredentialType.PROFESSIONAL_REGISTRATION),
                        day(), Outcome.INELIGIBLE, codes(RuleCode.CREDENTIAL_MISSING, RuleCode.FACT_NOT_DISCLOSED)),
                row("DBS not presented", POLICY, Workers.without(ST4, CredentialType.DBS_CHECK), day(), Outcome.INELIGIBLE,
                        codes(RuleCode.CREDENTIAL_MISSING, RuleCode.FACT_NOT_DISCLOSED)),
                row("identity not presented", POLICY, Workers.without(ST4, CredentialType.IDENTITY_VERIFICATION), day(),
                        Outcome.INELIGIBLE, codes(RuleCode.CREDENTIAL_MISSING, RuleCode.FACT_NOT_DISCLOSED)));
    }

    @org.junit.jupiter.api.Test
    void conditionsNameTheReviewRoleAndTheRule() {
        Decision d = POLICY.evaluate(registration(annotated("2026-01-01", Optional.empty())), day(), WorkHistory.empty(), AT);
        assertEquals(List.of(new Approval("responsible-officer", "/rules/registration/conditionsApprovalRole",
                RuleCode.REGISTRATION_CONDITIONS, Optional.empty())), d.approvals());
        Finding f = d.findings().stream().filter(x -> x.code() == RuleCode.REGISTRATION_CONDITIONS).findFirst().orElseThrow();
        assertEquals("CONDITIONS in force", f.actual());
        assertTrue(f.evidence().get(0).startsWith("PROFESSIONAL_REGISTRATION:") && f.evidence().get(0).endsWith("#/annotations/0"),
                f.evidence().toString());
    }

    static Stream<Arguments> undisclosed() {
        return Stream.of(
                Arguments.of(Workers.without(ST4, CredentialType.GRADE), day(), List.of("GRADE")),
                Arguments.of(Workers.without(ST4, CredentialType.PROFESSIONAL_REGISTRATION), day(),
                        List.of("PROFESSIONAL_REGISTRATION")),
                Arguments.of(Workers.without(ST4, CredentialType.SPECIALTY), day(), List.of("SPECIALTY")),
                Arguments.of(Workers.with(Workers.specialty(List.of("300"), List.of(), List.of())), day(),
                        List.of("SPECIALTY /life_support/*")),
                Arguments.of(Workers.with(Workers.specialty(List.of("100"), List.of(), List.of())), specialty("100", "2026-06-10"),
                        List.of("SPECIALTY /competencies/*")),
                Arguments.of(Workers.with(new MandatoryTraining(List.of())), day(), List.of("MANDATORY_TRAINING /subjects/*")),
                Arguments.of(Workers.without(ST4, CredentialType.IDENTITY_VERIFICATION), day(), List.of("IDENTITY_VERIFICATION")),
                Arguments.of(Workers.without(ST4, CredentialType.RIGHT_TO_WORK), day(), List.of("RIGHT_TO_WORK")),
                Arguments.of(Workers.without(ST4, CredentialType.DBS_CHECK), day(), List.of("DBS_CHECK")),
                Arguments.of(Workers.without(ST4, CredentialType.OCCUPATIONAL_HEALTH), day(), List.of("OCCUPATIONAL_HEALTH")),
                Arguments.of(Workers.without(ST4, CredentialType.EMPLOYMENT), agency("RTD", Optional.of(AT.minusSeconds(86400))),
                        List.of("EMPLOYMENT")));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource
    void undisclosed(PassportFacts facts, Shift shift, List<String> missing) {
        Decision d = POLICY.evaluate(facts, shift, WorkHistory.empty(), AT);
        assertEquals(missing, d.disclosureRequest());
        assertEquals(Outcome.INELIGIBLE, d.outcome());
        Finding f = d.findings().stream().filter(x -> x.code() == RuleCode.FACT_NOT_DISCLOSED).findFirst().orElseThrow();
        assertEquals(List.of(missing.get(0)), f.evidence(), "the finding names the claim");
        String type = missing.get(0).split(" ")[0];
        assertTrue(d.shiftRequest().claims().containsKey(CredentialType.valueOf(type)), "the request asks for it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void families(String name, Policy policy, PassportFacts facts, Shift shift, Outcome outcome, Set<RuleCode> failing) {
        Decision d = policy.evaluate(facts, shift, WorkHistory.empty(), AT);
        Set<RuleCode> failed = d.findings().stream().filter(f -> !f.passed()).map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(failing), failed, name + ": " + d.findings().stream().filter(f -> !f.passed()).toList());
        assertEquals(outcome, d.outcome(), name);
        assertEquals(d.findings().stream().filter(f -> f.code() == RuleCode.FACT_NOT_DISCLOSED && !f.passed()).count() > 0,
                !d.disclosureRequest().isEmpty(), name + ": the claims to disclose match FACT_NOT_DISCLOSED");
    }
}
