package org.staffpass.cli.demo.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;

/**
 * Draws a synthetic bank workforce from a seeded {@link Random}: doctors from FY1 to consultant
 * and registered nurses and allied health professionals on Agenda for Change bands, across
 * about twenty specialties and nine trusts, with a small share of planted problems. The shares
 * are illustrative, not statistics.
 */
public final class Workforce {
    /** Medical specialty codes (treatment function codes) the demo's doctors work in. */
    static final List<String> MEDICAL_SPECIALTIES = List.of("100", "101", "110", "120", "130", "140", "150", "160",
            "180", "190", "300", "301", "303", "320", "330", "340", "370", "420", "501", "710");
    /** Specialty codes nurses and allied health professionals are matched on. */
    static final List<String> NURSING_SPECIALTIES = List.of("100", "110", "180", "300", "301", "320", "340", "420", "501");

    private static final String[] DOCTOR_GRADES = {"FY1", "FY2", "CT1", "CT2", "CT3", "ST1", "ST2", "ST3", "ST4", "ST5",
        "ST6", "ST7", "ST8", "LED_MIDDLE", "SPECIALTY_DOCTOR", "SPECIALIST", "CONSULTANT"};
    /** Relative weights of {@link #DOCTOR_GRADES}. */
    private static final int[] DOCTOR_WEIGHTS = {5, 9, 8, 7, 5, 6, 6, 7, 6, 5, 4, 3, 3, 4, 6, 2, 6};
    private static final String[] NURSING_BANDS = {"AFC_5", "AFC_6", "AFC_7"};
    private static final int[] NURSING_WEIGHTS = {55, 32, 13};
    private static final String[] HCPC_PREFIXES = {"PH", "OT", "RA", "ODP", "PA"};

    private Workforce() {
    }

    /**
     * {@code size} profiles; worker {@code i} has id {@code W} + i (zero padded). Each planted
     * problem appears at least once for {@code size >= 200}; forged and unauthorised credentials
     * exactly once.
     */
    public static List<WorkerProfile> draw(Random random, int size, List<String> trusts) {
        List<WorkerProfile> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = String.format("W%04d", i + 1);
            Problem problem = problem(random, i);
            String home = trusts.get(random.nextInt(trusts.size()));
            int kind = random.nextInt(100);
            if (kind < 60) {
                out.add(doctor(random, id, home, problem));
            } else if (kind < 92) {
                out.add(nurse(random, id, home, problem));
            } else {
                out.add(alliedHealth(random, id, home, problem));
            }
        }
        return List.copyOf(out);
    }

    private static Problem problem(Random random, int index) {
        // The two attacks appear once each at fixed positions, so the report can name them.
        if (index == 17) {
            return Problem.FORGED_CREDENTIAL;
        }
        if (index == 42) {
            return Problem.UNAUTHORISED_ISSUER;
        }
        int roll = random.nextInt(1000);
        if (roll < 40) {
            return Problem.TRAINING_LAPSES_IN_MONTH;
        }
        if (roll < 60) {
            return Problem.TRAINING_LAPSED;
        }
        if (roll < 75) {
            return Problem.LIFE_SUPPORT_LAPSES_IN_MONTH;
        }
        if (roll < 80) {
            return Problem.DBS_REVOKED;
        }
        if (roll < 84) {
            return Problem.REGISTRATION_SUSPENDED;
        }
        if (roll < 92) {
            return Problem.REGISTRATION_CONDITIONS;
        }
        if (roll < 100) {
            return Problem.RIGHT_TO_WORK_ENDS_IN_MONTH;
        }
        return Problem.NONE;
    }

    private static WorkerProfile doctor(Random random, String id, String home, Problem problem) {
        String grade = DOCTOR_GRADES[weighted(random, DOCTOR_WEIGHTS)];
        boolean trainee = grade.startsWith("FY") || grade.startsWith("CT") || grade.startsWith("ST");
        Employment.Type type = trainee ? Employment.Type.LEAD_EMPLOYER_TRAINEE
                : random.nextInt(3) == 0 ? Employment.Type.BANK_ONLY : Employment.Type.SUBSTANTIVE;
        String number = String.format("%07d", 3_000_000 + random.nextInt(4_000_000));
        return new WorkerProfile(id, Grade.StaffGroup.MEDICAL_AND_DENTAL, new GradeCode(grade), Register.GMC, number,
                specialties(random, MEDICAL_SPECIALTIES, grade.startsWith("FY") ? 1 : 1 + random.nextInt(2)), home,
                type, problem);
    }

    private static WorkerProfile nurse(Random random, String id, String home, Problem problem) {
        String band = NURSING_BANDS[weighted(random, NURSING_WEIGHTS)];
        String pin = String.format("%02d%c%04d%c", random.nextInt(100), (char) ('A' + random.nextInt(26)),
                random.nextInt(10_000), (char) ('A' + random.nextInt(26)));
        return new WorkerProfile(id, Grade.StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED, new GradeCode(band),
                Register.NMC, pin, specialties(random, NURSING_SPECIALTIES, 1 + random.nextInt(2)), home,
                random.nextInt(4) == 0 ? Employment.Type.BANK_ONLY : Employment.Type.SUBSTANTIVE, problem);
    }

    private static WorkerProfile alliedHealth(Random random, String id, String home, Problem problem) {
        String band = NURSING_BANDS[weighted(random, NURSING_WEIGHTS)];
        String number = HCPC_PREFIXES[random.nextInt(HCPC_PREFIXES.length)] + String.format("%06d", random.nextInt(1_000_000));
        return new WorkerProfile(id, Grade.StaffGroup.ALLIED_HEALTH_PROFESSIONALS, new GradeCode(band), Register.HCPC,
                number, specialties(random, NURSING_SPECIALTIES, 1), home,
                random.nextInt(4) == 0 ? Employment.Type.BANK_ONLY : Employment.Type.SUBSTANTIVE, problem);
    }

    private static List<SpecialtyCode> specialties(Random random, List<String> from, int count) {
        List<SpecialtyCode> out = new ArrayList<>();
        while (out.size() < count) {
            SpecialtyCode code = new SpecialtyCode(from.get(random.nextInt(from.size())));
            if (!out.contains(code)) {
                out.add(code);
            }
        }
        return out;
    }

    /** An index drawn with the given relative weights. */
    static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights sum to " + total);
    }
}
