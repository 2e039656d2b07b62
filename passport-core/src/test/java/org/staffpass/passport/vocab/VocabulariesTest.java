package org.staffpass.passport.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled vocabularies load, strictly, name their sources and say what is UNCONFIRMED. */
class VocabulariesTest {
    private final Vocabularies vocab = Vocabularies.standard();

    @Test
    void loadsOnceAndEveryFileNamesItsSources() {
        assertSame(vocab, Vocabularies.standard());
        assertEquals(Vocabularies.FILES, vocab.files().stream().map(VocabularyFile::name).toList());
        for (VocabularyFile file : vocab.files()) {
            assertTrue(file.version() >= 1, file.name());
            assertFalse(file.sources().isEmpty(), file.name());
            for (VocabularySource source : file.sources()) {
                assertFalse(source.title().isBlank(), file.name());
                assertFalse(source.publisher().isBlank(), file.name());
                assertTrue(source.date().matches("^[0-9]{4}.*"), file.name() + " source date " + source.date());
            }
        }
    }

    @Test
    void registerFormatsFollowTheDomainReference() {
        assertTrue(vocab.isRegistrationNumber(Register.GMC, "1234567"));
        assertFalse(vocab.isRegistrationNumber(Register.GMC, "123456"));
        assertFalse(vocab.isRegistrationNumber(Register.GMC, "12345678"));
        assertFalse(vocab.isRegistrationNumber(Register.GMC, "1234567\n"));
        assertTrue(vocab.isRegistrationNumber(Register.NMC, "12A3456E"));
        assertTrue(vocab.isRegistrationNumber(Register.NMC, "01A2345N"));
        assertFalse(vocab.isRegistrationNumber(Register.NMC, "1A23456E"));
        assertTrue(vocab.isRegistrationNumber(Register.HCPC, "PA123456"));
        assertTrue(vocab.isRegistrationNumber(Register.HCPC, "ODP1234"));
        assertFalse(vocab.isRegistrationNumber(Register.HCPC, "XX123456"));
        assertTrue(vocab.isRegistrationNumber(Register.GPHC, "2012345"));
        // Only the GMC has provisional registration and a separate licence.
        for (Register register : Register.values()) {
            assertEquals(register == Register.GMC, vocab.register(register).provisionalRegistration(), register.name());
            assertEquals(register == Register.GMC, vocab.register(register).separateLicence(), register.name());
        }
        assertEquals(Confidence.CONFIRMED, vocab.register(Register.GMC).confidence());
        assertEquals(Confidence.UNCONFIRMED, vocab.register(Register.HCPC).confidence());
        assertEquals(Confidence.UNCONFIRMED, vocab.register(Register.GPHC).confidence());
        assertEquals(5, vocab.register(Register.GMC).renewalYears());
        assertEquals(3, vocab.register(Register.NMC).renewalYears());
    }

    @Test
    void gradesCoverDoctorsAndAgendaForChangeBands() {
        Set<String> medical = codes(PayScheme.MEDICAL);
        assertTrue(medical.containsAll(Set.of("FY1", "FY2", "CT1", "CT3", "ST1", "ST8", "SPECIALTY_DOCTOR", "SPECIALIST",
                "ASSOCIATE_SPECIALIST", "CONSULTANT")), medical.toString());
        assertEquals(Set.of("AFC_1", "AFC_2", "AFC_3", "AFC_4", "AFC_5", "AFC_6", "AFC_7", "AFC_8A", "AFC_8B", "AFC_8C",
                "AFC_8D", "AFC_9"), codes(PayScheme.AGENDA_FOR_CHANGE));
        int fy1 = vocab.grade(new GradeCode("FY1")).orElseThrow().rank();
        int st3 = vocab.grade(new GradeCode("ST3")).orElseThrow().rank();
        int consultant = vocab.grade(new GradeCode("CONSULTANT")).orElseThrow().rank();
        assertTrue(fy1 < st3 && st3 < consultant);
        assertEquals(vocab.grade(new GradeCode("CT1")).orElseThrow().rank(), vocab.grade(new GradeCode("ST1")).orElseThrow().rank());
        assertTrue(vocab.grade(new GradeCode("st3")).isEmpty(), "codes are exact");
    }

    private Set<String> codes(PayScheme scheme) {
        return vocab.grades().stream().filter(g -> g.scheme() == scheme).map(g -> g.code().value()).collect(Collectors.toSet());
    }

    @Test
    void trainingSubjectsHaveTheirLevelsAndDefaultRefreshers() {
        assertEquals(12, vocab.trainingSubjects().size());
        TrainingSubjectDefinition ipc = vocab.trainingSubject(new TrainingSubjectCode("INFECTION_PREVENTION_CONTROL")).orElseThrow();
        assertEquals(List.of(new TrainingLevel(1, Period.ofMonths(36)), new TrainingLevel(2, Period.ofMonths(12))), ipc.levels());
        assertEquals(Period.ofMonths(24),
                vocab.trainingSubject(new TrainingSubjectCode("FIRE_SAFETY")).orElseThrow().level(1).orElseThrow().refresher());
        assertTrue(vocab.trainingSubject(new TrainingSubjectCode("FIRE_SAFETY")).orElseThrow().level(2).isEmpty());
        assertEquals(TrainingFramework.OLIVER_MCGOWAN,
                vocab.trainingSubject(new TrainingSubjectCode("OLIVER_MCGOWAN")).orElseThrow().framework());
        // Refresher periods are UNCONFIRMED in the domain reference: never marked confirmed here.
        vocab.trainingSubjects().forEach(s -> assertEquals(Confidence.UNCONFIRMED, s.confidence(), s.code().value()));
    }

    @Test
    void lifeSupportValidityOnlyAlsIsConfirmed() {
        for (LifeSupportDefinition definition : vocab.lifeSupportTypes()) {
            assertEquals(definition.code().value().equals("ALS") ? Confidence.CONFIRMED : Confidence.UNCONFIRMED,
                    definition.confidence(), definition.code().value());
        }
        assertEquals(Period.ofMonths(48), vocab.lifeSupport(new LifeSupportCode("ALS")).orElseThrow().validity());
        assertEquals(Period.ofMonths(12), vocab.lifeSupport(new LifeSupportCode("ILS")).orElseThrow().validity());
        assertEquals(Set.of("BLS", "ILS", "PILS", "ALS", "EPALS", "NLS", "APLS", "ATLS"),
                vocab.lifeSupportTypes().stream().map(d -> d.code().value()).collect(Collectors.toSet()));
    }

    @Test
    void specialtiesAndAntigensAreRealisticListsMarkedUnconfirmed() {
        assertTrue(vocab.specialties().size() >= 20 && vocab.specialties().size() <= 40);
        vocab.specialties().forEach(s -> assertTrue(s.code().value().matches("^[0-9]{3}$"), s.code().value()));
        assertEquals("Emergency medicine", vocab.specialty(new SpecialtyCode("180")).orElseThrow().name());
        assertTrue(vocab.antigen(new AntigenCode("HEPATITIS_B")).isPresent());
        vocab.files().stream().filter(f -> f.name().equals("specialties") || f.name().equals("antigens"))
                .forEach(f -> assertTrue(f.sources().stream().allMatch(VocabularySource::unconfirmed), f.name()));
    }

    @Test
    void lookupsRefuseNull() {
        assertThrows(NullPointerException.class, () -> vocab.grade(null));
        assertThrows(NullPointerException.class, () -> vocab.isRegistrationNumber(Register.GMC, null));
        assertThrows(NullPointerException.class, () -> new GradeCode(null));
    }
}
