package org.staffpass.cli.demo.region;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.PassportFailure;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.GradeDefinition;
import org.staffpass.passport.vocab.PayScheme;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.Approval;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.AuditLogWriter;
import org.staffpass.rules.audit.DecisionContext;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.DecisionRecordSigner;
import org.staffpass.rules.audit.SignedPolicy;

/**
 * The README's main job, end to end and offline: build the synthetic region, publish its trust
 * list, status lists and signed policies, then run the bank's booking for the month. Each
 * vacant shift is offered to matching workers in turn; each applicant's wallet presents only
 * what the shift's policy asks for, the trust verifies the presentation offline and decides it,
 * every decision is signed by the trust and chained into decisions.log, and the first worker
 * who may take the shift books it (so later decisions see the hours). Deterministic for a seed:
 * the same decisions and the same log bytes on every run and machine.
 */
public final class RegionDemo {
    /** Status lists older than this are stale (fail closed). */
    private static final Duration STATUS_MAX_AGE = Duration.ofHours(24);

    /**
     * What to build.
     *
     * @param seed       seed of everything random
     * @param workers    workers in the region
     * @param shifts     vacant shifts in the month
     * @param applicants applicants offered each shift before it is given up as unfilled
     */
    public record Settings(long seed, int workers, int shifts, int applicants) {
        public Settings {
            if (workers < 1 || shifts < 1 || applicants < 1) {
                throw new IllegalArgumentException("workers, shifts and applicants must be positive");
            }
        }

        /** The README demo: 2,000 workers, 500 shifts, up to 8 applicants a shift. */
        public static Settings standard(long seed) {
            return new Settings(seed, 2000, 500, 8);
        }
    }

    private final Settings settings;
    private final Path dir;
    private final Consumer<String> progress;
    private final Vocabularies vocabularies = Vocabularies.standard();

    private RegionDemo(Settings settings, Path dir, Consumer<String> progress) {
        this.settings = settings;
        this.dir = dir;
        this.progress = progress;
    }

