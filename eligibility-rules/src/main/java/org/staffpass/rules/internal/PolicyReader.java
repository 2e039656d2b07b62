package org.staffpass.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;
import org.staffpass.passport.vocab.TrainingSubjectDefinition;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyIssue;
import org.staffpass.rules.PolicyProblem;
import org.staffpass.rules.PolicyResult;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;

/**
 * The policy validator (format v1): walks the whole document, collecting every problem with
 * its JSON Pointer, and builds a {@link Policy} only when there are none. One instance per
 * document; not shared.
 */
public final class PolicyReader {
    public static final Set<String> TOP_MEMBERS =
            Set.of("id", "version", "publisher", "effective", "vocabularies", "rules", "exampleWorkers", "examples");
    public static final Set<String> TOP_REQUIRED = Set.of("id", "version", "publisher", "effective", "vocabularies", "rules");
    public static final Set<String> EFFECTIVE_MEMBERS = Set.of("from", "until");
    public static final Set<String> EFFECTIVE_REQUIRED = Set.of("from");
    public static final Set<String> VOCABULARIES_MEMBERS =
            Set.of("grades", "gradeGroups", "specialtyGroups", "timeBands", "bankHolidays");
    public static final Set<String> VOCABULARIES_REQUIRED = Set.of("grades", "timeBands", "bankHolidays");
    public static final Set<String> TIME_BANDS_MEMBERS = Set.of("dayStarts", "eveningStarts", "nightStarts");
    public static final Set<String> RULES_MEMBERS = Set.of("credentials", "registration", "gradeAndSpecialty",
            "compliance", "workingTime", "restrictions", "rates");
    public static final Set<String> CREDENTIALS_MEMBERS = Set.of("required", "minRemainingValidityDays");
    public static final Set<String> CREDENTIALS_REQUIRED = Set.of("required");
    public static final Set<String> REGISTRATION_MEMBERS = Set.of("registers", "requireLicence", "allowProvisional",
            "provisionalAllowedAt", "conditionsNeedReview", "conditionsApprovalRole");
    public static final Set<String> REGISTRATION_REQUIRED = Set.of("registers");
    public static final Set<String> GRADE_MEMBERS =
            Set.of("minimumGrade", "maximumGrade", "specialtyGroups", "temporaryEquivalents", "requirements");
    public static final Set<String> GRADE_REQUIRED = Set.of("minimumGrade");
    public static final Set<String> TEMPORARY_MEMBERS = Set.of("specialty", "group", "from", "until");
    public static final Set<String> GROUP_REQUIREMENT_MEMBERS = Set.of("lifeSupport", "competencies");
    public static final Set<String> COMPLIANCE_MEMBERS =
            Set.of("training", "identity", "rightToWork", "dbs", "occupationalHealth");
    public static final Set<String> IDENTITY_MEMBERS = Set.of("minimumLevel");
    public static final Set<String> DBS_MEMBERS = Set.of("level", "workforce");
    public static final Set<String> DBS_REQUIRED = Set.of("level");
    public static final Set<String> OCCUPATIONAL_HEALTH_MEMBERS = Set.of("requireEppClearance");
    public static final Set<String> TRAINING_MEMBERS = Set.of("subject", "level", "refresherMonths");
    public static final Set<String> RESTRICTIONS_MEMBERS = Set.of("noAgencyForSubstantiveStaffOf", "agencyCascadeHours");
    public static final Set<String> RATES_MEMBERS = Set.of("card", "floor", "escalation", "priceCap", "breakGlassRole");
    public static final Set<String> RATES_REQUIRED = Set.of("card", "floor", "escalation", "priceCap");
    /** Longest bank-first cascade a policy may set, in hours (30 days). */
    public static final int MAX_CASCADE_HOURS = 720;
    public static final Set<String> RATE_CARD_MEMBERS = Set.of("day", "evening", "night", "weekend", "bankHoliday");
    public static final Set<String> TIER_MEMBERS = Set.of("upToPercentAbove", "role");
    public static final Set<String> EXAMPLE_MEMBERS = Set.of("name", "worker", "with", "without", "shift", "history",
            "at", "breakGlass", "expect", "expectFailing");
    public static final Set<String> EXAMPLE_REQUIRED = Set.of("name", "worker", "shift", "at", "expect");
    public static final Set<String> EXAMPLE_SHIFT_MEMBERS = Set.of("organisation", "site", "department", "specialty",
            "minGrade", "maxGrade", "start", "end", "channel", "hourlyRate", "bankReleaseAt");
    public static final Set<String> EXAMPLE_SHIFT_REQUIRED = Set.of("organisation", "site", "department", "specialty",
            "minGrade", "maxGrade", "start", "end", "channel", "hourlyRate");
    public static final Set<String> EXAMPLE_HISTORY_MEMBERS = Set.of("organisation", "start", "end");
    public static final Set<String> EXAMPLE_WITH_MEMBERS = Set.of("claims", "expiresAt");
    public static final Set<String> EXAMPLE_WITH_REQUIRED = Set.of("claims");
    public static final Set<String> BREAK_GLASS_MEMBERS = Set.of("role", "approverId", "reason", "approvedAt");
    public static final String INSTANT_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$";

    /** A working-time member's default and inclusive bounds. */
    public record Bound(int fallback, int min, int max) {
    }

    /** Working-time members with their defaults and bounds. */
    public static final Map<String, Bound> WORKING_TIME = workingTime();

    public static final int MAX_TEXT = 200;
    public static final int MAX_ITEMS = 400;
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$";
    public static final String DECIMAL_PATTERN = "^(0|[1-9][0-9]{0,5})(\\.[0-9]{1,2})?$";
    public static final String ODS_TRUST_PATTERN = "^R[A-Z0-9]{2}$";
    public static final String COMPETENCY_PATTERN = "^[A-Z0-9][A-Z0-9_]{0,39}$";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern DECIMAL = Pattern.compile(DECIMAL_PATTERN);
    private static final Pattern ODS_TRUST = Pattern.compile(ODS_TRUST_PATTERN);
    private static final Pattern COMPETENCY = Pattern.compile(COMPETENCY_PATTERN);
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern TIME = Pattern.compile("^[0-9]{2}:[0-9]{2}$");
    private static final Pattern DATE_TIME = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$");
    private static final Pattern INSTANT = Pattern.compile(INSTANT_PATTERN);

    private final Vocabularies standard = Vocabularies.standard();
    private final List<PolicyIssue> issues = new ArrayList<>();
    private final Set<GradeCode> ladder = new HashSet<>();
    private final List<GradeCode> ladderOrder = new ArrayList<>();
    private final Map<String, List<GradeCode>> gradeGroups = new LinkedHashMap<>();
    private final Map<String, List<SpecialtyCode>> specialtyGroups = new LinkedHashMap<>();

