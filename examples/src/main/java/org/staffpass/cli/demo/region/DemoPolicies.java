package org.staffpass.cli.demo.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;

/**
 * The region's policies: one harmonised doctors' policy and one nursing/AHP policy, made per
 * trust from two templates (classpath resources) that differ only in the policy id and the
 * trust whose substantive staff may not come back to it through an agency. Same rate cards,
 * caps and limits everywhere: that is what a collaborative bank harmonises.
 */
final class DemoPolicies {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * One trust's two policies.
     *
     * @param doctors     the doctors' policy
     * @param doctorsJson its document
     * @param nursing     the nursing and allied-health policy
     * @param nursingJson its document
     */
    record TrustPolicies(Policy doctors, String doctorsJson, Policy nursing, String nursingJson) {
        TrustPolicies {
            Objects.requireNonNull(doctors, "doctors");
            Objects.requireNonNull(doctorsJson, "doctorsJson");
            Objects.requireNonNull(nursing, "nursing");
            Objects.requireNonNull(nursingJson, "nursingJson");
        }

        /** The policy for a shift asking for {@code staffGroupIsMedical} staff. */
        Policy forShift(boolean medical) {
            return medical ? doctors : nursing;
        }
    }

    private DemoPolicies() {
    }

    /** The policies of every trust, by ODS code, in trust order. */
    static Map<String, TrustPolicies> forTrusts(Iterable<String> trusts) {
        ObjectNode doctors = template("doctors-bank-policy.json");
        ObjectNode nursing = template("nursing-bank-policy.json");
        Map<String, TrustPolicies> out = new LinkedHashMap<>();
        for (String trust : trusts) {
            String doctorsJson = forTrust(doctors, trust, "doctors");
            String nursingJson = forTrust(nursing, trust, "nursing-ahp");
            out.put(trust, new TrustPolicies(parse(doctorsJson), doctorsJson, parse(nursingJson), nursingJson));
        }
        return out;
    }

    private static String forTrust(ObjectNode template, String trust, String kind) {
        ObjectNode policy = template.deepCopy();
        policy.put("id", "demo-" + trust.toLowerCase(Locale.ROOT) + "-" + kind + "-bank");
        ObjectNode restrictions = (ObjectNode) policy.get("rules").get("restrictions");
        restrictions.putArray("noAgencyForSubstantiveStaffOf").add(trust);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(policy) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Policy parse(String json) {
        PolicyResult result = Policy.parse(json);
        if (result instanceof PolicyResult.Invalid invalid) {
            // The templates ship with the demo: a refusal is a bug in them, not bad input.
            throw new IllegalStateException("demo policy template is invalid: " + invalid.issues());
        }
        return ((PolicyResult.Valid) result).policy();
    }

    private static ObjectNode template(String name) {
        try (InputStream in = DemoPolicies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + name + " is missing from the jar");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
