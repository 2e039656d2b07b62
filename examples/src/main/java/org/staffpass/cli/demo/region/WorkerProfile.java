package org.staffpass.cli.demo.region;

import java.util.List;
import java.util.Objects;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;

/**
 * Who a synthetic worker is: staff group, grade, register, specialties, home trust, contract
 * and any planted problem. Immutable.
 *
 * @param id                 the worker's pseudonymous id ({@code W0001})
 * @param staffGroup         medical, nursing or allied health
 * @param grade              grade or band
 * @param register           the professional register
 * @param registrationNumber the number in that register's format
 * @param specialties        specialty codes, main first
 * @param homeTrust          ODS code of the employing or host trust
 * @param employmentType     substantive, bank only, or lead-employer trainee
 * @param problem            the planted fault, or {@link Problem#NONE}
 */
public record WorkerProfile(String id, Grade.StaffGroup staffGroup, GradeCode grade, Register register,
        String registrationNumber, List<SpecialtyCode> specialties, String homeTrust, Employment.Type employmentType,
        Problem problem) {
    public WorkerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(staffGroup, "staffGroup");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        specialties = List.copyOf(specialties);
        Objects.requireNonNull(homeTrust, "homeTrust");
        Objects.requireNonNull(employmentType, "employmentType");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether the worker is a doctor. */
    public boolean isDoctor() {
        return staffGroup == Grade.StaffGroup.MEDICAL_AND_DENTAL;
    }
}
