package org.staffpass.passport.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.staffpass.passport.vocab.AntigenCode;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;

/**
 * Each rule, broken once, yields its code at its path; and every {@link CredentialProblem}
 * is produced by at least one case here.
 */
class CredentialRulesTest {

    /** A broken credential (or claims object) and the one violation it must produce among others. */
    record Case(String name, CredentialProblem problem, String path, Supplier<CredentialResult<?>> result) {
    }

    private static CredentialValidator v() {
        return Samples.validator();
    }

    private static CredentialResult<?> claims(Credential base, Consumer<ObjectNode> edit) {
        ObjectNode claims = CredentialClaims.toClaims(base);
        edit.accept(claims);
        return v().read(claims);
    }

    private static ProfessionalRegistration registration(Register register, String number,
            ProfessionalRegistration.RegistrationType type, Optional<Boolean> licence) {
        ProfessionalRegistration s = Samples.registration();
        return new ProfessionalRegistration(register, Optional.of(number), type, s.registrationStatus(), licence, s.annotations(),
                s.renewalDue(), s.checkedOn());
    }

    private static DbsCheck dbs(DbsCheck.Level level, DbsCheck.Workforce workforce, Set<DbsCheck.BarredList> lists,
            boolean updateService, Optional<DbsCheck.StatusCheck> statusCheck, LocalDate clearedOn) {
        DbsCheck s = Samples.dbs();
        return new DbsCheck(level, workforce, lists, s.certificateNumber(), s.issuedOn(), updateService, statusCheck,
                s.clearance(), clearedOn);
    }

    private static MandatoryTraining training(String subject, int level, LocalDate completed, LocalDate expires) {
        return new MandatoryTraining(List.of(
                new MandatoryTraining.TrainingRecord(new TrainingSubjectCode(subject), level, completed, expires)));
    }