    private PolicyReader() {
    }

    private static Map<String, Bound> workingTime() {
        Map<String, Bound> m = new LinkedHashMap<>();
        m.put("maxShiftHours", new Bound(13, 1, 24));
        m.put("minRestHours", new Bound(11, 0, 168));
        m.put("maxHoursRolling7Days", new Bound(72, 1, 168));
        m.put("maxAverageWeeklyHours", new Bound(48, 1, 168));
        m.put("referenceWeeks", new Bound(26, 1, 52));
        m.put("maxConsecutiveShifts", new Bound(7, 1, 14));
        m.put("maxConsecutiveLongDays", new Bound(4, 1, 14));
        m.put("maxConsecutiveNights", new Bound(4, 1, 14));
        m.put("restAfterNightsHours", new Bound(46, 0, 168));
        m.put("maxWeekendFrequency", new Bound(3, 1, 52));
        return Map.copyOf(m);
    }

    /** Reads and validates one document. */
    public static PolicyResult read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads and validates one document given as UTF-8 bytes (invalid UTF-8 is MALFORMED_JSON). */
    public static PolicyResult read(byte[] utf8) {
        if (utf8.length > Policy.MAX_DOCUMENT_BYTES) {
            return new PolicyResult.Invalid(List.of(new PolicyIssue(PolicyProblem.TOO_LARGE, "",
                    "the policy is larger than " + Policy.MAX_DOCUMENT_BYTES + " bytes")));
        }
        Verification<ObjectNode> parsed = StrictJson.parseObject(utf8, "policy");
        if (parsed instanceof Verification.Rejected<ObjectNode> rejected) {
            return new PolicyResult.Invalid(List.of(new PolicyIssue(PolicyProblem.MALFORMED_JSON, "", rejected.message())));
        }
        return new PolicyReader().document(parsed.value());
    }

    private PolicyResult document(ObjectNode root) {
        members(root, "", TOP_MEMBERS, TOP_REQUIRED);
        String id = text(root, "", "id", ID);
        String version = text(root, "", "version", ID);
        String publisher = text(root, "", "publisher", null);
        Policy.Effective effective = effective(root);
        Policy.Vocabularies vocabularies = vocabularies(root);
        Policy.Rules rules = rules(root);
        // Examples refer to the ladder and groups: read after the vocabularies and rules.
        List<Policy.Example> examples = examples(root, exampleWorkers(root));
        if (!issues.isEmpty()) {
            return new PolicyResult.Invalid(issues);
        }
        String canonical = StrictJson.write(canonical(root));
        return new PolicyResult.Valid(new Policy(id, version, publisher, effective, vocabularies, rules, examples,
                canonical, digest(canonical)));
    }

    /** Members sorted at every level; strings and integers exactly as read (decimals are strings). */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = StrictJson.object();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            var array = StrictJson.mapper().createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    static String digest(String canonical) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    // ---- sections

    private Policy.Effective effective(ObjectNode root) {
        ObjectNode node = object(root, "", "effective");
        if (node == null) {
            return null;
        }
        String at = "/effective";
        members(node, at, EFFECTIVE_MEMBERS, EFFECTIVE_REQUIRED);
        LocalDate from = date(node, at, "from");
        LocalDate until = date(node, at, "until");
        if (from != null && until != null && !until.isAfter(from)) {
            problem(PolicyProblem.EMPTY_EFFECTIVE_PERIOD, at + "/until", "until must be after from");
        }
        return from == null ? null : new Policy.Effective(from, Optional.ofNullable(until));
    }

    private Policy.Vocabularies vocabularies(ObjectNode root) {
        ObjectNode node = object(root, "", "vocabularies");
        if (node == null) {
            return null;
        }
        String at = "/vocabularies";
        members(node, at, VOCABULARIES_MEMBERS, VOCABULARIES_REQUIRED);
        // The ladder keeps every readable grade even when the list has a problem, so one bad
        // entry does not cascade into a problem at every later use of the other grades.
        List<GradeCode> grades = list(node, at, "grades", 1, (item, p) -> {
            GradeCode code = standardGrade(item, p);
            if (code != null && ladder.add(code)) {
                ladderOrder.add(code);
            }
            return code;
        });
        if (grades == null && node.get("grades") != null && node.get("grades").isArray()) {
            node.get("grades").forEach(g -> {
                if (g.isTextual()) {
                    ladder.add(new GradeCode(g.textValue()));
                }
            });
        }
        Map<GradeCode, String> grouped = new HashMap<>();
        ObjectNode groups = object(node, at, "gradeGroups");
        if (groups != null) {
            groups.fieldNames().forEachRemaining(name -> {
                String p = at + "/gradeGroups/" + escape(name);
                if (!ID.matcher(name).matches()) {
                    problem(PolicyProblem.INVALID_VALUE, p, "a grade group name must match " + ID_PATTERN);
                }
                List<GradeCode> members = list(groups, at + "/gradeGroups", name, 1, (item, ip) -> {
                    GradeCode code = ladderGrade(item, ip);
                    if (code != null && grouped.putIfAbsent(code, name) != null) {
                        problem(PolicyProblem.DUPLICATE_ITEM, ip, code + " is already in group " + StrictJson.printable(grouped.get(code)));
                    }
                    return code;
                });
                gradeGroups.put(name, members == null ? List.of() : members);
            });
        }
        ObjectNode specialties = object(node, at, "specialtyGroups");
        if (specialties != null) {
            specialties.fieldNames().forEachRemaining(name -> {
                String p = at + "/specialtyGroups/" + escape(name);
                if (!ID.matcher(name).matches()) {
                    problem(PolicyProblem.INVALID_VALUE, p, "a specialty group name must match " + ID_PATTERN);
                }
                List<SpecialtyCode> members = list(specialties, at + "/specialtyGroups", name, 1, (item, ip) -> {
                    String code = string(item, ip);
                    if (code == null) {
                        return null;
                    }
                    if (standard.specialty(new SpecialtyCode(code)).isEmpty()) {
                        problem(PolicyProblem.UNKNOWN_SPECIALTY, ip, StrictJson.printable(code) + " is not a specialty code");
                        return null;
                    }
                    return new SpecialtyCode(code);
                });
                specialtyGroups.put(name, members == null ? List.of() : members);
            });
        }
        Policy.TimeBands bands = timeBands(node, at);
        List<LocalDate> holidays = list(node, at, "bankHolidays", 0, (item, p) -> {
            String text = string(item, p);
            LocalDate date = text == null ? null : parseDate(text, p);
            // England and Wales move a bank holiday that falls at a weekend to a substitute
            // weekday, so a weekend date is a typo (or the wrong year), never a holiday.
            if (date != null && date.getDayOfWeek().getValue() >= 6) {
                problem(PolicyProblem.INVALID_VALUE, p, date + " is a " + date.getDayOfWeek()
                        + "; England and Wales bank holidays are weekdays (substitute days)");
                return null;
            }
            return date;
        });
        if (holidays != null) {
            for (int i = 1; i < holidays.size(); i++) {
                if (!holidays.get(i).isAfter(holidays.get(i - 1))) {
                    problem(PolicyProblem.DATES_UNORDERED, at + "/bankHolidays/" + i, "bank holidays must be strictly ascending");
                }
            }
        }
        if (grades == null || bands == null || holidays == null) {
            return null;
        }
        return new Policy.Vocabularies(grades, gradeGroups, specialtyGroups, bands, holidays);
    }