    /** Runs the demo into {@code dir} (created if needed) and returns its report; writes the report files too. */
    public static RegionReport run(Settings settings, Path dir, Consumer<String> progress) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(progress, "progress");
        return new RegionDemo(settings, dir, progress).run();
    }

    private RegionReport run() throws IOException {
        long started = System.nanoTime();
        progress.accept("building the region: " + settings.workers() + " workers, " + RegionOrganisations.TRUSTS.size()
                + " trusts, a lead employer and a scheme operator");
        SyntheticRegion region = SyntheticRegion.build(settings.seed(), settings.workers());
        Map<String, DemoPolicies.TrustPolicies> policies = DemoPolicies.forTrusts(RegionOrganisations.TRUSTS);
        writePublished(region, policies);
        long built = System.nanoTime();

        Clock clock = Clock.fixed(RegionCalendar.BOOKING_RUN, ZoneOffset.UTC);
        TrustAnchors anchors = region.trustAnchors(clock);
        StatusListStore statuses = region.statusListStore(clock, STATUS_MAX_AGE);
        CredentialValidator validator = CredentialValidator.create(vocabularies, clock);
        Map<String, PassportVerifier> verifiers = new HashMap<>();
        Map<String, DecisionRecordSigner> signers = new HashMap<>();
        for (RegionOrganisations.Organisation trust : region.organisations().trusts()) {
            verifiers.put(trust.odsCode(), PassportVerifier.builder().trustAnchors(anchors).statusLists(statuses)
                    .audience(trust.odsCode()).clock(clock).validator(validator).build());
            signers.put(trust.odsCode(), DecisionRecordSigner.of(trust.key(), trust.id()));
        }
        checkSignedPolicies(anchors);

        progress.accept("verifying every worker's passport offline");
        TreeMap<String, Integer> enrolment = enrol(region, verifiers.get(RegionOrganisations.TRUSTS.get(0)));

        Random random = new Random(settings.seed() ^ 0x5DEECE66DL);
        Map<String, List<WorkHistory.Entry>> histories = new HashMap<>();
        for (SyntheticRegion.RegionWorker worker : region.workers()) {
            List<WorkHistory.Entry> entries = new ArrayList<>();
            for (RotaPlanner.RotaShift rota : RotaPlanner.substantiveRota(worker.profile(), random)) {
                entries.add(new WorkHistory.Entry(rota.trust(), rota.start().atZone(RegionCalendar.LONDON).toInstant(),
                        rota.end().atZone(RegionCalendar.LONDON).toInstant()));
            }
            histories.put(worker.profile().id(), entries);
        }
        List<ShiftPlan> vacancies = RotaPlanner.vacancies(random, settings.shifts());
        Applicants applicants = new Applicants(region.workers());

        Tally tally = new Tally();
        Files.createDirectories(dir.resolve("presentations"));
        Files.createDirectories(dir.resolve("histories"));
        Path log = dir.resolve("decisions.log");
        Files.deleteIfExists(log);
        int presentations = 0;
        RegionReport.FirstDecision first = null;
        String head;
        long recordCount;
        // One batch run that can simply be re-run: force the log once, when it is complete.
        try (AuditLogWriter writer = ((AuditLogWriter.Ready) AuditLogWriter.open(log,
                signers.get(RegionOrganisations.TRUSTS.get(0)), AuditLogWriter.Durability.ON_CLOSE)).writer()) {
            int done = 0;
            for (ShiftPlan plan : vacancies) {
                boolean medical = scheme(plan) == PayScheme.MEDICAL;
                Policy policy = policies.get(plan.trust()).forShift(medical);
                Shift shift = shift(plan, policy);
                Optional<BreakGlass> breakGlass = plan.breakGlass()
                        ? Optional.of(new BreakGlass(policy.rules().rates().orElseThrow().breakGlassRole().orElseThrow(),
                                "demo-" + plan.trust().toLowerCase(java.util.Locale.ROOT) + "-exec-on-call",
                                "Exceptional patient-safety cover: no bank or framework worker at the cap (synthetic)",
                                RegionCalendar.BOOKING_RUN.minus(Duration.ofHours(1))))
                        : Optional.empty();
                boolean filled = false;
                DisclosureRequest request = policy.disclosureRequest(shift);
                Predicate<WorkerProfile> busy = worker -> histories.get(worker.id()).stream()
                        .anyMatch(e -> e.start().isBefore(shift.end()) && shift.start().isBefore(e.end()));
                for (SyntheticRegion.RegionWorker worker : applicants.forShift(plan, policy.vocabularies().gradeLadder(),
                        busy, random, settings.applicants())) {
                    String application = plan.id() + "-" + worker.profile().id();
                    String nonce = "n-" + application + "-" + Long.toHexString(random.nextLong());
                    String presentation = worker.wallet().present(plan.trust(), nonce, request);
                    Files.writeString(dir.resolve("presentations").resolve(application + ".json"), presentation,
                            StandardCharsets.UTF_8);
                    presentations++;
                    PassportVerification verified = verifiers.get(plan.trust()).verify(presentation, nonce);
                    if (verified instanceof PassportVerification.Rejected rejected) {
                        tally.verification.merge(firstCode(rejected.failures()), 1, Integer::sum);
                        continue;
                    }
                    tally.verification.merge("ACCEPTED", 1, Integer::sum);
                    VerifiedPassport passport = (VerifiedPassport) verified;
                    WorkHistory history = new WorkHistory(histories.get(worker.profile().id()));
                    Files.writeString(dir.resolve("histories").resolve(application + ".json"), historyJson(history),
                            StandardCharsets.UTF_8);
                    Decision decision = breakGlass.isPresent()
                            ? policy.evaluate(PassportFacts.of(passport), shift, history, RegionCalendar.BOOKING_RUN,
                                    breakGlass.get())
                            : policy.evaluate(PassportFacts.of(passport), shift, history, RegionCalendar.BOOKING_RUN);
                    if (first == null) {
                        first = new RegionReport.FirstDecision(application, policy.id());
                    }
                    writer.append(signers.get(plan.trust()), decision, context(shift, policy, passport, presentation,
                            history, decision, plan));
                    tally.count(decision);
                    if (decision.outcome() != Outcome.INELIGIBLE) {
                        histories.get(worker.profile().id()).add(new WorkHistory.Entry(plan.trust(), shift.start(),
                                shift.end()));
                        tally.pay(policy.bandSplit(shift), shift.offeredHourlyRate());
                        filled = true;
                        break;
                    }
                }
                tally.fill(plan.trust() + " " + region.organisations().trust(plan.trust()).name().replace(" (synthetic)", ""),
                        plan.specialty().value() + " " + vocabularies.specialty(plan.specialty())
                                .map(d -> d.name()).orElse(""), filled);
                if (++done % 100 == 0) {
                    progress.accept("decided " + done + " of " + vacancies.size() + " shifts");
                }
            }
            head = writer.head();
            recordCount = writer.nextSeq();
        }
        long decided = System.nanoTime();
        RegionReport report = new RegionReport(settings.seed(), settings.workers(), RegionOrganisations.TRUSTS.size(),
                vacancies.size(), enrolment, tally.verification, tally.outcomes, tally.failedRules, tally.rateFindings,
                tally.approvals, tally.byTrust, tally.bySpecialty, tally.payByBand, (int) recordCount, head, java.util.Optional.ofNullable(first),
                new RegionReport.Timing((built - started) / 1_000_000, (decided - built) / 1_000_000, presentations,
                        (int) recordCount));
        Files.writeString(dir.resolve("report.txt"), ReportText.text(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.json"), ReportText.json(report).toPrettyString() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), ReportHtml.render(report), StandardCharsets.UTF_8);
        return report;
    }

    /**
     * Every worker presents their whole passport to the bank (the first trust's audience) once:
     * independent checks, so run in parallel; the counts do not depend on the order.
     */
    private static TreeMap<String, Integer> enrol(SyntheticRegion region, PassportVerifier verifier) {
        String audience = verifier.audience();
        java.util.Map<CredentialType, java.util.Set<String>> everything = new java.util.EnumMap<>(CredentialType.class);
        for (CredentialType type : CredentialType.values()) {
            everything.put(type, java.util.Set.copyOf(type.selectivelyDisclosable()));
        }
        DisclosureRequest all = new DisclosureRequest(everything);
        return region.workers().parallelStream().map(worker -> {
            String nonce = "enrol-" + worker.profile().id();
            PassportVerification result = verifier.verify(worker.wallet().present(audience, nonce, all), nonce);
            return result instanceof PassportVerification.Rejected r ? firstCode(r.failures()) : "ACCEPTED";
        }).collect(java.util.stream.Collectors.toMap(code -> code, code -> 1, Integer::sum, TreeMap::new));
    }

    private PayScheme scheme(ShiftPlan plan) {
        return vocabularies.grade(plan.minGrade()).map(GradeDefinition::scheme).orElseThrow();
    }

    /** The shift with its offered rate: the card's hourly figure for its most junior grade, times the plan's percentage. */
    private Shift shift(ShiftPlan plan, Policy policy) {
        Shift.LocalResult local = Shift.ofLocal(plan.trust(), plan.trust() + "01", plan.department(), plan.specialty(),
                plan.minGrade(), plan.maxGrade(), plan.start(), plan.end(),
                plan.agency() ? Shift.Channel.AGENCY : Shift.Channel.BANK, BigDecimal.ZERO);
        Shift shift = ((Shift.Resolved) local).shift();
        // Agency shifts: most were released to the bank three days before the run, one in ten
        // only six hours before (still inside the 24-hour bank-first cascade).
        long cascadeHours = plan.agency() && Math.floorMod(plan.id().hashCode(), 10) == 0 ? 6 : 72;
        shift = shift.withBankReleaseAt(RegionCalendar.BOOKING_RUN.minus(Duration.ofHours(cascadeHours)));
        BigDecimal card = cardHourly(policy, shift, plan);
        BigDecimal offered = card.multiply(BigDecimal.valueOf(plan.ratePercentOfCard()))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return shift.withOfferedHourlyRate(offered);
    }

    /** The card's hourly figure for the shift's most junior grade: card rate per band weighted by the time in each band. */
    private static BigDecimal cardHourly(Policy policy, Shift shift, ShiftPlan plan) {
        Policy.RateRules rates = policy.rules().rates().orElseThrow();
        String group = policy.vocabularies().gradeGroups().entrySet().stream()
                .filter(e -> e.getValue().contains(plan.minGrade())).map(Map.Entry::getKey).findFirst().orElseThrow();
        Policy.RateCard row = rates.card().get(group);
        BigDecimal poundSeconds = BigDecimal.ZERO;
        long seconds = 0;
        for (Map.Entry<String, Duration> band : policy.bandSplit(shift).entrySet()) {
            poundSeconds = poundSeconds.add(rate(row, band.getKey()).multiply(BigDecimal.valueOf(band.getValue().toSeconds())));
            seconds += band.getValue().toSeconds();
        }
        return poundSeconds.divide(BigDecimal.valueOf(seconds), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal rate(Policy.RateCard row, String band) {
        switch (band) {
            case "day":
                return row.day();
            case "evening":
                return row.evening();
            case "night":
                return row.night();
            case "weekend":
                return row.weekend();
            default:
                return row.bankHoliday();
        }
    }

    private static DecisionContext context(Shift shift, Policy policy, VerifiedPassport passport, String presentation,
            WorkHistory history, Decision decision, ShiftPlan plan) {
        List<String> credentialDigests = passport.credentials().stream().map(c -> c.credentialDigest()).toList();
        List<DecisionRecord.Approval> approvals = new ArrayList<>();
        if (decision.outcome() == Outcome.NEEDS_APPROVAL) {
            // The bank's approvers sign off within the run; who approved is recorded, never a name.
            for (Approval needed : decision.approvals()) {
                if (needed.recorded().isEmpty()) {
                    approvals.add(new DecisionRecord.Approval(needed.role(),
                            "demo-" + plan.trust().toLowerCase(java.util.Locale.ROOT) + "-" + needed.role(),
                            RegionCalendar.BOOKING_RUN.plus(Duration.ofMinutes(30))));
                }
            }
        }
        return DecisionContext.builder().shift(shift).policy(policy).credentialDigests(credentialDigests)
                .holderKeyThumbprint(passport.holderKeyThumbprint()).decidedAt(RegionCalendar.BOOKING_RUN)
                .approvals(approvals).presentationDigest(DecisionContext.digest(presentation))
                .historyDigest(DecisionContext.historyDigest(history)).build();
    }

    private static String firstCode(List<PassportFailure> failures) {
        return failures.isEmpty() ? "REJECTED" : failures.get(0).codeName();
    }

    private static String historyJson(WorkHistory history) {
        StringBuilder out = new StringBuilder("{\"shifts\":[");
        for (int i = 0; i < history.entries().size(); i++) {
            WorkHistory.Entry e = history.entries().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("  {\"organisation\":\"").append(e.organisation())
                    .append("\",\"start\":\"").append(e.start()).append("\",\"end\":\"").append(e.end()).append("\"}");
        }
        return out.append("\n]}\n").toString();
    }

    private void writePublished(SyntheticRegion region, Map<String, DemoPolicies.TrustPolicies> policies) throws IOException {
        Files.createDirectories(dir.resolve("keys"));
        Files.createDirectories(dir.resolve("status"));
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("trust-list.jws"), region.trustListJws() + "\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("keys/operator.jwk"), region.operatorKey().toJwkJson() + "\n", StandardCharsets.UTF_8);
        for (RegionOrganisations.Organisation org : region.organisations().issuers()) {
            VerificationKey key = org.key().verificationKey();
            Files.writeString(dir.resolve("keys/" + org.fileName() + ".jwk"), key.toJwkJson() + "\n", StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> list : region.statusLists().entrySet()) {
            Files.writeString(dir.resolve("status").resolve(list.getKey()), list.getValue() + "\n", StandardCharsets.US_ASCII);
        }
        RegionOrganisations.Organisation publisher = region.organisations().leadEmployer();
        Instant signedAt = RegionCalendar.CREDENTIALS_ISSUED;
        signedPolicies = new TreeMap<>();
        for (Map.Entry<String, DemoPolicies.TrustPolicies> entry : policies.entrySet()) {
            String base = RegionOrganisations.fileName(entry.getKey());
            write("policies/" + base + "-doctors.json", entry.getValue().doctorsJson());
            write("policies/" + base + "-nursing-ahp.json", entry.getValue().nursingJson());
            for (Policy policy : List.of(entry.getValue().doctors(), entry.getValue().nursing())) {
                String jws = SignedPolicy.sign(policy, publisher.key(), publisher.id(), signedAt);
                signedPolicies.put(policy.id(), jws);
                write("policies/" + policy.id() + ".jws", jws + "\n");
            }
        }
    }

    private Map<String, String> signedPolicies;

    /** Every policy the demo uses is checked as a trust would: publisher on the trust list, policy valid. */
    private void checkSignedPolicies(TrustAnchors anchors) {
        for (Map.Entry<String, String> signed : signedPolicies.entrySet()) {
            SignedPolicy.Result result = SignedPolicy.verify(signed.getValue(), anchors);
            if (!(result instanceof SignedPolicy.Verified)) {
                throw new IllegalStateException("the demo's own signed policy " + signed.getKey() + " did not verify: " + result);
            }
        }
    }

    private void write(String relative, String text) throws IOException {
        Files.writeString(dir.resolve(relative), text, StandardCharsets.UTF_8);
    }

    /** Running counts for the report. */
    private static final class Tally {
        private static final RegionReport.Fill NONE = new RegionReport.Fill(0, 0);
        final TreeMap<String, Integer> verification = new TreeMap<>();
        final TreeMap<String, Integer> outcomes = new TreeMap<>();
        final TreeMap<String, Integer> failedRules = new TreeMap<>();
        final TreeMap<String, Integer> rateFindings = new TreeMap<>();
        final TreeMap<String, Integer> approvals = new TreeMap<>();
        final TreeMap<String, RegionReport.Fill> byTrust = new TreeMap<>();
        final TreeMap<String, RegionReport.Fill> bySpecialty = new TreeMap<>();
        final TreeMap<String, BigDecimal> payByBand = new TreeMap<>();

        void count(Decision decision) {
            outcomes.merge(decision.outcome().name(), 1, Integer::sum);
            for (Finding finding : decision.findings()) {
                if (!finding.passed()) {
                    failedRules.merge(finding.code().name(), 1, Integer::sum);
                    if (finding.code().name().startsWith("RATE_")) {
                        rateFindings.merge(finding.code().name(), 1, Integer::sum);
                    }
                }
            }
            for (Approval approval : decision.approvals()) {
                approvals.merge(approval.role(), 1, Integer::sum);
            }
        }

        void pay(Map<String, Duration> split, BigDecimal hourly) {
            for (Map.Entry<String, Duration> band : split.entrySet()) {
                BigDecimal pay = hourly.multiply(BigDecimal.valueOf(band.getValue().toSeconds()))
                        .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN);
                payByBand.merge(band.getKey(), pay, BigDecimal::add);
            }
        }

        void fill(String trust, String specialty, boolean filled) {
            byTrust.put(trust, byTrust.getOrDefault(trust, NONE).plus(filled));
            bySpecialty.put(specialty, bySpecialty.getOrDefault(specialty, NONE).plus(filled));
        }
    }
}
