package org.staffpass.cli.demo.region;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.passport.IssuedCredential;
import org.staffpass.passport.PassportIssuer;
import org.staffpass.passport.Wallet;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.cli.demo.Seeds;
import org.staffpass.cli.demo.region.RegionOrganisations.Organisation;

/**
 * A whole synthetic region, built from a seed: organisations and keys, the signed trust list,
 * every worker's nine credentials issued into their wallet, and the issuers' signed status
 * lists (with the planted revocation and suspensions). Deterministic: the same seed and size
 * give the same keys, credentials (salts come from seeded generators, signatures are
 * deterministic) and tokens: the organisations come from one generator seeded by the seed, each
 * worker from generators seeded by the seed and the worker's number (so workers are issued in
 * parallel), all at the fixed instants of {@link RegionCalendar}.
 */
public final class SyntheticRegion {
    /** How many credential slots each worker has in the lead employer's status list. */
    private static final int LEAD_SLOTS = CredentialType.values().length;

    /**
     * One worker: who they are, their holder key and wallet.
     *
     * @param profile   the worker's profile
     * @param holderKey the key the worker's credentials are bound to
     * @param wallet    the worker's wallet, holding every credential issued to them
     */
    public record RegionWorker(WorkerProfile profile, SigningKey holderKey, Wallet wallet) {
        public RegionWorker {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(holderKey, "holderKey");
            Objects.requireNonNull(wallet, "wallet");
        }
    }

    private final RegionOrganisations organisations;
    private final String trustListJws;
    private final Map<String, String> statusLists;
    private final List<RegionWorker> workers;

    private SyntheticRegion(RegionOrganisations organisations, String trustListJws, Map<String, String> statusLists,
            List<RegionWorker> workers) {
        this.organisations = organisations;
        this.trustListJws = trustListJws;
        this.statusLists = Map.copyOf(statusLists);
        this.workers = List.copyOf(workers);
    }