    private Policy.TimeBands timeBands(ObjectNode parent, String parentAt) {
        ObjectNode node = object(parent, parentAt, "timeBands");
        if (node == null) {
            return null;
        }
        String at = parentAt + "/timeBands";
        members(node, at, TIME_BANDS_MEMBERS, TIME_BANDS_MEMBERS);
        LocalTime day = time(node, at, "dayStarts");
        LocalTime evening = time(node, at, "eveningStarts");
        LocalTime night = time(node, at, "nightStarts");
        if (day == null || evening == null || night == null) {
            return null;
        }
        if (!day.isBefore(evening)) {
            problem(PolicyProblem.TIME_BANDS_UNORDERED, at + "/eveningStarts", "evening must start after day");
        } else if (!evening.isBefore(night)) {
            problem(PolicyProblem.TIME_BANDS_UNORDERED, at + "/nightStarts", "night must start after evening");
        }
        return new Policy.TimeBands(day, evening, night);
    }

    private Policy.Rules rules(ObjectNode root) {
        ObjectNode node = object(root, "", "rules");
        if (node == null) {
            return null;
        }
        members(node, "/rules", RULES_MEMBERS, Set.of());
        return new Policy.Rules(credentials(node), registration(node), grade(node), compliance(node),
                workingTime(node), restrictions(node), rates(node));
    }

    private Optional<Policy.CredentialRules> credentials(ObjectNode rules) {
        ObjectNode node = object(rules, "/rules", "credentials");
        if (node == null) {
            return Optional.empty();
        }
        String at = "/rules/credentials";
        members(node, at, CREDENTIALS_MEMBERS, CREDENTIALS_REQUIRED);
        List<CredentialType> required = distinct(list(node, at, "required", 1,
                (item, p) -> enumValue(item, p, CredentialType.class, PolicyProblem.UNKNOWN_CREDENTIAL_TYPE)), at + "/required");
        Integer days = integer(node, at, "minRemainingValidityDays", 0, 0, 3650);
        return required == null || days == null ? Optional.empty() : Optional.of(new Policy.CredentialRules(required, days));
    }

