package org.staffpass.rules.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.RightToWork;
import org.staffpass.passport.credential.Specialty;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import org.staffpass.rules.internal.calc.ShiftTime;

/**
 * The bank matcher's index over a pool of workers' passport facts for one policy: which
 * workers can never be eligible under it (a failed rule that no shift changes), and per worker
 * the keys a shift is checked against without evaluating (grade rank, specialties, the
 * earliest instant a required fact lapses, life support and competencies by code, provisional
 * registration, substantive employer). {@link #candidates} drops a worker only where the
 * {@link Evaluator} would certainly give a failed finding that no approval covers without a
 * break glass (every filter below mirrors one evaluator rule; when in doubt it keeps the
 * worker, who is then evaluated). Immutable after construction and thread-safe.
 */
public final class PoolIndex {
    private final Policy policy;
    private final int size;
    private final boolean[] blocked;
    /** Workers not blocked, by grade rank on the ladder (only when the grade family applies). */
    private final int[][] byRank;
    private final int[] rank;
    private final LocalDate[] gradeFrom;
    private final LocalDate[] gradeTo;
    /** Workers not blocked, by disclosed specialty code (only when specialty groups are checked). */
    private final Map<SpecialtyCode, int[]> bySpecialty;
    private final int[] unblocked;
    /** Earliest instant a fact the policy requires for every shift lapses; null: never. */
    private final Instant[] lapse;
    private final boolean[] provisional;
    private final Specialty[] specialty;
    private final Map<LifeSupportCode, Instant>[] lifeSupport;
    private final Map<String, Optional<Instant>>[] competency;
    private final Employment[] employment;

    @SuppressWarnings("unchecked")
    public PoolIndex(Policy policy, List<PassportFacts> pool) {
        this.policy = policy;
        this.size = pool.size();
        this.blocked = new boolean[size];
        this.rank = new int[size];
        this.gradeFrom = new LocalDate[size];
        this.gradeTo = new LocalDate[size];
        this.lapse = new Instant[size];
        this.provisional = new boolean[size];
        this.specialty = new Specialty[size];
        this.lifeSupport = new Map[size];
        this.competency = new Map[size];
        this.employment = new Employment[size];
        Set<LifeSupportCode> lifeSupportCodes = new java.util.HashSet<>();
        Set<String> competencyCodes = new java.util.HashSet<>();
        policy.rules().gradeAndSpecialty().ifPresent(g -> g.requirements().values().forEach(r -> {
            lifeSupportCodes.addAll(r.lifeSupport());
            competencyCodes.addAll(r.competencies());
        }));
        for (int p = 0; p < size; p++) {
            PassportFacts facts = pool.get(p);
            blocked[p] = neverEligible(facts);
            rank[p] = -1;
            Optional<Grade> grade = facts.credential(CredentialType.GRADE).map(f -> (Grade) f.credential());
            if (grade.isPresent()) {
                rank[p] = policy.vocabularies().gradeLadder().indexOf(grade.get().grade());
                gradeFrom[p] = grade.get().validFrom();
                gradeTo[p] = grade.get().validTo().orElse(null);
            }
            lapse[p] = earliestLapse(facts);
            Optional<PassportFacts.CredentialFacts> registration = facts.credential(CredentialType.PROFESSIONAL_REGISTRATION);
            provisional[p] = registration.isPresent() && ((ProfessionalRegistration) registration.get().credential())
                    .registrationType() == ProfessionalRegistration.RegistrationType.PROVISIONAL;
            Optional<PassportFacts.CredentialFacts> s = facts.credential(CredentialType.SPECIALTY);
            if (s.isPresent()) {
                specialty[p] = (Specialty) s.get().credential();
                lifeSupport[p] = lifeSupportLapses(specialty[p], lifeSupportCodes);
                competency[p] = competencyLapses(specialty[p], competencyCodes);
            }
            employment[p] = facts.credential(CredentialType.EMPLOYMENT).map(f -> (Employment) f.credential()).orElse(null);
        }
        List<Integer> open = new ArrayList<>();
        Map<SpecialtyCode, List<Integer>> codes = new HashMap<>();
        List<List<Integer>> ranks = new ArrayList<>();
        for (int r = 0; r < policy.vocabularies().gradeLadder().size(); r++) {
            ranks.add(new ArrayList<>());
        }
        for (int p = 0; p < size; p++) {
            if (blocked[p]) {
                continue;
            }
            open.add(p);
            if (rank[p] >= 0) {
                ranks.get(rank[p]).add(p);
            }
            if (specialty[p] != null) {
                for (SpecialtyCode code : specialty[p].specialties()) {
                    List<Integer> list = codes.computeIfAbsent(code, c -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != p) {
                        list.add(p);
                    }
                }
            }
        }
        this.unblocked = toArray(open);
        this.byRank = new int[ranks.size()][];
        for (int r = 0; r < ranks.size(); r++) {
            byRank[r] = toArray(ranks.get(r));
        }
        Map<SpecialtyCode, int[]> bySpecialty = new HashMap<>();
        codes.forEach((code, list) -> bySpecialty.put(code, toArray(list)));
        this.bySpecialty = Map.copyOf(bySpecialty);
    }