    private static final LocalDate D2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate D2025 = LocalDate.of(2025, 1, 1);

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // ---- structure
        cases.add(new Case("unknown vct", CredentialProblem.UNKNOWN_CREDENTIAL_TYPE, "/vct",
                () -> claims(Samples.grade(), c -> c.put("vct", "https://staffpass.example/vct/grade/v9"))));
        cases.add(new Case("typed read of another type", CredentialProblem.WRONG_CREDENTIAL_TYPE, "/vct",
                () -> v().read(CredentialClaims.toClaims(Samples.grade()), DbsCheck.class)));
        cases.add(new Case("missing claim", CredentialProblem.MISSING_CLAIM, "/checked_on",
                () -> claims(Samples.rightToWork(), c -> c.remove("checked_on"))));
        cases.add(new Case("missing disclosable claim when issuing", CredentialProblem.MISSING_CLAIM, "/registration_number",
                () -> {
                    ProfessionalRegistration s = Samples.registration();
                    return v().validateForIssue(new ProfessionalRegistration(s.register(), Optional.empty(),
                            s.registrationType(), s.registrationStatus(), s.licenceToPractise(), s.annotations(), s.renewalDue(),
                            s.checkedOn()));
                }));
        cases.add(new Case("unknown claim", CredentialProblem.UNKNOWN_CLAIM, "/nickname",
                () -> claims(Samples.identity(), c -> c.put("nickname", "Ama"))));
        cases.add(new Case("wrong JSON type", CredentialProblem.WRONG_JSON_TYPE, "/licence_to_practise",
                () -> claims(Samples.registration(), c -> c.put("licence_to_practise", "yes"))));
        cases.add(new Case("invalid date", CredentialProblem.INVALID_DATE, "/valid_from",
                () -> claims(Samples.grade(), c -> c.put("valid_from", "2024-08-07T00:00:00Z"))));
        cases.add(new Case("unknown enum value", CredentialProblem.UNKNOWN_VALUE, "/register",
                () -> claims(Samples.registration(), c -> c.put("register", "GDC"))));
        // ---- field rules
        cases.add(new Case("empty name", CredentialProblem.TEXT_LENGTH, "/given_name",
                () -> claims(Samples.identity(), c -> c.put("given_name", ""))));
        cases.add(new Case("control character in a name", CredentialProblem.TEXT_FORMAT, "/family_name",
                () -> claims(Samples.identity(), c -> c.put("family_name", "Okafor\nINFO forged"))));
        cases.add(new Case("bad ODS code", CredentialProblem.TEXT_FORMAT, "/placements/1/trust",
                () -> claims(Samples.employment(), c -> ((ObjectNode) c.get("placements").get(1)).put("trust", "rtd"))));
        cases.add(new Case("DBS certificate of 11 digits", CredentialProblem.TEXT_FORMAT, "/certificate_number",
                () -> claims(Samples.dbs(), c -> c.put("certificate_number", "12345678901"))));
        cases.add(new Case("no specialty", CredentialProblem.COLLECTION_SIZE, "/specialties",
                () -> claims(Samples.specialty(), c -> c.putArray("specialties"))));
        cases.add(new Case("training level 0", CredentialProblem.NUMBER_RANGE, "/subjects/0/level",
                () -> v().validate(training("FIRE_SAFETY", 0, D2024, D2025))));
        cases.add(new Case("checked tomorrow", CredentialProblem.DATE_IN_FUTURE, "/checked_on",
                () -> claims(Samples.rightToWork(), c -> c.put("checked_on", Samples.TODAY.plusDays(1).toString()))));
        cases.add(new Case("training expires before completion", CredentialProblem.DATE_ORDER, "/subjects/0/expires_on",
                () -> v().validate(training("FIRE_SAFETY", 1, D2025, D2024))));
        cases.add(new Case("training expires on completion day", CredentialProblem.DATE_ORDER, "/subjects/0/expires_on",
                () -> v().validate(training("FIRE_SAFETY", 1, D2024, D2024))));
        cases.add(new Case("grade to before from", CredentialProblem.DATE_ORDER, "/valid_to",
                () -> claims(Samples.grade(), c -> c.put("valid_to", "2024-08-06"))));
        cases.add(new Case("born after the check", CredentialProblem.DATE_ORDER, "/birthdate",
                () -> claims(Samples.identity(), c -> c.put("birthdate", "2024-08-02"))));
        cases.add(new Case("annotation ends before it starts", CredentialProblem.DATE_ORDER, "/annotations/0/effective_until",
                () -> claims(Samples.registration(),
                        c -> ((ObjectNode) c.get("annotations").get(0)).put("effective_until", "2023-01-01"))));
        cases.add(new Case("status check before issue", CredentialProblem.DATE_ORDER, "/last_status_check",
                () -> v().validate(dbs(DbsCheck.Level.ENHANCED, DbsCheck.Workforce.ADULT, Set.of(), true,
                        Optional.of(new DbsCheck.StatusCheck(LocalDate.of(2023, 1, 1), DbsCheck.StatusCheck.Result.CURRENT)),
                        LocalDate.of(2023, 12, 1)))));
        cases.add(new Case("review due on record day", CredentialProblem.DATE_ORDER, "/immunisations/0/review_due",
                () -> claims(Samples.occupationalHealth(),
                        c -> ((ObjectNode) c.get("immunisations").get(0)).put("review_due", "2023-10-05"))));
        cases.add(new Case("placement ends before it starts", CredentialProblem.DATE_ORDER, "/placements/0/to",
                () -> claims(Samples.employment(), c -> ((ObjectNode) c.get("placements").get(0)).put("to", "2024-08-06"))));
        cases.add(new Case("life support expires before the course", CredentialProblem.DATE_ORDER, "/life_support/0/expires_on",
                () -> claims(Samples.specialty(), c -> ((ObjectNode) c.get("life_support").get(0)).put("expires_on", "2022-03-02"))));
        cases.add(new Case("same subject and level twice", CredentialProblem.DUPLICATE_ENTRY, "/subjects/1/level",
                () -> v().validate(new MandatoryTraining(List.of(Samples.training().subjects().get(0),
                        Samples.training().subjects().get(0))))));
        cases.add(new Case("same antigen twice", CredentialProblem.DUPLICATE_ENTRY, "/immunisations/1/antigen",
                () -> claims(Samples.occupationalHealth(),
                        c -> ((ObjectNode) c.get("immunisations").get(1)).put("antigen", "HEPATITIS_B"))));
        cases.add(new Case("same specialty twice", CredentialProblem.DUPLICATE_ENTRY, "/specialties/1",
                () -> claims(Samples.specialty(), c -> c.putArray("specialties").add("180").add("180"))));
        // ---- vocabularies
        cases.add(new Case("unknown grade", CredentialProblem.UNKNOWN_GRADE, "/grade",
                () -> claims(Samples.grade(), c -> c.put("grade", "REGISTRAR"))));
        cases.add(new Case("unknown CSTF subject", CredentialProblem.UNKNOWN_TRAINING_SUBJECT, "/subjects/0/subject",
                () -> v().validate(training("FIRE_WARDEN", 1, D2024, D2025))));
        cases.add(new Case("fire safety level 2", CredentialProblem.UNKNOWN_TRAINING_LEVEL, "/subjects/0/level",
                () -> v().validate(training("FIRE_SAFETY", 2, D2024, D2025))));
        cases.add(new Case("unknown specialty", CredentialProblem.UNKNOWN_SPECIALTY, "/placements/0/specialty",
                () -> claims(Samples.employment(), c -> ((ObjectNode) c.get("placements").get(0)).put("specialty", "999"))));
        cases.add(new Case("unknown life support", CredentialProblem.UNKNOWN_LIFE_SUPPORT, "/life_support/0/type",
                () -> v().validate(new Specialty(List.of(new SpecialtyCode("180")),
                        List.of(new Specialty.LifeSupportCertificate(new LifeSupportCode("ACLS"), D2024, D2025)), List.of()))));
        cases.add(new Case("unknown antigen", CredentialProblem.UNKNOWN_ANTIGEN, "/immunisations/0/antigen",
                () -> v().validate(new OccupationalHealth(OccupationalHealth.Fitness.FIT,
                        OccupationalHealth.EppClearance.NOT_ASSESSED,
                        List.of(new OccupationalHealth.Immunisation(new AntigenCode("SMALLPOX"),
                                OccupationalHealth.Immunisation.Evidence.VACCINATION_COURSE,
                                OccupationalHealth.Immunisation.Status.PROTECTED, D2024, Optional.empty())),
                        D2024))));
        cases.add(new Case("band for a doctor", CredentialProblem.GRADE_NOT_IN_STAFF_GROUP, "/grade",
                () -> v().validate(new Grade(Grade.StaffGroup.MEDICAL_AND_DENTAL, new GradeCode("AFC_5"), D2024,
                        Optional.empty()))));
        cases.add(new Case("doctor grade for a nurse", CredentialProblem.GRADE_NOT_IN_STAFF_GROUP, "/grade",
                () -> v().validate(new Grade(Grade.StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED, new GradeCode("FY1"), D2024,
                        Optional.empty()))));
        // ---- registration
        cases.add(new Case("GMC number of 6 digits", CredentialProblem.REGISTRATION_NUMBER_FORMAT, "/registration_number",
                () -> v().validate(registration(Register.GMC, "712345", ProfessionalRegistration.RegistrationType.FULL,
                        Optional.of(true)))));
        cases.add(new Case("NMC PIN in lower case", CredentialProblem.REGISTRATION_NUMBER_FORMAT, "/registration_number",
                () -> v().validate(registration(Register.NMC, "12a3456e", ProfessionalRegistration.RegistrationType.FULL,
                        Optional.empty()))));
        cases.add(new Case("HCPC physician associate prefix", CredentialProblem.REGISTRATION_NUMBER_FORMAT,
                "/registration_number", () -> v().validate(registration(Register.HCPC, "PHA12345",
                        ProfessionalRegistration.RegistrationType.FULL, Optional.empty()))));
        cases.add(new Case("provisional NMC registration", CredentialProblem.PROVISIONAL_NOT_ON_REGISTER, "/registration_type",
                () -> v().validate(registration(Register.NMC, "12A3456E", ProfessionalRegistration.RegistrationType.PROVISIONAL,
                        Optional.empty()))));
        cases.add(new Case("GMC without licence stated", CredentialProblem.LICENCE_REQUIRED, "/licence_to_practise",
                () -> claims(Samples.registration(), c -> c.remove("licence_to_practise"))));
        cases.add(new Case("licence on the NMC register", CredentialProblem.LICENCE_NOT_APPLICABLE, "/licence_to_practise",
                () -> v().validate(registration(Register.NMC, "12A3456E", ProfessionalRegistration.RegistrationType.FULL,
                        Optional.of(true)))));
        // ---- right to work
        cases.add(new Case("time-limited without end date", CredentialProblem.RIGHT_TO_WORK_END_DATE_REQUIRED, "/expires_on",
                () -> claims(Samples.rightToWork(), c -> c.remove("expires_on"))));
        cases.add(new Case("unlimited with end date", CredentialProblem.RIGHT_TO_WORK_END_DATE_NOT_ALLOWED, "/expires_on",
                () -> claims(Samples.rightToWork(), c -> c.put("permission", "UNLIMITED"))));
        cases.add(new Case("permission ended before the check", CredentialProblem.DATE_ORDER, "/expires_on",
                () -> claims(Samples.rightToWork(), c -> c.put("expires_on", "2024-07-19"))));
        // ---- DBS
        cases.add(new Case("barred-list check naming no list", CredentialProblem.DBS_BARRED_LISTS_REQUIRED, "/barred_lists",
                () -> v().validate(dbs(DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.ADULT, Set.of(), true,
                        Optional.empty(), D2024))));
        cases.add(new Case("barred list on an enhanced check", CredentialProblem.DBS_BARRED_LISTS_NOT_ALLOWED, "/barred_lists",
                () -> v().validate(dbs(DbsCheck.Level.ENHANCED, DbsCheck.Workforce.ADULT, Set.of(DbsCheck.BarredList.ADULTS),
                        true, Optional.empty(), D2024))));
        cases.add(new Case("children's list for the adult workforce", CredentialProblem.DBS_BARRED_LIST_WORKFORCE,
                "/barred_lists", () -> v().validate(dbs(DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.ADULT,
                        Set.of(DbsCheck.BarredList.CHILDREN), true, Optional.empty(), D2024))));
        cases.add(new Case("basic check on the Update Service", CredentialProblem.DBS_UPDATE_SERVICE_NOT_AVAILABLE,
                "/update_service", () -> v().validate(dbs(DbsCheck.Level.BASIC, DbsCheck.Workforce.OTHER, Set.of(), true,
                        Optional.empty(), D2024))));
        cases.add(new Case("status check without subscription", CredentialProblem.DBS_STATUS_CHECK_WITHOUT_SUBSCRIPTION,
                "/last_status_check", () -> claims(Samples.dbs(), c -> c.put("update_service", false))));
        cases.add(new Case("clearance before the certificate", CredentialProblem.DATE_ORDER, "/cleared_on",
                () -> claims(Samples.dbs(), c -> c.put("cleared_on", "2023-11-01"))));
        // ---- employment
        cases.add(new Case("placements on a bank-only contract", CredentialProblem.PLACEMENTS_NOT_ALLOWED, "/placements",
                () -> claims(Samples.employment(), c -> c.put("employment_type", "BANK_ONLY"))));
        cases.add(new Case("placement before the employment", CredentialProblem.PLACEMENT_OUTSIDE_EMPLOYMENT, "/placements/0",
                () -> claims(Samples.employment(), c -> c.put("started_on", "2024-09-01"))));
        cases.add(new Case("placement after the employment", CredentialProblem.PLACEMENT_OUTSIDE_EMPLOYMENT, "/placements/1",
                () -> claims(Samples.employment(), c -> c.put("ends_on", "2025-06-30"))));
        cases.add(new Case("employment ends before it starts", CredentialProblem.DATE_ORDER, "/ends_on",
                () -> claims(Samples.employment(), c -> c.put("ends_on", "2021-08-03"))));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> eachCaseYieldsItsCodeAtItsPath() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            CredentialResult<?> result = c.result().get();
            assertFalse(result.isValid(), c.name() + " was accepted");
            Set<String> found = result.violations().stream().map(v -> v.problem() + " " + v.path())
                    .collect(Collectors.toSet());
            assertTrue(found.contains(c.problem() + " " + c.path()), c.name() + ": " + result.violations());
        }));
    }

    @Test
    void everyProblemCodeIsProducedBySomeCase() {
        Set<CredentialProblem> covered = EnumSet.noneOf(CredentialProblem.class);
        cases().forEach(c -> covered.add(c.problem()));
        assertEquals(EnumSet.allOf(CredentialProblem.class), covered);
    }

    @Test
    void validSamplesOfOtherRegistersPass() {
        assertEquals(List.of(), v().validateForIssue(registration(Register.NMC, "12A3456E",
                ProfessionalRegistration.RegistrationType.FULL, Optional.empty())).violations());
        assertEquals(List.of(), v().validateForIssue(registration(Register.HCPC, "PA123456",
                ProfessionalRegistration.RegistrationType.FULL, Optional.empty())).violations());
        assertEquals(List.of(), v().validateForIssue(registration(Register.GPHC, "2012345",
                ProfessionalRegistration.RegistrationType.FULL, Optional.empty())).violations());
        assertEquals(List.of(), v().validateForIssue(registration(Register.GMC, "7123456",
                ProfessionalRegistration.RegistrationType.PROVISIONAL, Optional.of(true))).violations());
    }

    @Test
    void aCredentialBreakingManyRulesListsThemAll() {
        ObjectNode claims = CredentialClaims.toClaims(Samples.dbs());
        claims.put("level", "BASIC");
        claims.put("workforce", "ADULT");
        claims.put("certificate_number", "12");
        CredentialResult<?> result = v().read(claims);
        assertEquals(Set.of("DBS_BARRED_LISTS_NOT_ALLOWED /barred_lists", "DBS_BARRED_LIST_WORKFORCE /barred_lists",
                        "TEXT_FORMAT /certificate_number", "DBS_UPDATE_SERVICE_NOT_AVAILABLE /update_service"),
                result.violations().stream().map(v -> v.problem() + " " + v.path()).collect(Collectors.toSet()));
        // Sorted by path, then code, and the message never quotes the value.
        assertEquals("/barred_lists", result.violations().get(0).path());
        result.violations().forEach(violation -> assertFalse(violation.message().contains("12\""), violation.message()));
    }

    @Test
    void todayIsTheLondonDateOfTheClock() {
        // 23:30 UTC on 31 May 2025 is already 1 June in London (BST).
        CredentialValidator late = CredentialValidator.create(org.staffpass.passport.vocab.Vocabularies.standard(),
                java.time.Clock.fixed(java.time.Instant.parse("2025-05-31T23:30:00Z"), java.time.ZoneOffset.UTC));
        RightToWork s = Samples.rightToWork();
        RightToWork checkedOnFirstJune = new RightToWork(s.permission(), s.expiresOn(), s.checkMethod(),
                LocalDate.of(2025, 6, 1));
        assertTrue(late.validate(checkedOnFirstJune).isValid());
        RightToWork checkedOnSecondJune = new RightToWork(s.permission(), s.expiresOn(), s.checkMethod(),
                LocalDate.of(2025, 6, 2));
        assertEquals(CredentialProblem.DATE_IN_FUTURE, late.validate(checkedOnSecondJune).violations().get(0).problem());
    }
}
