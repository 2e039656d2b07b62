package org.staffpass.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import org.staffpass.rules.internal.calc.ShiftTime;

/**
 * What the families of a policy read for one shift: the disclosure request, and the specialty
 * groups and requirements a shift's specialty brings in. Shared by the request and the
 * evaluator, so the two cannot disagree. Stateless.
 */
public final class Disclosures {
    static final String SUBJECTS = "/subjects/*";
    static final String LIFE_SUPPORT = "/life_support/*";
    static final String COMPETENCIES = "/competencies/*";

    private Disclosures() {
    }

    /** See {@link Policy#disclosureRequest(Shift)}. */
    public static DisclosureRequest request(Policy policy, Shift shift) {
        Map<CredentialType, Set<String>> claims = new EnumMap<>(CredentialType.class);
        Policy.Rules rules = policy.rules();
        rules.credentials().ifPresent(c -> c.required().forEach(type -> add(claims, type)));
        rules.registration().ifPresent(r -> add(claims, CredentialType.PROFESSIONAL_REGISTRATION));
        rules.gradeAndSpecialty().ifPresent(g -> {
            add(claims, CredentialType.GRADE);
            Policy.GroupRequirements needed = requirements(policy, g, shift);
            if (!g.specialtyGroups().isEmpty()) {
                add(claims, CredentialType.SPECIALTY);
            }
            if (!needed.lifeSupport().isEmpty()) {
                add(claims, CredentialType.SPECIALTY, LIFE_SUPPORT);
            }
            if (!needed.competencies().isEmpty()) {
                add(claims, CredentialType.SPECIALTY, COMPETENCIES);
            }
        });
        rules.compliance().ifPresent(c -> {
            if (!c.training().isEmpty()) {
                add(claims, CredentialType.MANDATORY_TRAINING, SUBJECTS);
            }
            c.identity().ifPresent(level -> add(claims, CredentialType.IDENTITY_VERIFICATION));
            if (c.rightToWork()) {
                add(claims, CredentialType.RIGHT_TO_WORK);
            }
            c.dbs().ifPresent(d -> add(claims, CredentialType.DBS_CHECK));
            c.occupationalHealth().ifPresent(o -> add(claims, CredentialType.OCCUPATIONAL_HEALTH));
        });
        rules.restrictions().ifPresent(r -> {
            if (restrictsSubstantiveStaff(r, shift)) {
                add(claims, CredentialType.EMPLOYMENT);
            }
        });
        rules.rates().ifPresent(r -> add(claims, CredentialType.GRADE));
        return new DisclosureRequest(claims);
    }

    private static void add(Map<CredentialType, Set<String>> claims, CredentialType type, String... pointers) {
        Set<String> set = claims.computeIfAbsent(type, t -> new TreeSet<>());
        set.addAll(List.of(pointers));
    }

    /** Whether the no-agency-for-substantive-staff restriction needs the worker's employment for this shift. */
    static boolean restrictsSubstantiveStaff(Policy.RestrictionRules rules, Shift shift) {
        return shift.channel() == Shift.Channel.AGENCY && rules.noAgencyForSubstantiveStaffOf().contains(shift.organisation());
    }

    /**
     * The specialty groups the shift's specialty belongs to on the shift's local start date:
     * members of {@code vocabularies.specialtyGroups}, plus temporary equivalents in force. Sorted by name.
     */
    static List<String> groupsOf(Policy policy, Policy.GradeRules rules, Shift shift) {
        SpecialtyCode code = shift.specialty();
        LocalDate day = new ShiftTime(shift.start(), shift.end()).localStartDate();
        Set<String> groups = new TreeSet<>();
        policy.vocabularies().specialtyGroups().forEach((name, members) -> {
            if (members.contains(code)) {
                groups.add(name);
            }
        });
        for (Policy.TemporaryEquivalent t : rules.temporaryEquivalents()) {
            if (t.specialty().equals(code) && !day.isBefore(t.from()) && day.isBefore(t.until())) {
                groups.add(t.group());
            }
        }
        return new ArrayList<>(groups);
    }

    /**
     * The specialty codes the shift accepts from a worker: its own, plus the members (temporary
     * equivalents in force included) of each of its groups the policy's {@code specialtyGroups}
     * lists. Immutable; what the evaluator's specialty rule and the bank matcher's index both use.
     */
    static Set<SpecialtyCode> acceptedSpecialties(Policy policy, Policy.GradeRules rules, Shift shift) {
        Set<SpecialtyCode> accepted = new java.util.HashSet<>();
        accepted.add(shift.specialty());
        for (String group : groupsOf(policy, rules, shift)) {
            if (rules.specialtyGroups().contains(group)) {
                accepted.addAll(members(policy, rules, group, shift));
            }
        }
        return Set.copyOf(accepted);
    }

    /** Members of {@code group} on the shift's date: the group's codes and temporary equivalents in force. */
    static Set<SpecialtyCode> members(Policy policy, Policy.GradeRules rules, String group, Shift shift) {
        LocalDate day = new ShiftTime(shift.start(), shift.end()).localStartDate();
        Set<SpecialtyCode> out = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        out.addAll(policy.vocabularies().specialtyGroups().getOrDefault(group, List.of()));
        for (Policy.TemporaryEquivalent t : rules.temporaryEquivalents()) {
            if (t.group().equals(group) && !day.isBefore(t.from()) && day.isBefore(t.until())) {
                out.add(t.specialty());
            }
        }
        return out;
    }

    /** Life support and competencies the shift's specialty groups require, each once, sorted. */
    static Policy.GroupRequirements requirements(Policy policy, Policy.GradeRules rules, Shift shift) {
        Map<String, LifeSupportCode> lifeSupport = new TreeMap<>();
        Set<String> competencies = new TreeSet<>();
        for (String group : groupsOf(policy, rules, shift)) {
            Policy.GroupRequirements r = rules.requirements().get(group);
            if (r != null) {
                r.lifeSupport().forEach(l -> lifeSupport.put(l.value(), l));
                competencies.addAll(r.competencies());
            }
        }
        return new Policy.GroupRequirements(new ArrayList<>(lifeSupport.values()), new ArrayList<>(competencies));
    }
}
