package org.staffpass.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.cli.demo.region.RegionCalendar;
import org.staffpass.cli.demo.region.RegionOrganisations;
import org.staffpass.cli.demo.region.SyntheticRegion;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.Policy;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.DecisionRecordSigner;
import org.staffpass.rules.audit.LogReport;
import org.staffpass.testing.Repository;

/**
 * The bank-scheduler and auditor examples the docs quote, run on a synthetic region's real
 * passports: the scheduler asks for exactly what the shift needs, decides and records; the
 * auditor checks the log offline.
 */
class SchedulerAndAuditorExamplesTest {
    private static final Set<String> JUNIOR = Set.of("FY2", "CT1", "CT2", "CT3", "ST1", "ST2");
    private static final Set<String> MEDICINE = Set.of("300", "301", "320", "330", "340");

    @Test
    void aWorkerIsAskedForWhatTheShiftNeedsDecidedRecordedAndAudited(@TempDir Path dir) throws Exception {
        SyntheticRegion region = SyntheticRegion.build(11, 60);
        SyntheticRegion.RegionWorker worker = region.workers().stream()
                .filter(w -> w.profile().isDoctor() && JUNIOR.contains(w.profile().grade().value())
                        && w.profile().problem() == org.staffpass.cli.demo.region.Problem.NONE
                        && w.profile().specialties().stream().anyMatch(s -> MEDICINE.contains(s.value())))
                .findFirst().orElseThrow();
        SpecialtyCode specialty = worker.profile().specialties().stream().filter(s -> MEDICINE.contains(s.value()))
                .findFirst().orElseThrow();
        Clock clock = Clock.fixed(RegionCalendar.BOOKING_RUN, ZoneOffset.UTC);
        Policy policy = BankSchedulerExample.load(Files.readString(Repository.root().resolve(
                "examples/policies/regional-doctors-bank.json")));
        Shift shift = ((Shift.Resolved) Shift.ofLocal("RA1", "RA101", "Acute medical unit", specialty, new GradeCode("FY2"),
                new GradeCode("ST2"), LocalDateTime.parse("2027-03-10T08:00"), LocalDateTime.parse("2027-03-10T17:00"),
                Shift.Channel.BANK, new BigDecimal("62.00"))).shift();

        DisclosureRequest needed = BankSchedulerExample.request(policy, shift);
        String presentation = worker.wallet().present("RA1", "nonce-1", needed);
        RegionOrganisations.Organisation ra1 = region.organisations().trust("RA1");
        Object verified = VerifyingTrustExample.verify(region.trustListJws(), region.operatorKey(), region.statusLists(),
                region.organisations().issuers().stream().map(o -> o.key().verificationKey()).toList(), presentation,
                "nonce-1", clock);
        VerifiedPassport passport = assertInstanceOf(VerifiedPassport.class, verified, String.valueOf(verified));

        Path log = dir.resolve("decisions.log");
        Decision decision = BankSchedulerExample.decideAndRecord(policy, passport, presentation, shift, WorkHistory.empty(),
                RegionCalendar.BOOKING_RUN, DecisionRecordSigner.of(ra1.key(), ra1.id()), log);
        assertTrue(decision.findings().stream().noneMatch(f -> f.code() == RuleCode.FACT_NOT_DISCLOSED),
                "the request asked for every fact the rules read: " + decision.findings());
        assertEquals(Outcome.ELIGIBLE, decision.outcome(), decision.findings().toString());

        LogReport report = AuditorExample.audit(region.trustListJws(), region.operatorKey(), log, 1, clock);
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(1, report.records());
        assertEquals(1L, report.summary().outcomes().get(Outcome.ELIGIBLE));

        Files.writeString(log, Files.readString(log).replace("\n", "\n\n"));
        assertTrue(!AuditorExample.audit(region.trustListJws(), region.operatorKey(), log, 1, clock).isIntact(),
                "an altered log is reported");
    }
}