    private static int[] toArray(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** Number of workers indexed. */
    public int size() {
        return size;
    }

    /** Workers ineligible for every shift under the policy. */
    public int neverEligibleCount() {
        int n = 0;
        for (boolean b : blocked) {
            n += b ? 1 : 0;
        }
        return n;
    }

    // ---- build time: rules whose failure no shift changes

    /**
     * Whether some rule fails for this worker whatever the shift and instant: a required
     * credential or a fact every shift needs not disclosed, a registration, identity, DBS,
     * occupational-health or grade fact that can never pass, or a training subject with no
     * record at the required level.
     */
    private boolean neverEligible(PassportFacts facts) {
        Policy.Rules rules = policy.rules();
        if (rules.credentials().isPresent()) {
            for (CredentialType type : rules.credentials().get().required()) {
                if (facts.credential(type).isEmpty()) {
                    return true;
                }
            }
        }
        if (rules.registration().isPresent() && registrationNeverPasses(rules.registration().get(), facts)) {
            return true;
        }
        Optional<Grade> grade = facts.credential(CredentialType.GRADE).map(f -> (Grade) f.credential());
        if ((rules.gradeAndSpecialty().isPresent() || rules.rates().isPresent()) && grade.isEmpty()) {
            return true;
        }
        if (rules.gradeAndSpecialty().isPresent()) {
            Policy.GradeRules g = rules.gradeAndSpecialty().get();
            if (policy.vocabularies().gradeLadder().indexOf(grade.get().grade()) < 0) {
                return true;
            }
            if (!g.specialtyGroups().isEmpty() && facts.credential(CredentialType.SPECIALTY).isEmpty()) {
                return true;
            }
        }
        if (rules.compliance().isPresent() && complianceNeverPasses(rules.compliance().get(), facts)) {
            return true;
        }
        if (rules.rates().isPresent()) {
            String group = null;
            for (Map.Entry<String, List<GradeCode>> e : new TreeMap<>(policy.vocabularies().gradeGroups()).entrySet()) {
                if (e.getValue().contains(grade.get().grade())) {
                    group = e.getKey();
                }
            }
            if (group == null || !rules.rates().get().card().containsKey(group)) {
                return true;
            }
        }
        return false;
    }

    private static boolean registrationNeverPasses(Policy.RegistrationRules rules, PassportFacts facts) {
        Optional<PassportFacts.CredentialFacts> f = facts.credential(CredentialType.PROFESSIONAL_REGISTRATION);
        if (f.isEmpty()) {
            return true;
        }
        ProfessionalRegistration r = (ProfessionalRegistration) f.get().credential();
        if (!rules.registers().contains(r.register())
                || r.registrationStatus() != ProfessionalRegistration.Status.REGISTERED) {
            return true;
        }
        if (rules.requireLicence() && !r.licenceToPractise().orElse(r.register() != Register.GMC)) {
            return true;
        }
        return r.registrationType() == ProfessionalRegistration.RegistrationType.PROVISIONAL && !rules.allowProvisional();
    }

    private static boolean complianceNeverPasses(Policy.ComplianceRules rules, PassportFacts facts) {
        if (!rules.training().isEmpty()) {
            Optional<PassportFacts.CredentialFacts> f = facts.credential(CredentialType.MANDATORY_TRAINING);
            if (f.isEmpty()) {
                return true;
            }
            MandatoryTraining t = (MandatoryTraining) f.get().credential();
            for (Policy.TrainingRequirement req : rules.training()) {
                if (trainingLapse(req, t) == null) {
                    return true;
                }
            }
        }
        if (rules.identity().isPresent()) {
            Optional<PassportFacts.CredentialFacts> f = facts.credential(CredentialType.IDENTITY_VERIFICATION);
            if (f.isEmpty() || ((IdentityVerification) f.get().credential()).level().compareTo(rules.identity().get()) < 0) {
                return true;
            }
        }
        if (rules.rightToWork()) {
            Optional<PassportFacts.CredentialFacts> f = facts.credential(CredentialType.RIGHT_TO_WORK);
            if (f.isEmpty()) {
                return true;
            }
            RightToWork rtw = (RightToWork) f.get().credential();
            if (rtw.permission() != RightToWork.Permission.UNLIMITED && rtw.expiresOn().isEmpty()) {
                return true;
            }
        }
        if (rules.dbs().isPresent()) {
            Optional<PassportFacts.CredentialFacts> f = facts.credential(CredentialType.DBS_CHECK);
            if (f.isEmpty() || dbsNeverPasses(rules.dbs().get(), (DbsCheck) f.get().credential())) {
                return true;
            }
        }
        if (rules.occupationalHealth().isPresent()) {
            Optional<PassportFacts.CredentialFacts> f = facts.credential(CredentialType.OCCUPATIONAL_HEALTH);
            if (f.isEmpty()) {
                return true;
            }
            OccupationalHealth oh = (OccupationalHealth) f.get().credential();
            if (oh.fitness() == OccupationalHealth.Fitness.NOT_FIT || (rules.occupationalHealth().get().requireEppClearance()
                    && oh.eppClearance() != OccupationalHealth.EppClearance.CLEARED)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dbsNeverPasses(Policy.DbsRequirement req, DbsCheck d) {
        if (d.level().compareTo(req.level()) < 0) {
            return true;
        }
        if (req.workforce().isPresent()) {
            DbsCheck.Workforce w = req.workforce().get();
            boolean covers = d.workforce() == w || (d.workforce() == DbsCheck.Workforce.CHILD_AND_ADULT
                    && (w == DbsCheck.Workforce.CHILD || w == DbsCheck.Workforce.ADULT));
            Set<DbsCheck.BarredList> lists = EnumSet.noneOf(DbsCheck.BarredList.class);
            if (req.level() == DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS) {
                if (w == DbsCheck.Workforce.CHILD || w == DbsCheck.Workforce.CHILD_AND_ADULT) {
                    lists.add(DbsCheck.BarredList.CHILDREN);
                }
                if (w == DbsCheck.Workforce.ADULT || w == DbsCheck.Workforce.CHILD_AND_ADULT) {
                    lists.add(DbsCheck.BarredList.ADULTS);
                }
            }
            if (!covers || !d.barredLists().containsAll(lists)) {
                return true;
            }
        }
        boolean current = d.lastStatusCheck().map(c -> c.result() == DbsCheck.StatusCheck.Result.CURRENT).orElse(true);
        return d.clearance() == DbsCheck.Clearance.NOT_CLEARED || !current;
    }

    /** The latest lapse of a record meeting {@code req}, as the evaluator picks it; null when none does. */
    private static Instant trainingLapse(Policy.TrainingRequirement req, MandatoryTraining t) {
        Instant best = null;
        for (MandatoryTraining.TrainingRecord r : t.subjects()) {
            if (!r.subject().equals(req.subject()) || r.level() < req.level()) {
                continue;
            }
            LocalDate due = r.completedOn().plusMonths(req.refresherMonths());
            Instant lapse = lapsesAt(due.isBefore(r.expiresOn()) ? due : r.expiresOn());
            if (best == null || lapse.isAfter(best)) {
                best = lapse;
            }
        }
        return best;
    }

    /**
     * The earliest instant a fact every shift needs stops being valid: a required credential's
     * {@code exp} less the minimum remaining validity, a training requirement's best record, a
     * time-limited right to work. A shift ending after it is refused. Null: nothing lapses.
     */
    private Instant earliestLapse(PassportFacts facts) {
        Instant earliest = null;
        Policy.Rules rules = policy.rules();
        if (rules.credentials().isPresent()) {
            Duration days = Duration.ofDays(rules.credentials().get().minRemainingValidityDays());
            for (CredentialType type : rules.credentials().get().required()) {
                Optional<PassportFacts.CredentialFacts> f = facts.credential(type);
                if (f.isPresent()) {
                    earliest = earlier(earliest, f.get().expiresAt().minus(days));
                }
            }
        }
        if (rules.compliance().isPresent()) {
            Policy.ComplianceRules c = rules.compliance().get();
            Optional<PassportFacts.CredentialFacts> t = facts.credential(CredentialType.MANDATORY_TRAINING);
            if (!c.training().isEmpty() && t.isPresent()) {
                for (Policy.TrainingRequirement req : c.training()) {
                    Instant l = trainingLapse(req, (MandatoryTraining) t.get().credential());
                    if (l != null) {
                        earliest = earlier(earliest, l);
                    }
                }
            }
            Optional<PassportFacts.CredentialFacts> rtw = facts.credential(CredentialType.RIGHT_TO_WORK);
            if (c.rightToWork() && rtw.isPresent()) {
                RightToWork r = (RightToWork) rtw.get().credential();
                if (r.permission() != RightToWork.Permission.UNLIMITED && r.expiresOn().isPresent()) {
                    earliest = earlier(earliest, lapsesAt(r.expiresOn().get().plusDays(1)));
                }
            }
        }
        return earliest;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant lapsesAt(LocalDate due) {
        return due.atStartOfDay(ShiftTime.ZONE).toInstant();
    }

    /** Per life-support code the policy requires: the lapse of the latest-expiring certificate, as the evaluator picks it. */
    private static Map<LifeSupportCode, Instant> lifeSupportLapses(Specialty s, Set<LifeSupportCode> codes) {
        Map<LifeSupportCode, Instant> out = new HashMap<>();
        for (LifeSupportCode code : codes) {
            LocalDate best = null;
            for (Specialty.LifeSupportCertificate c : s.lifeSupport()) {
                if (c.type().equals(code) && (best == null || c.expiresOn().isAfter(best))) {
                    best = c.expiresOn();
                }
            }
            if (best != null) {
                out.put(code, lapsesAt(best));
            }
        }
        return Map.copyOf(out);
    }

    /**
     * Per competency code the policy requires: the lapse of the competency the evaluator picks
     * (the first listed, replaced by any later one without expiry); empty: does not expire.
     */
    private static Map<String, Optional<Instant>> competencyLapses(Specialty s, Set<String> codes) {
        Map<String, Optional<Instant>> out = new HashMap<>();
        for (String code : codes) {
            Specialty.Competency chosen = null;
            for (Specialty.Competency c : s.competencies()) {
                if (c.code().equals(code) && (chosen == null || c.expiresOn().isEmpty())) {
                    chosen = c;
                }
            }
            if (chosen != null) {
                out.put(code, chosen.expiresOn().map(PoolIndex::lapsesAt));
            }
        }
        return Map.copyOf(out);
    }

    // ---- per shift

    /**
     * Positions of the workers the evaluator may find eligible or needing approval for
     * {@code shift} decided at {@code at} without break glass, ascending. Every worker left
     * out would be ineligible.
     */
    public BitSet candidates(Shift shift, Instant at) {
        BitSet out = new BitSet(size);
        ShiftTime time = new ShiftTime(shift.start(), shift.end());
        LocalDate startDate = time.localStartDate();
        LocalDate endDate = time.localEnd().toLocalDate();
        if (!shiftCanPass(shift, at, startDate)) {
            return out;
        }
        Policy.Rules rules = policy.rules();
        int lo = 0;
        int hi = -1;
        boolean gradeChecked = rules.gradeAndSpecialty().isPresent();
        Policy.GroupRequirements needed = new Policy.GroupRequirements(List.of(), List.of());
        boolean specialtyChecked = false;
        if (gradeChecked) {
            Policy.GradeRules g = rules.gradeAndSpecialty().get();
            List<GradeCode> ladder = policy.vocabularies().gradeLadder();
            lo = Math.max(ladder.indexOf(g.minimumGrade()), ladder.indexOf(shift.minGrade()));
            hi = Math.min(g.maximumGrade().map(ladder::indexOf).orElse(ladder.size() - 1), ladder.indexOf(shift.maxGrade()));
            needed = Disclosures.requirements(policy, g, shift);
            specialtyChecked = !g.specialtyGroups().isEmpty();
            if (specialtyChecked) {
                for (SpecialtyCode code : Disclosures.acceptedSpecialties(policy, g, shift)) {
                    for (int p : bySpecialty.getOrDefault(code, new int[0])) {
                        if (rank[p] >= lo && rank[p] <= hi) {
                            out.set(p);
                        }
                    }
                }
            } else {
                for (int r = lo; r <= hi; r++) {
                    for (int p : byRank[r]) {
                        out.set(p);
                    }
                }
            }
        } else {
            for (int p : unblocked) {
                out.set(p);
            }
        }
        boolean restricted = rules.restrictions().isPresent()
                && Disclosures.restrictsSubstantiveStaff(rules.restrictions().get(), shift);
        Optional<Policy.RegistrationRules> registration = rules.registration();
        boolean provisionalOk = registration.isPresent() && registration.get().allowProvisional()
                && registration.get().provisionalAllowedAt().contains(shift.organisation());
        Instant end = shift.end();
        for (int p = out.nextSetBit(0); p >= 0; p = out.nextSetBit(p + 1)) {
            boolean keep = (lapse[p] == null || !lapse[p].isBefore(end))
                    && (!gradeChecked || gradeCurrent(p, startDate, endDate))
                    && (registration.isEmpty() || !provisional[p] || provisionalOk)
                    && requirementsMet(p, needed, end)
                    && (!restricted || employmentAllows(p, shift, startDate, endDate));
            if (!keep) {
                out.clear(p);
            }
        }
        return out;
    }

    /** Rules that fail for every worker: the policy's period, the shift's grades off the ladder, the agency cascade, floor and cap. */
    private boolean shiftCanPass(Shift shift, Instant at, LocalDate day) {
        Policy.Effective e = policy.effective();
        if (day.isBefore(e.from()) || e.until().map(u -> !day.isBefore(u)).orElse(false)) {
            return false;
        }
        Policy.Rules rules = policy.rules();
        if (rules.gradeAndSpecialty().isPresent()) {
            List<GradeCode> ladder = policy.vocabularies().gradeLadder();
            if (ladder.indexOf(shift.minGrade()) < 0 || ladder.indexOf(shift.maxGrade()) < 0) {
                return false;
            }
        }
        if (rules.restrictions().isPresent() && rules.restrictions().get().agencyCascadeHours().isPresent()
                && shift.channel() == Shift.Channel.AGENCY) {
            if (shift.bankReleaseAt().isEmpty()) {
                return false;
            }
            Instant opens = shift.bankReleaseAt().get().plus(Duration.ofHours(rules.restrictions().get().agencyCascadeHours().get()));
            if (at.isBefore(opens)) {
                return false;
            }
        }
        if (rules.rates().isPresent()) {
            BigDecimal offered = shift.offeredHourlyRate();
            Policy.RateRules r = rules.rates().get();
            // Above the cap only a break glass helps, and the matcher decides without one.
            if (offered.compareTo(r.floor()) < 0 || offered.compareTo(r.priceCap()) > 0) {
                return false;
            }
        }
        return true;
    }

    private boolean gradeCurrent(int p, LocalDate startDate, LocalDate endDate) {
        return !gradeFrom[p].isAfter(startDate) && (gradeTo[p] == null || !gradeTo[p].isBefore(endDate));
    }

    private boolean requirementsMet(int p, Policy.GroupRequirements needed, Instant end) {
        if (needed.lifeSupport().isEmpty() && needed.competencies().isEmpty()) {
            return true;
        }
        Specialty s = specialty[p];
        if (s == null) {
            return false;
        }
        if (!needed.lifeSupport().isEmpty()) {
            if (s.lifeSupport().isEmpty()) {
                return false;
            }
            for (LifeSupportCode code : needed.lifeSupport()) {
                Instant l = lifeSupport[p].get(code);
                if (l == null || l.isBefore(end)) {
                    return false;
                }
            }
        }
        if (!needed.competencies().isEmpty()) {
            if (s.competencies().isEmpty()) {
                return false;
            }
            for (String code : needed.competencies()) {
                Optional<Instant> l = competency[p].get(code);
                if (l == null || (l.isPresent() && l.get().isBefore(end))) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean employmentAllows(int p, Shift shift, LocalDate startDate, LocalDate endDate) {
        Employment e = employment[p];
        if (e == null) {
            return false;
        }
        boolean employed = e.employmentType() == Employment.Type.SUBSTANTIVE
                && e.employer().equals(shift.organisation()) && !e.startedOn().isAfter(endDate)
                && e.endsOn().map(x -> !x.isBefore(startDate)).orElse(true);
        return !employed;
    }
}
