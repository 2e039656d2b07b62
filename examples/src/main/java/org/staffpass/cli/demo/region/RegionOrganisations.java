package org.staffpass.cli.demo.region;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.SignedPolicy;

/**
 * The organisations of the synthetic region: the scheme operator that signs the trust list,
 * a lead employer that makes the pre-employment checks for every bank worker, and nine trusts
 * that record training and specialty competencies, offer shifts and sign their booking
 * decisions. Each issuer is on the trust list for its own credential types only. Codes are illustrative ODS-format codes, not
 * real trusts.
 */
public final class RegionOrganisations {
    /** The scheme operator's identifier (signs the trust list). */
    public static final String OPERATOR_ID = "https://staffpass.example/scheme/demo-region";
    /** The lead employer's ODS-format code. */
    public static final String LEAD_EMPLOYER_ODS = "RL1";
    /** The nine trusts' ODS-format codes. */
    public static final List<String> TRUSTS = List.of("RA1", "RA2", "RA3", "RA4", "RA5", "RA6", "RA7", "RA8", "RA9");
    private static final List<String> TRUST_NAMES = List.of("Northfield Teaching Hospitals", "Riverside University Hospitals",
            "Moorland and Coast Healthcare", "Eastgate Hospitals", "Westvale Acute Trust", "Harbour City Hospitals",
            "Dales Community and Acute", "Stonebridge General", "Kingsmere Hospitals");
    /** What the lead employer may issue: the employment checks, grade and employment. */
    static final Set<CredentialType> LEAD_EMPLOYER_TYPES = EnumSet.of(CredentialType.IDENTITY_VERIFICATION,
            CredentialType.RIGHT_TO_WORK, CredentialType.PROFESSIONAL_REGISTRATION, CredentialType.DBS_CHECK,
            CredentialType.OCCUPATIONAL_HEALTH, CredentialType.GRADE, CredentialType.EMPLOYMENT);
    /** What a trust may issue: training and specialty records. */
    static final Set<CredentialType> TRUST_TYPES = EnumSet.of(CredentialType.MANDATORY_TRAINING, CredentialType.SPECIALTY);

    /**
     * One organisation with its signing key and status list.
     *
     * @param id         issuer identifier ({@code iss})
     * @param name       display name
     * @param odsCode    ODS-format organisation code
     * @param key        its signing key
     * @param types      credential types the trust list authorises it for (empty for the operator)
     * @param statusUri  its status list's URI
     */
    public record Organisation(String id, String name, String odsCode, SigningKey key, Set<CredentialType> types,
            String statusUri) {
        public Organisation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(odsCode, "odsCode");
            Objects.requireNonNull(key, "key");
            types = Set.copyOf(types);
            Objects.requireNonNull(statusUri, "statusUri");
        }

        /** A short file-system-safe name. */
        public String fileName() {
            return RegionOrganisations.fileName(odsCode);
        }
    }

    /** The file name (without extension) of an organisation's key and status list: its ODS code in lower case. */
    public static String fileName(String odsCode) {
        return odsCode.toLowerCase(java.util.Locale.ROOT);
    }

    /** ODS codes of every issuer, in {@link #issuers()} order: the lead employer, then the trusts. */
    public static List<String> issuerCodes() {
        List<String> codes = new ArrayList<>();
        codes.add(LEAD_EMPLOYER_ODS);
        codes.addAll(TRUSTS);
        return List.copyOf(codes);
    }

    private final SigningKey operator;
    private final Organisation leadEmployer;
    private final List<Organisation> trusts;
    private final SigningKey attacker;

    RegionOrganisations(SecureRandom random) {
        this.operator = SigningKey.generate(SignatureAlgorithm.ES256, random);
        this.leadEmployer = organisation("lead-employer", "Regional Lead Employer", LEAD_EMPLOYER_ODS, LEAD_EMPLOYER_TYPES,
                random);
        List<Organisation> list = new ArrayList<>();
        for (int i = 0; i < TRUSTS.size(); i++) {
            list.add(organisation("trust-" + TRUSTS.get(i).toLowerCase(java.util.Locale.ROOT), TRUST_NAMES.get(i),
                    TRUSTS.get(i), TRUST_TYPES, random));
        }
        this.trusts = List.copyOf(list);
        this.attacker = SigningKey.generate(SignatureAlgorithm.EDDSA, random);
    }

    private static Organisation organisation(String slug, String name, String ods, Set<CredentialType> types,
            SecureRandom random) {
        return new Organisation("https://staffpass.example/issuers/" + slug, name + " (synthetic)", ods,
                SigningKey.generate(SignatureAlgorithm.EDDSA, random), types,
                "https://staffpass.example/status/" + slug + "/1");
    }

    /** The scheme operator's key (its public half is the root a verifier pins). */
    public SigningKey operator() {
        return operator;
    }

    /** The lead employer. */
    public Organisation leadEmployer() {
        return leadEmployer;
    }

    /** The nine trusts, in {@link #TRUSTS} order. */
    public List<Organisation> trusts() {
        return trusts;
    }

    /** The trust with ODS code {@code ods}. */
    public Organisation trust(String ods) {
        return trusts.get(TRUSTS.indexOf(ods));
    }

    /** Every issuer: the lead employer, then the trusts. */
    public List<Organisation> issuers() {
        List<Organisation> all = new ArrayList<>();
        all.add(leadEmployer);
        all.addAll(trusts);
        return all;
    }

    /** A key the region never trusted: the forger's. */
    SigningKey attacker() {
        return attacker;
    }

    /** The trust list: every issuer, active for a year around the month, authorised for its own types only. */
    TrustList trustList() {
        TrustList.Builder builder = TrustList.builder().operator(OPERATOR_ID).sequence(1)
                .issuedAt(RegionCalendar.CREDENTIALS_ISSUED.minus(Duration.ofDays(1)))
                .expiresAt(RegionCalendar.CREDENTIALS_ISSUED.plus(Duration.ofDays(120)));
        for (Organisation org : issuers()) {
            TrustedIssuer.Builder issuer = TrustedIssuer.builder().id(org.id()).name(org.name())
                    .organisationCode(org.odsCode()).status(TrustedIssuer.Status.ACTIVE)
                    .validFrom(RegionCalendar.CREDENTIALS_ISSUED.minus(Duration.ofDays(180)))
                    .key(org.key().verificationKey());
            for (CredentialType type : CredentialType.values()) {
                if (org.types().contains(type)) {
                    issuer.credentialType(type.vct());
                }
            }
            // The lead employer hosts the bank and publishes its policies; each trust signs its
            // own booking decisions.
            issuer.credentialType(org == leadEmployer ? SignedPolicy.TYPE_URI : DecisionRecord.TYPE_URI);
            builder.issuer(issuer.build());
        }
        return builder.build();
    }
}