    private Optional<Policy.RegistrationRules> registration(ObjectNode rules) {
        ObjectNode node = object(rules, "/rules", "registration");
        if (node == null) {
            return Optional.empty();
        }
        String at = "/rules/registration";
        members(node, at, REGISTRATION_MEMBERS, REGISTRATION_REQUIRED);
        List<Register> registers = distinct(list(node, at, "registers", 1,
                (item, p) -> enumValue(item, p, Register.class, PolicyProblem.UNKNOWN_REGISTER)), at + "/registers");
        Boolean licence = bool(node, at, "requireLicence", true);
        Boolean provisional = bool(node, at, "allowProvisional", false);
        List<String> allowedAt = node.has("provisionalAllowedAt")
                ? distinct(list(node, at, "provisionalAllowedAt", 1, this::odsTrust), at + "/provisionalAllowedAt")
                : List.of();
        if (provisional != null && provisional && !node.has("provisionalAllowedAt")) {
            problem(PolicyProblem.MISSING_MEMBER, at + "/provisionalAllowedAt",
                    "allowProvisional needs the trusts with approved F1 posts");
        } else if (provisional != null && !provisional && node.has("provisionalAllowedAt")) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/provisionalAllowedAt",
                    "provisionalAllowedAt without allowProvisional: true");
        }
        Boolean review = bool(node, at, "conditionsNeedReview", true);
        String role = text(node, at, "conditionsApprovalRole", ID);
        if (review != null && review && !node.has("conditionsApprovalRole")) {
            problem(PolicyProblem.MISSING_MEMBER, at + "/conditionsApprovalRole",
                    "conditions that need review need the role that reviews them");
        } else if (review != null && !review && node.has("conditionsApprovalRole")) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/conditionsApprovalRole",
                    "a review role with conditionsNeedReview: false");
        }
        return registers == null || licence == null || provisional == null || allowedAt == null || review == null
                || (node.has("conditionsApprovalRole") && role == null) ? Optional.empty()
                : Optional.of(new Policy.RegistrationRules(registers, licence, provisional, allowedAt, review,
                        Optional.ofNullable(role)));
    }

    private Optional<Policy.GradeRules> grade(ObjectNode rules) {
        ObjectNode node = object(rules, "/rules", "gradeAndSpecialty");
        if (node == null) {
            return Optional.empty();
        }
        String at = "/rules/gradeAndSpecialty";
        members(node, at, GRADE_MEMBERS, GRADE_REQUIRED);
        JsonNode minimum = node.get("minimumGrade");
        GradeCode grade = minimum == null ? null : ladderGrade(minimum, at + "/minimumGrade");
        List<String> groups = node.has("specialtyGroups")
                ? distinct(list(node, at, "specialtyGroups", 0, (item, p) -> {
                    String name = string(item, p);
                    if (name != null && !specialtyGroups.containsKey(name)) {
                        problem(PolicyProblem.UNKNOWN_GROUP, p, StrictJson.printable(name) + " is not a specialty group in /vocabularies/specialtyGroups");
                        return null;
                    }
                    return name;
                }), at + "/specialtyGroups")
                : List.of();
        JsonNode maximum = node.get("maximumGrade");
        GradeCode maxGrade = maximum == null ? null : ladderGrade(maximum, at + "/maximumGrade");
        if (grade != null && maxGrade != null && ladderIndex(maxGrade) < ladderIndex(grade)) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/maximumGrade", "the maximum grade is below the minimum grade");
        }
        List<Policy.TemporaryEquivalent> temporary = node.has("temporaryEquivalents")
                ? list(node, at, "temporaryEquivalents", 1, this::temporaryEquivalent) : List.of();
        Map<String, Policy.GroupRequirements> requirements = new LinkedHashMap<>();
        ObjectNode reqNode = object(node, at, "requirements");
        boolean requirementsOk = true;
        if (reqNode != null) {
            int before = issues.size();
            reqNode.fieldNames().forEachRemaining(name -> {
                String p = at + "/requirements/" + escape(name);
                if (!specialtyGroups.containsKey(name)) {
                    problem(PolicyProblem.UNKNOWN_GROUP, p, StrictJson.printable(name) + " is not a specialty group in /vocabularies/specialtyGroups");
                    return;
                }
                ObjectNode r = object(reqNode, at + "/requirements", name);
                if (r == null) {
                    return;
                }
                members(r, p, GROUP_REQUIREMENT_MEMBERS, Set.of());
                List<LifeSupportCode> lifeSupport = r.has("lifeSupport") ? distinct(list(r, p, "lifeSupport", 1, (item, ip) -> {
                    String code = string(item, ip);
                    if (code != null && standard.lifeSupport(new LifeSupportCode(code)).isEmpty()) {
                        problem(PolicyProblem.UNKNOWN_LIFE_SUPPORT, ip, StrictJson.printable(code) + " is not a life-support certificate code");
                        return null;
                    }
                    return code == null ? null : new LifeSupportCode(code);
                }), p + "/lifeSupport") : List.of();
                List<String> competencies = r.has("competencies") ? distinct(list(r, p, "competencies", 1, (item, ip) -> {
                    String code = string(item, ip);
                    if (code != null && !COMPETENCY.matcher(code).matches()) {
                        problem(PolicyProblem.INVALID_VALUE, ip, "a competency code must match " + COMPETENCY_PATTERN);
                        return null;
                    }
                    return code;
                }), p + "/competencies") : List.of();
                if (lifeSupport != null && competencies != null) {
                    requirements.put(name, new Policy.GroupRequirements(lifeSupport, competencies));
                }
            });
            requirementsOk = issues.size() == before;
        }
        if (grade == null || groups == null || temporary == null || !requirementsOk
                || (maximum != null && maxGrade == null)) {
            return Optional.empty();
        }
        return Optional.of(new Policy.GradeRules(grade, Optional.ofNullable(maxGrade), groups, temporary, requirements));
    }

    private int ladderIndex(GradeCode code) {
        return ladderOrder.indexOf(code);
    }

    private String odsTrust(JsonNode item, String p) {
        String code = string(item, p);
        if (code != null && !ODS_TRUST.matcher(code).matches()) {
            problem(PolicyProblem.INVALID_VALUE, p, "an ODS trust code matches " + ODS_TRUST_PATTERN);
            return null;
        }
        return code;
    }

    private Policy.TemporaryEquivalent temporaryEquivalent(JsonNode item, String p) {
        if (!item.isObject()) {
            problem(PolicyProblem.WRONG_TYPE, p, "a temporary equivalent must be an object");
            return null;
        }
        ObjectNode t = (ObjectNode) item;
        members(t, p, TEMPORARY_MEMBERS, TEMPORARY_MEMBERS);
        String code = text(t, p, "specialty", null);
        if (code != null && standard.specialty(new SpecialtyCode(code)).isEmpty()) {
            problem(PolicyProblem.UNKNOWN_SPECIALTY, p + "/specialty", StrictJson.printable(code) + " is not a specialty code");
            code = null;
        }
        String group = text(t, p, "group", null);
        if (group != null && !specialtyGroups.containsKey(group)) {
            problem(PolicyProblem.UNKNOWN_GROUP, p + "/group", StrictJson.printable(group) + " is not a specialty group in /vocabularies/specialtyGroups");
            group = null;
        }
        LocalDate from = date(t, p, "from");
        LocalDate until = date(t, p, "until");
        if (from != null && until != null && !until.isAfter(from)) {
            problem(PolicyProblem.EMPTY_EFFECTIVE_PERIOD, p + "/until", "until must be after from");
            return null;
        }
        return code == null || group == null || from == null || until == null ? null
                : new Policy.TemporaryEquivalent(new SpecialtyCode(code), group, from, until);
    }

    private Optional<Policy.ComplianceRules> compliance(ObjectNode rules) {
        ObjectNode node = object(rules, "/rules", "compliance");
        if (node == null) {
            return Optional.empty();
        }
        String at = "/rules/compliance";
        members(node, at, COMPLIANCE_MEMBERS, Set.of());
        Set<TrainingSubjectCode> seen = new HashSet<>();
        List<Policy.TrainingRequirement> training = !node.has("training") ? List.of() : list(node, at, "training", 1, (item, p) -> {
            if (!item.isObject()) {
                problem(PolicyProblem.WRONG_TYPE, p, "a training requirement must be an object");
                return null;
            }
            ObjectNode req = (ObjectNode) item;
            members(req, p, TRAINING_MEMBERS, Set.of("subject", "level", "refresherMonths"));
            String subject = text(req, p, "subject", null);
            Integer level = integer(req, p, "level", null, 1, 9);
            Integer months = integer(req, p, "refresherMonths", null, 1, 120);
            if (subject == null) {
                return null;
            }
            TrainingSubjectCode code = new TrainingSubjectCode(subject);
            Optional<TrainingSubjectDefinition> definition = standard.trainingSubject(code);
            if (definition.isEmpty()) {
                problem(PolicyProblem.UNKNOWN_TRAINING_SUBJECT, p + "/subject", StrictJson.printable(subject) + " is not a CSTF subject");
                return null;
            }
            if (!seen.add(code)) {
                problem(PolicyProblem.DUPLICATE_ITEM, p + "/subject", subject + " is required twice");
            }
            if (level != null && definition.get().level(level).isEmpty()) {
                problem(PolicyProblem.UNKNOWN_TRAINING_LEVEL, p + "/level", subject + " has no level " + level);
                return null;
            }
            return level == null || months == null ? null : new Policy.TrainingRequirement(code, level, months);
        });
        int before = issues.size();
        Optional<IdentityVerification.Level> identity = Optional.empty();
        ObjectNode idNode = object(node, at, "identity");
        if (idNode != null) {
            members(idNode, at + "/identity", IDENTITY_MEMBERS, Set.of());
            IdentityVerification.Level level = idNode.has("minimumLevel")
                    ? enumValue(idNode.get("minimumLevel"), at + "/identity/minimumLevel", IdentityVerification.Level.class,
                            PolicyProblem.INVALID_VALUE)
                    : IdentityVerification.Level.MEDIUM;
            identity = Optional.ofNullable(level);
        }
        Boolean rightToWork = bool(node, at, "rightToWork", false);
        Optional<Policy.DbsRequirement> dbs = Optional.empty();
        ObjectNode dbsNode = object(node, at, "dbs");
        if (dbsNode != null) {
            members(dbsNode, at + "/dbs", DBS_MEMBERS, DBS_REQUIRED);
            DbsCheck.Level level = dbsNode.has("level") ? enumValue(dbsNode.get("level"), at + "/dbs/level",
                    DbsCheck.Level.class, PolicyProblem.INVALID_VALUE) : null;
            DbsCheck.Workforce workforce = dbsNode.has("workforce") ? enumValue(dbsNode.get("workforce"),
                    at + "/dbs/workforce", DbsCheck.Workforce.class, PolicyProblem.INVALID_VALUE) : null;
            if (level != null) {
                dbs = Optional.of(new Policy.DbsRequirement(level, Optional.ofNullable(workforce)));
            }
        }
        Optional<Policy.OccupationalHealthRequirement> health = Optional.empty();
        ObjectNode ohNode = object(node, at, "occupationalHealth");
        if (ohNode != null) {
            members(ohNode, at + "/occupationalHealth", OCCUPATIONAL_HEALTH_MEMBERS, Set.of());
            Boolean epp = bool(ohNode, at + "/occupationalHealth", "requireEppClearance", false);
            health = epp == null ? Optional.empty() : Optional.of(new Policy.OccupationalHealthRequirement(epp));
        }
        if (training == null || rightToWork == null || issues.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Policy.ComplianceRules(training, identity, rightToWork, dbs, health));
    }

    private Optional<Policy.WorkingTimeRules> workingTime(ObjectNode rules) {
        ObjectNode node = object(rules, "/rules", "workingTime");
        if (node == null) {
            return Optional.empty();
        }
        String at = "/rules/workingTime";
        members(node, at, WORKING_TIME.keySet(), Set.of());
        Map<String, Integer> v = new HashMap<>();
        for (Map.Entry<String, Bound> e : WORKING_TIME.entrySet()) {
            Bound d = e.getValue();
            v.put(e.getKey(), integer(node, at, e.getKey(), d.fallback(), d.min(), d.max()));
        }
        if (v.containsValue(null)) {
            return Optional.empty();
        }
        int before = issues.size();
        if (v.get("minRestHours") > 24) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/minRestHours", "rest between shifts over 24 h leaves no shift in a day");
        }
        if (v.get("minRestHours") + v.get("maxShiftHours") > 168) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/minRestHours", "a shift and its rest exceed a week");
        }
        if (v.get("maxShiftHours") > v.get("maxHoursRolling7Days")) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/maxShiftHours", "one shift may not exceed maxHoursRolling7Days");
        }
        if (v.get("maxAverageWeeklyHours") > v.get("maxHoursRolling7Days")) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/maxAverageWeeklyHours", "the weekly average may not exceed maxHoursRolling7Days");
        }
        if (v.get("maxConsecutiveNights") > v.get("maxConsecutiveShifts")) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/maxConsecutiveNights", "more consecutive nights than consecutive shifts");
        }
        if (v.get("maxConsecutiveLongDays") > v.get("maxConsecutiveShifts")) {
            problem(PolicyProblem.CONTRADICTORY_LIMITS, at + "/maxConsecutiveLongDays", "more consecutive long days than consecutive shifts");
        }
        if (issues.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Policy.WorkingTimeRules(v.get("maxShiftHours"), v.get("minRestHours"),
                v.get("maxHoursRolling7Days"), v.get("maxAverageWeeklyHours"), v.get("referenceWeeks"),
                v.get("maxConsecutiveShifts"), v.get("maxConsecutiveLongDays"), v.get("maxConsecutiveNights"),
                v.get("restAfterNightsHours"), v.get("maxWeekendFrequency")));
    }

    private Optional<Policy.RestrictionRules> restrictions(ObjectNode rules) {
        ObjectNode node = object(rules, "/rules", "restrictions");
        if (node == null) {
            return Optional.empty();
        }
        String at = "/rules/restrictions";
        members(node, at, RESTRICTIONS_MEMBERS, Set.of());
        List<String> trusts = node.has("noAgencyForSubstantiveStaffOf")
                ? distinct(list(node, at, "noAgencyForSubstantiveStaffOf", 1, this::odsTrust), at + "/noAgencyForSubstantiveStaffOf")
                : List.of();
        Integer cascade = integer(node, at, "agencyCascadeHours", -1, 0, MAX_CASCADE_HOURS);
        return trusts == null || cascade == null ? Optional.empty()
                : Optional.of(new Policy.RestrictionRules(trusts, cascade < 0 ? Optional.empty() : Optional.of(cascade)));
    }

    private Optional<Policy.RateRules> rates(ObjectNode rules) {
        ObjectNode node = object(rules, "/rules", "rates");
        if (node == null) {
            return Optional.empty();
        }
        String at = "/rules/rates";
        members(node, at, RATES_MEMBERS, RATES_REQUIRED);
        String breakGlassRole = text(node, at, "breakGlassRole", ID);
        BigDecimal floor = decimal(node, at, "floor");
        BigDecimal cap = decimal(node, at, "priceCap");
        // With the cap below the floor, which of the two is wrong is unknown: card rates are
        // then not checked against either, so one mistake is reported once.
        boolean bounded = floor != null && cap != null && cap.compareTo(floor) >= 0;
        if (floor != null && cap != null && !bounded) {
            problem(PolicyProblem.CAP_BELOW_FLOOR, at + "/priceCap", "the price cap is below the floor");
        }
        Map<String, Policy.RateCard> card = new LinkedHashMap<>();
        ObjectNode cardNode = object(node, at, "card");
        if (cardNode != null) {
            String cardAt = at + "/card";
            Iterator<String> names = cardNode.fieldNames();
            while (names.hasNext()) {
                String group = names.next();
                String groupAt = cardAt + "/" + escape(group);
                if (!gradeGroups.containsKey(group)) {
                    problem(PolicyProblem.UNKNOWN_GROUP, groupAt, StrictJson.printable(group) + " is not a grade group in /vocabularies/gradeGroups");
                    continue;
                }
                ObjectNode rates = object(cardNode, cardAt, group);
                if (rates == null) {
                    continue;
                }
                members(rates, groupAt, RATE_CARD_MEMBERS, Set.of());
                Map<String, BigDecimal> band = new HashMap<>();
                for (String b : List.of("day", "evening", "night", "weekend", "bankHoliday")) {
                    if (!rates.has(b)) {
                        problem(PolicyProblem.RATE_CARD_GAP, groupAt + "/" + b, "no " + b + " rate for grade group " + group);
                        continue;
                    }
                    BigDecimal rate = decimal(rates, groupAt, b);
                    if (rate == null) {
                        continue;
                    }
                    if (bounded && rate.compareTo(floor) < 0) {
                        problem(PolicyProblem.RATE_BELOW_FLOOR, groupAt + "/" + b, "the rate is below the floor");
                    }
                    if (bounded && rate.compareTo(cap) > 0) {
                        problem(PolicyProblem.RATE_ABOVE_CAP, groupAt + "/" + b, "the rate is above the price cap");
                    }
                    band.put(b, rate);
                }
                if (band.size() == 5) {
                    card.put(group, new Policy.RateCard(band.get("day"), band.get("evening"), band.get("night"),
                            band.get("weekend"), band.get("bankHoliday")));
                }
            }
            for (String group : gradeGroups.keySet()) {
                if (!cardNode.has(group)) {
                    problem(PolicyProblem.RATE_CARD_GAP, cardAt, "no rates for grade group " + StrictJson.printable(group));
                }
            }
            if (gradeGroups.isEmpty()) {
                problem(PolicyProblem.RATE_CARD_GAP, cardAt, "a rate card needs /vocabularies/gradeGroups to name its rows");
            }
        }
        List<Policy.EscalationTier> tiers = list(node, at, "escalation", 0, (item, p) -> {
            if (!item.isObject()) {
                problem(PolicyProblem.WRONG_TYPE, p, "an escalation tier must be an object");
                return null;
            }
            ObjectNode tier = (ObjectNode) item;
            members(tier, p, TIER_MEMBERS, TIER_MEMBERS);
            BigDecimal percent = decimal(tier, p, "upToPercentAbove");
            String role = text(tier, p, "role", ID);
            if (percent != null && percent.signum() == 0) {
                problem(PolicyProblem.OUT_OF_RANGE, p + "/upToPercentAbove", "a tier must allow some percentage above the card");
                return null;
            }
            return percent == null || role == null ? null : new Policy.EscalationTier(percent, role);
        });
        if (tiers != null) {
            for (int i = 1; i < tiers.size(); i++) {
                if (tiers.get(i).upToPercentAbove().compareTo(tiers.get(i - 1).upToPercentAbove()) <= 0) {
                    problem(PolicyProblem.TIERS_UNORDERED, at + "/escalation/" + i + "/upToPercentAbove",
                            "tiers must be strictly ascending and must not overlap");
                }
            }
        }
        if (floor == null || cap == null || tiers == null || cardNode == null
                || (node.has("breakGlassRole") && breakGlassRole == null)) {
            return Optional.empty();
        }
        return Optional.of(new Policy.RateRules(card, floor, tiers, cap, Optional.ofNullable(breakGlassRole)));
    }

    private Map<String, PassportFacts> exampleWorkers(ObjectNode root) {
        Map<String, PassportFacts> workers = new LinkedHashMap<>();
        ObjectNode node = object(root, "", "exampleWorkers");
        if (node == null) {
            return workers;
        }
        if (node.size() > MAX_ITEMS) {
            problem(PolicyProblem.BAD_ITEM_COUNT, "/exampleWorkers", "at most " + MAX_ITEMS + " example workers");
            return workers;
        }
        node.fieldNames().forEachRemaining(name -> {
            String p = "/exampleWorkers/" + escape(name);
            if (!ID.matcher(name).matches()) {
                problem(PolicyProblem.INVALID_VALUE, p, "a worker name must match " + ID_PATTERN);
                return;
            }
            ObjectNode facts = object(node, "/exampleWorkers", name);
            if (facts == null) {
                return;
            }
            // Structure only here: validating claims needs a CredentialValidator (and its clock),
            // which `policy test` applies when it runs the cases.
            PassportFacts.ParseResult r = FactsJson.read(facts, CredentialClaims::fromClaims);
            if (r instanceof PassportFacts.Refused refused) {
                for (PassportFacts.Issue issue : refused.issues()) {
                    problem(factsProblem(issue.problem()), p + issue.pointer(), issue.message());
                }
            } else {
                workers.put(name, ((PassportFacts.Parsed) r).facts());
            }
        });
        return workers;
    }

    private static PolicyProblem factsProblem(PassportFacts.Problem problem) {
        switch (problem) {
            case UNKNOWN_MEMBER:
                return PolicyProblem.UNKNOWN_MEMBER;
            case MISSING_MEMBER:
                return PolicyProblem.MISSING_MEMBER;
            case WRONG_TYPE:
                return PolicyProblem.WRONG_TYPE;
            case DUPLICATE_CREDENTIAL_TYPE:
                return PolicyProblem.DUPLICATE_ITEM;
            default:
                return PolicyProblem.INVALID_VALUE;
        }
    }

    private List<Policy.Example> examples(ObjectNode root, Map<String, PassportFacts> workers) {
        if (!root.has("examples")) {
            return List.of();
        }
        List<Policy.Example> examples = list(root, "", "examples", 0, (item, p) -> {
            if (!item.isObject()) {
                problem(PolicyProblem.WRONG_TYPE, p, "an example must be an object");
                return null;
            }
            ObjectNode ex = (ObjectNode) item;
            int before = issues.size();
            members(ex, p, EXAMPLE_MEMBERS, EXAMPLE_REQUIRED);
            String name = text(ex, p, "name", null);
            String workerName = text(ex, p, "worker", ID);
            PassportFacts facts = null;
            if (workerName != null) {
                facts = workers.get(workerName);
                if (facts == null && !issues.stream().anyMatch(i -> i.pointer().startsWith("/exampleWorkers/" + escape(workerName)))) {
                    problem(PolicyProblem.UNKNOWN_WORKER, p + "/worker", StrictJson.printable(workerName) + " is not in /exampleWorkers");
                }
            }
            if (facts != null) {
                facts = overrides(ex, p, facts);
            }
            ObjectNode shiftNode = object(ex, p, "shift");
            Shift shift = shiftNode == null ? null : exampleShift(shiftNode, p + "/shift");
            List<WorkHistory.Entry> history = ex.has("history") ? list(ex, p, "history", 0, this::historyEntry) : List.of();
            Instant at = instant(ex, p, "at");
            Optional<BreakGlass> breakGlass = Optional.empty();
            ObjectNode glass = object(ex, p, "breakGlass");
            if (glass != null) {
                String gp = p + "/breakGlass";
                members(glass, gp, BREAK_GLASS_MEMBERS, BREAK_GLASS_MEMBERS);
                String role = text(glass, gp, "role", ID);
                String approver = text(glass, gp, "approverId", ID);
                String reason = text(glass, gp, "reason", null);
                Instant approvedAt = instant(glass, gp, "approvedAt");
                if (role != null && approver != null && reason != null && approvedAt != null) {
                    if (!reason.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                        problem(PolicyProblem.INVALID_VALUE, gp + "/reason", "reason must be printable ASCII");
                    } else {
                        breakGlass = Optional.of(new BreakGlass(role, approver, reason, approvedAt));
                    }
                }
            }
            Outcome expect = ex.has("expect") ? enumValue(ex.get("expect"), p + "/expect", Outcome.class, PolicyProblem.INVALID_VALUE) : null;
            Optional<Set<RuleCode>> failing = Optional.empty();
            if (ex.has("expectFailing")) {
                List<RuleCode> codes = distinct(list(ex, p, "expectFailing", 0,
                        (c, cp) -> enumValue(c, cp, RuleCode.class, PolicyProblem.INVALID_VALUE)), p + "/expectFailing");
                failing = codes == null ? null : Optional.of(Set.copyOf(codes));
            }
            if (issues.size() > before || name == null || facts == null || shift == null || history == null || at == null
                    || expect == null || failing == null) {
                return null;
            }
            return new Policy.Example(name, workerName, facts, shift, new WorkHistory(history), at, breakGlass, expect, failing);
        });
        return examples == null ? List.of() : examples;
    }

    /** The worker's facts with the case's {@code without} types removed and {@code with} credentials put in. */
    private PassportFacts overrides(ObjectNode ex, String p, PassportFacts facts) {
        Map<CredentialType, PassportFacts.CredentialFacts> map = new EnumMap<>(CredentialType.class);
        map.putAll(facts.credentials());
        boolean ok = true;
        if (ex.has("without")) {
            List<CredentialType> without = distinct(list(ex, p, "without", 1,
                    (item, ip) -> enumValue(item, ip, CredentialType.class, PolicyProblem.UNKNOWN_CREDENTIAL_TYPE)), p + "/without");
            if (without == null) {
                ok = false;
            } else {
                without.forEach(map::remove);
            }
        }
        if (ex.has("with")) {
            Set<CredentialType> seen = EnumSet.noneOf(CredentialType.class);
            List<PassportFacts.CredentialFacts> with = list(ex, p, "with", 1, (item, ip) -> {
                if (!item.isObject()) {
                    problem(PolicyProblem.WRONG_TYPE, ip, "a credential override must be an object");
                    return null;
                }
                ObjectNode w = (ObjectNode) item;
                members(w, ip, EXAMPLE_WITH_MEMBERS, EXAMPLE_WITH_REQUIRED);
                Instant expires = instant(w, ip, "expiresAt");
                ObjectNode claims = object(w, ip, "claims");
                if (claims == null || (w.has("expiresAt") && expires == null)) {
                    return null;
                }
                CredentialResult<Credential> read = CredentialClaims.fromClaims(claims);
                if (!read.isValid()) {
                    read.violations().forEach(v -> problem(PolicyProblem.INVALID_VALUE, ip + "/claims" + v.path(),
                            v.problem() + ": " + v.message()));
                    return null;
                }
                Credential credential = read.value();
                CredentialType type = credential.credentialType();
                if (!seen.add(type)) {
                    problem(PolicyProblem.DUPLICATE_ITEM, ip + "/claims/vct", "a second override of " + type);
                    return null;
                }
                PassportFacts.CredentialFacts base = facts.credentials().get(type);
                if (base == null && !facts.credentials().isEmpty()) {
                    base = facts.credentials().values().iterator().next();
                }
                Instant issued = base == null ? Instant.EPOCH : base.issuedAt();
                Instant exp = expires != null ? expires : base == null ? issued.plusSeconds(1) : base.expiresAt();
                if (!exp.isAfter(issued)) {
                    problem(PolicyProblem.INVALID_VALUE, ip + "/expiresAt", "expiresAt must be after the worker's issuedAt");
                    return null;
                }
                String canonical = StrictJson.write(canonical(claims));
                return new PassportFacts.CredentialFacts(credential, base == null ? "https://example.invalid" : base.issuer(),
                        issued, exp, digest(canonical), FactsJson.disclosedPointers(type, claims));
            });
            if (with == null) {
                ok = false;
            } else {
                with.forEach(c -> map.put(c.credential().credentialType(), c));
            }
        }
        return ok ? new PassportFacts(facts.holderKeyThumbprint(), map) : null;
    }

    private Shift exampleShift(ObjectNode node, String at) {
        members(node, at, EXAMPLE_SHIFT_MEMBERS, EXAMPLE_SHIFT_REQUIRED);
        String organisation = text(node, at, "organisation", ODS_TRUST);
        String site = text(node, at, "site", null);
        String department = text(node, at, "department", null);
        String specialty = text(node, at, "specialty", null);
        if (specialty != null && standard.specialty(new SpecialtyCode(specialty)).isEmpty()) {
            problem(PolicyProblem.UNKNOWN_SPECIALTY, at + "/specialty", StrictJson.printable(specialty) + " is not a specialty code");
            specialty = null;
        }
        GradeCode min = node.has("minGrade") ? ladderGrade(node.get("minGrade"), at + "/minGrade") : null;
        GradeCode max = node.has("maxGrade") ? ladderGrade(node.get("maxGrade"), at + "/maxGrade") : null;
        LocalDateTime start = dateTime(node, at, "start");
        LocalDateTime end = dateTime(node, at, "end");
        Shift.Channel channel = node.has("channel")
                ? enumValue(node.get("channel"), at + "/channel", Shift.Channel.class, PolicyProblem.INVALID_VALUE)
                : null;
        BigDecimal rate = decimal(node, at, "hourlyRate");
        Instant released = instant(node, at, "bankReleaseAt");
        if (organisation == null || site == null || department == null || specialty == null || min == null || max == null
                || start == null || end == null || channel == null || rate == null
                || (node.has("bankReleaseAt") && released == null)) {
            return null;
        }
        Shift.LocalResult r = Shift.ofLocal(organisation, site, department,
                new SpecialtyCode(specialty), min, max, start, end, channel, rate);
        if (r instanceof Shift.Unresolvable u) {
            boolean startProblem = u.problem() == Shift.TimeProblem.START_IN_DST_GAP;
            problem(startProblem ? PolicyProblem.INVALID_VALUE : PolicyProblem.OUT_OF_RANGE,
                    at + (startProblem ? "/start" : "/end"), u.problem() + ": " + u.message());
            return null;
        }
        Shift shift = ((Shift.Resolved) r).shift();
        return released == null ? shift : shift.withBankReleaseAt(released);
    }

    private WorkHistory.Entry historyEntry(JsonNode item, String p) {
        if (!item.isObject()) {
            problem(PolicyProblem.WRONG_TYPE, p, "a history entry must be an object");
            return null;
        }
        ObjectNode e = (ObjectNode) item;
        members(e, p, EXAMPLE_HISTORY_MEMBERS, EXAMPLE_HISTORY_MEMBERS);
        String organisation = text(e, p, "organisation", ODS_TRUST);
        Instant start = instant(e, p, "start");
        Instant end = instant(e, p, "end");
        if (start != null && end != null && (!end.isAfter(start)
                || Duration.between(start, end).compareTo(Shift.MAX_LENGTH) > 0)) {
            problem(PolicyProblem.OUT_OF_RANGE, p + "/end", "end must be after start and at most 48 h later");
            return null;
        }
        return organisation == null || start == null || end == null ? null : new WorkHistory.Entry(organisation, start, end);
    }

    private Instant instant(ObjectNode parent, String at, String name) {
        return temporal(parent, at, name, INSTANT, Instant::parse,
                name + " must be an instant YYYY-MM-DDTHH:MM:SSZ");
    }

    // ---- primitives: each records its own problem and returns null on failure

    private void problem(PolicyProblem code, String pointer, String message) {
        issues.add(new PolicyIssue(code, pointer, message));
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private void members(ObjectNode node, String at, Set<String> allowed, Set<String> required) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(PolicyProblem.UNKNOWN_MEMBER, at + "/" + escape(name), "unknown member " + StrictJson.printable(name));
            }
        });
        required.stream().sorted().filter(name -> !node.has(name))
                .forEach(name -> problem(PolicyProblem.MISSING_MEMBER, at + "/" + name, "missing member " + name));
    }

    private ObjectNode object(ObjectNode parent, String at, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null; // missing members are reported by members()
        }
        if (!node.isObject()) {
            problem(PolicyProblem.WRONG_TYPE, at + "/" + escape(name), name + " must be an object");
            return null;
        }
        return (ObjectNode) node;
    }

    private String string(JsonNode node, String at) {
        if (!node.isTextual()) {
            problem(PolicyProblem.WRONG_TYPE, at, "must be a string");
            return null;
        }
        String text = node.textValue();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            problem(PolicyProblem.OUT_OF_RANGE, at, "a string must have 1 to " + MAX_TEXT + " characters");
            return null;
        }
        return text;
    }

    private String text(ObjectNode parent, String at, String name, Pattern pattern) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        String p = at + "/" + name;
        String text = string(node, p);
        if (text != null && pattern != null && !pattern.matcher(text).matches()) {
            problem(PolicyProblem.INVALID_VALUE, p, name + " must match " + pattern.pattern());
            return null;
        }
        return text;
    }

    private Integer integer(ObjectNode parent, String at, String name, Integer fallback, int min, int max) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return fallback;
        }
        String p = at + "/" + name;
        if (!node.isIntegralNumber()) {
            problem(PolicyProblem.WRONG_TYPE, p, name + " must be an integer");
            return null;
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problem(PolicyProblem.OUT_OF_RANGE, p, name + " must be between " + min + " and " + max);
            return null;
        }
        return node.intValue();
    }

    private Boolean bool(ObjectNode parent, String at, String name, boolean fallback) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problem(PolicyProblem.WRONG_TYPE, at + "/" + name, name + " must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private BigDecimal decimal(ObjectNode parent, String at, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        String p = at + "/" + name;
        String text = string(node, p);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            problem(PolicyProblem.INVALID_VALUE, p, name + " must be a decimal string such as \"62.50\"");
            return null;
        }
        return new BigDecimal(text);
    }

    private LocalDate date(ObjectNode parent, String at, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        String text = string(node, at + "/" + name);
        return text == null ? null : parseDate(text, at + "/" + name);
    }

    private LocalDate parseDate(String text, String at) {
        return parseTemporal(text, at, DATE, LocalDate::parse, "must be an ISO date YYYY-MM-DD");
    }

    private LocalTime time(ObjectNode parent, String at, String name) {
        return temporal(parent, at, name, TIME, LocalTime::parse, name + " must be a local time HH:MM");
    }

    private LocalDateTime dateTime(ObjectNode parent, String at, String name) {
        return temporal(parent, at, name, DATE_TIME, LocalDateTime::parse,
                name + " must be a local date-time YYYY-MM-DDTHH:MM (Europe/London)");
    }

    /** An optional member holding a string in one of the ISO forms; null (and a problem) when it is not. */
    private <T> T temporal(ObjectNode parent, String at, String name, Pattern form,
                           Function<String, T> parse, String expectation) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        String p = at + "/" + name;
        String text = string(node, p);
        return text == null ? null : parseTemporal(text, p, form, parse, expectation);
    }

    private <T> T parseTemporal(String text, String at, Pattern form, Function<String, T> parse,
                                String expectation) {
        try {
            if (form.matcher(text).matches()) {
                return parse.apply(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(PolicyProblem.INVALID_VALUE, at, expectation);
        return null;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String at, Class<E> type, PolicyProblem unknown) {
        String text = string(node, at);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problem(unknown, at, StrictJson.printable(text) + " is not a " + type.getSimpleName());
        return null;
    }

    private GradeCode standardGrade(JsonNode node, String at) {
        String text = string(node, at);
        if (text == null) {
            return null;
        }
        GradeCode code = new GradeCode(text);
        if (standard.grade(code).isEmpty()) {
            problem(PolicyProblem.UNKNOWN_GRADE, at, StrictJson.printable(text) + " is not a grade code of the standard vocabulary");
            return null;
        }
        return code;
    }

    private GradeCode ladderGrade(JsonNode node, String at) {
        GradeCode code = standardGrade(node, at);
        if (code != null && !ladder.contains(code)) {
            problem(PolicyProblem.GRADE_NOT_ON_LADDER, at, code + " is not on /vocabularies/grades");
            return null;
        }
        return code;
    }

    /** Reads an array item by item; null (with problems recorded) if any item failed. */
    private <T> List<T> list(ObjectNode parent, String at, String name, int minItems,
            ItemReader<T> reader) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        String p = at + "/" + escape(name);
        if (!node.isArray()) {
            problem(PolicyProblem.WRONG_TYPE, p, name + " must be an array");
            return null;
        }
        if (node.size() < minItems || node.size() > MAX_ITEMS) {
            problem(PolicyProblem.BAD_ITEM_COUNT, p, name + " must have " + minItems + " to " + MAX_ITEMS + " items");
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean failed = false;
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            int before = issues.size();
            T value = reader.read(node.get(i), p + "/" + i);
            if (value == null || issues.size() > before) {
                failed = true;
            } else if ((value instanceof GradeCode || value instanceof SpecialtyCode || value instanceof LocalDate)
                    && !seen.add(value)) {
                // Codes and dates here; strings and enum constants go through distinct().
                problem(PolicyProblem.DUPLICATE_ITEM, p + "/" + i, "listed twice");
                failed = true;
            } else {
                out.add(value);
            }
        }
        return failed ? null : out;
    }

    /** Strings and enum constants must be distinct where a list is a set. */
    private <T> List<T> distinct(List<T> list, String at) {
        if (list == null) {
            return null;
        }
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!seen.add(list.get(i))) {
                problem(PolicyProblem.DUPLICATE_ITEM, at + "/" + i, list.get(i) + " is listed twice");
                return null;
            }
        }
        return list;
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(JsonNode item, String pointer);
    }
}