    /** Builds a region of {@code size} workers from {@code seed}. */
    public static SyntheticRegion build(long seed, int size) {
        if (size < 1 || size > 100_000) {
            throw new IllegalArgumentException("size must be 1..100000, was " + size);
        }
        SecureRandom keys = Seeds.secureRandom(seed);
        Random data = new Random(seed);
        RegionOrganisations orgs = new RegionOrganisations(keys);
        TrustList trustList = orgs.trustList();
        Clock issueClock = Clock.fixed(RegionCalendar.CREDENTIALS_ISSUED, ZoneOffset.UTC);
        CredentialValidator validator = CredentialValidator.create(Vocabularies.standard(), issueClock);
        Map<String, StatusList.Builder> lists = new LinkedHashMap<>();
        lists.put(orgs.leadEmployer().odsCode(), StatusList.builder(2, size * LEAD_SLOTS));
        for (Organisation trust : orgs.trusts()) {
            lists.put(trust.odsCode(), StatusList.builder(2, size * 2));
        }

        Clock walletClock = Clock.fixed(RegionCalendar.BOOKING_RUN, ZoneOffset.UTC);
        Instant validUntil = RegionCalendar.CREDENTIALS_ISSUED.plus(Duration.ofDays(365));
        List<WorkerProfile> profiles = Workforce.draw(data, size, RegionOrganisations.TRUSTS);
        // Each worker is made from generators seeded by (seed, worker), so workers can be issued
        // in parallel and still come out the same on every run.
        List<Issued> issued = java.util.stream.IntStream.range(0, size).parallel()
                .mapToObj(w -> issueWorker(seed, w, profiles.get(w), orgs, issueClock, walletClock, validUntil, validator))
                .toList();
        List<RegionWorker> workers = new ArrayList<>(size);
        for (Issued worker : issued) {
            workers.add(worker.worker());
            for (Mark mark : worker.marks()) {
                lists.get(mark.issuer()).set(mark.index(), mark.status());
            }
        }

        Clock statusClock = Clock.fixed(RegionCalendar.STATUS_LISTS_PUBLISHED, ZoneOffset.UTC);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Organisation org : orgs.issuers()) {
            StatusListSigner signer = StatusListSigner.builder().key(org.key()).clock(statusClock)
                    .validFor(Duration.ofDays(2)).build();
            tokens.put(org.fileName() + ".jwt", signer.sign(org.statusUri(), lists.get(org.odsCode()).build()));
        }
        return new SyntheticRegion(orgs, trustList.sign(orgs.operator()), tokens, workers);
    }

    /** A worker's wallet and the status-list entries their credentials need set. */
    private record Issued(RegionWorker worker, List<Mark> marks) {
    }

    /** A status to set: issuer ODS code, index, status. */
    private record Mark(String issuer, int index, TokenStatus status) {
    }

    private static Issued issueWorker(long seed, int w, WorkerProfile profile, RegionOrganisations orgs, Clock issueClock,
            Clock walletClock, Instant validUntil, CredentialValidator validator) {
        SecureRandom random = Seeds.secureRandom(seed * 1_000_003L + w);
        SigningKey holder = SigningKey.generate(SignatureAlgorithm.EDDSA, random);
        Wallet wallet = Wallet.create(holder, walletClock);
        List<Mark> marks = new ArrayList<>();
        for (Credential credential : PassportContents.of(profile, new Random(seed * 7_919L + w))) {
            CredentialType type = credential.credentialType();
            Organisation org = issuerOf(orgs, profile, type);
            int index = orgs.leadEmployer() == org ? w * LEAD_SLOTS + type.ordinal()
                    : w * 2 + (type == CredentialType.MANDATORY_TRAINING ? 0 : 1);
            SigningKey key = org.key();
            if (profile.problem() == Problem.FORGED_CREDENTIAL && type == CredentialType.MANDATORY_TRAINING) {
                key = relabel(orgs.attacker(), org.key().kid());
            }
            if (profile.problem() == Problem.UNAUTHORISED_ISSUER && type == CredentialType.DBS_CHECK) {
                org = orgs.trust(profile.homeTrust());
                key = org.key();
                index = w * 2;
            }
            PassportIssuer issuer = issuer(org.id(), key, issueClock, random, validator);
            StatusReference status = new StatusReference(org.statusUri(), index);
            IssuedCredential credentialIssued = issued(issuer.issue(credential, holder.verificationKey(), validUntil, status),
                    profile, type);
            if (wallet.add(credentialIssued.compact()) instanceof Verification.Rejected<?> r) {
                throw new IllegalStateException("the demo wallet refused " + type + " of " + profile.id() + ": " + r.message());
            }
            if (profile.problem() == Problem.DBS_REVOKED && type == CredentialType.DBS_CHECK) {
                marks.add(new Mark(org.odsCode(), index, TokenStatus.INVALID));
            }
            if (profile.problem() == Problem.REGISTRATION_SUSPENDED && type == CredentialType.PROFESSIONAL_REGISTRATION) {
                marks.add(new Mark(org.odsCode(), index, TokenStatus.SUSPENDED));
            }
        }
        return new Issued(new RegionWorker(profile, holder, wallet), marks);
    }

    private static Organisation issuerOf(RegionOrganisations orgs, WorkerProfile profile, CredentialType type) {
        return RegionOrganisations.LEAD_EMPLOYER_TYPES.contains(type) ? orgs.leadEmployer() : orgs.trust(profile.homeTrust());
    }

    private static IssuedCredential issued(CredentialResult<IssuedCredential> result, WorkerProfile profile,
            CredentialType type) {
        if (result instanceof CredentialResult.Valid<IssuedCredential> valid) {
            return valid.value();
        }
        // The generator must only draw valid content: a refusal here is a bug in the demo.
        throw new IllegalStateException("the demo drew invalid " + type + " content for " + profile.id() + ": " + result);
    }

    private static PassportIssuer issuer(String id, SigningKey key, Clock clock, SecureRandom random,
            CredentialValidator validator) {
        return PassportIssuer.builder().issuerId(id).signingKey(key).clock(clock).random(random).validator(validator)
                .build();
    }

    private static SigningKey relabel(SigningKey key, String kid) {
        // The forger's real key under the victim's key id: a real signature by the wrong key.
        com.fasterxml.jackson.databind.node.ObjectNode jwk;
        try {
            jwk = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(key.toPrivateJwkJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a private JWK the library wrote does not parse", e);
        }
        jwk.put("kid", kid);
        return SigningKey.fromJwk(jwk.toString()).value();
    }

    /** The organisations and their keys. */
    public RegionOrganisations organisations() {
        return organisations;
    }

    /** The scheme operator's public key: the root every verifier pins. */
    public VerificationKey operatorKey() {
        return organisations.operator().verificationKey();
    }

    /** The signed trust list. */
    public String trustListJws() {
        return trustListJws;
    }

    /** Signed status list tokens by file name. */
    public Map<String, String> statusLists() {
        return statusLists;
    }

    /** The anchors a verifier of this region pins (the operator's key) with the trust list loaded, as of {@code clock}. */
    public TrustAnchors trustAnchors(Clock clock) {
        Verification<TrustAnchors> anchors = TrustAnchors.load(trustListJws, List.of(operatorKey()), clock);
        if (!anchors.isAccepted()) {
            // The region's own trust list: a refusal at its own instants is a bug in the demo.
            throw new IllegalStateException("the demo's trust list was refused: " + anchors);
        }
        return anchors.value();
    }

    /**
     * A store holding every issuer's status list, trusting the issuers' keys, as of
     * {@code clock}, with lists older than {@code maxAge} stale.
     */
    public StatusListStore statusListStore(Clock clock, Duration maxAge) {
        StatusListStore store = StatusListStore.builder()
                .trustedKeys(organisations.issuers().stream().map(o -> o.key().verificationKey()).toList())
                .clock(clock).maxAge(maxAge).build();
        statusLists.forEach(store::load);
        return store;
    }

    /** Every worker, in id order. */
    public List<RegionWorker> workers() {
        return workers;
    }
}
