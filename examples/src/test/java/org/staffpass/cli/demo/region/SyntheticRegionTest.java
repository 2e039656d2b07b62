package org.staffpass.cli.demo.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.PassportFailure;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;

class SyntheticRegionTest {
    private static final int SIZE = 120;
    private static SyntheticRegion region;
    private static PassportVerifier verifier;

    @BeforeAll
    static void build() {
        region = SyntheticRegion.build(7, SIZE);
        Clock clock = Clock.fixed(RegionCalendar.BOOKING_RUN, ZoneOffset.UTC);
        TrustAnchors anchors = region.trustAnchors(clock);
        StatusListStore store = region.statusListStore(clock, Duration.ofHours(24));
        assertEquals(region.statusLists().size(), store.size(), "every issuer's status list is verified and held");
        verifier = PassportVerifier.builder().trustAnchors(anchors).statusLists(store).audience("RA1").clock(clock)
                .validator(CredentialValidator.create(Vocabularies.standard(), clock)).build();
    }

    @Test
    void everyWorkerHoldsNineCredentials() {
        assertEquals(SIZE, region.workers().size());
        for (SyntheticRegion.RegionWorker worker : region.workers()) {
            assertEquals(EnumSet.allOf(CredentialType.class), worker.wallet().types(), worker.profile().id());
        }
    }

    @Test
    void cleanPassportsVerifyAndEachPlantedAttackIsRefusedForItsReason() {
        Map<Problem, Set<String>> codesByProblem = new TreeMap<>();
        for (SyntheticRegion.RegionWorker worker : region.workers()) {
            String presentation = worker.wallet().present("RA1", "nonce-" + worker.profile().id(), everything(worker));
            PassportVerification result = verifier.verify(presentation, "nonce-" + worker.profile().id());
            Set<String> codes = result instanceof PassportVerification.Rejected r
                    ? r.failures().stream().map(PassportFailure::codeName).collect(Collectors.toSet())
                    : Set.of("ACCEPTED");
            codesByProblem.computeIfAbsent(worker.profile().problem(), p -> new java.util.TreeSet<>()).addAll(codes);
            if (result instanceof VerifiedPassport passport) {
                assertEquals(9, passport.credentials().size());
            }
        }
        assertEquals(Set.of("ACCEPTED"), codesByProblem.get(Problem.NONE));
        assertEquals(Set.of("SIGNATURE_INVALID"), codesByProblem.get(Problem.FORGED_CREDENTIAL));
        assertEquals(Set.of("ISSUER_NOT_AUTHORISED_FOR_TYPE"), codesByProblem.get(Problem.UNAUTHORISED_ISSUER));
        if (codesByProblem.containsKey(Problem.DBS_REVOKED)) {
            assertEquals(Set.of("CREDENTIAL_REVOKED"), codesByProblem.get(Problem.DBS_REVOKED));
        }
        if (codesByProblem.containsKey(Problem.REGISTRATION_SUSPENDED)) {
            assertEquals(Set.of("CREDENTIAL_SUSPENDED"), codesByProblem.get(Problem.REGISTRATION_SUSPENDED));
        }
        // Content problems are the rules engine's business: the signatures and status are fine.
        for (Problem content : List.of(Problem.TRAINING_LAPSES_IN_MONTH, Problem.TRAINING_LAPSED,
                Problem.REGISTRATION_CONDITIONS, Problem.RIGHT_TO_WORK_ENDS_IN_MONTH)) {
            if (codesByProblem.containsKey(content)) {
                assertEquals(Set.of("ACCEPTED"), codesByProblem.get(content), content.name());
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRegionByteForByte() {
        SyntheticRegion again = SyntheticRegion.build(7, SIZE);
        assertEquals(region.trustListJws(), again.trustListJws());
        assertEquals(region.statusLists(), again.statusLists());
        SyntheticRegion.RegionWorker first = region.workers().get(3);
        SyntheticRegion.RegionWorker second = again.workers().get(3);
        assertEquals(first.profile(), second.profile());
        assertEquals(first.wallet().present("RA2", "n", everything(first)),
                second.wallet().present("RA2", "n", everything(second)));
    }

    @Test
    void aDifferentSeedGivesADifferentRegion() {
        SyntheticRegion other = SyntheticRegion.build(8, 20);
        assertInstanceOf(String.class, other.trustListJws());
        assertTrue(!other.trustListJws().equals(region.trustListJws()));
    }

    private static DisclosureRequest everything(SyntheticRegion.RegionWorker worker) {
        Map<CredentialType, Set<String>> all = new java.util.EnumMap<>(CredentialType.class);
        for (CredentialType type : worker.wallet().types()) {
            all.put(type, Set.copyOf(type.selectivelyDisclosable()));
        }
        return new DisclosureRequest(all);
    }
}
