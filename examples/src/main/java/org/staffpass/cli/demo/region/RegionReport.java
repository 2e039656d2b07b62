package org.staffpass.cli.demo.region;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the region demo found, in figures a bank manager and an auditor read: verification
 * outcomes, decisions, rate findings, approvals, fill rates and pay. Every map is sorted by key
 * so the text, JSON and HTML renderings are stable; only {@link Timing} changes from run to
 * run. Immutable.
 *
 * @param seed                  the seed the region was built from
 * @param workers               workers in the region
 * @param trusts                trusts offering shifts
 * @param shiftsOffered         vacant shifts in the month
 * @param enrolment             every worker's full passport verified once when the bank run starts:
 *                              {@code ACCEPTED} or the first reason code
 * @param verification          booking presentations' verification outcomes: {@code ACCEPTED} or the first reason code
 * @param decisionOutcomes      decisions by outcome
 * @param failedRules           failed findings by rule code
 * @param rateFindings          failed rate findings by code (violations and escalations)
 * @param approvalsByRole       approvals needed, by role
 * @param fillByTrust           shifts offered and filled per trust
 * @param fillBySpecialty       shifts offered and filled per specialty
 * @param payByBand             card pay of the filled shifts per time band, in GBP
 * @param decisionLogRecords    records written to decisions.log
 * @param decisionLogHead       the digest of the log's last record
 * @param firstDecision         the application ({@code S0001-W0123}) and policy id of record 0, for a replay example
 * @param timing                how long the stages took on this machine
 */
public record RegionReport(long seed, int workers, int trusts, int shiftsOffered, SortedMap<String, Integer> enrolment,
        SortedMap<String, Integer> verification,
        SortedMap<String, Integer> decisionOutcomes, SortedMap<String, Integer> failedRules,
        SortedMap<String, Integer> rateFindings, SortedMap<String, Integer> approvalsByRole,
        SortedMap<String, Fill> fillByTrust, SortedMap<String, Fill> fillBySpecialty,
        SortedMap<String, BigDecimal> payByBand, int decisionLogRecords, String decisionLogHead,
        java.util.Optional<FirstDecision> firstDecision, Timing timing) {
    public RegionReport {
        enrolment = sorted(enrolment);
        verification = sorted(verification);
        decisionOutcomes = sorted(decisionOutcomes);
        failedRules = sorted(failedRules);
        rateFindings = sorted(rateFindings);
        approvalsByRole = sorted(approvalsByRole);
        fillByTrust = sorted(fillByTrust);
        fillBySpecialty = sorted(fillBySpecialty);
        payByBand = sorted(payByBand);
        Objects.requireNonNull(decisionLogHead, "decisionLogHead");
        Objects.requireNonNull(firstDecision, "firstDecision");
        Objects.requireNonNull(timing, "timing");
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** Shifts filled in the month. */
    public int shiftsFilled() {
        return fillByTrust.values().stream().mapToInt(Fill::filled).sum();
    }

    /**
     * Where to find what record 0 of the log was decided on.
     *
     * @param application the application: shift and worker ({@code S0001-W0123}), the name of
     *                    its files in presentations/ and histories/
     * @param policy      the id of the policy that decided (policies/&lt;id&gt;.jws)
     */
    public record FirstDecision(String application, String policy) {
        public FirstDecision {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * Shifts offered and filled in one group.
     *
     * @param offered shifts offered
     * @param filled  shifts booked to an eligible worker (or one whose approvals were recorded)
     */
    public record Fill(int offered, int filled) {
        public Fill {
            if (offered < 0 || filled < 0 || filled > offered) {
                throw new IllegalArgumentException("need 0 <= filled <= offered, was " + filled + " of " + offered);
            }
        }

        /** Filled as a percentage of offered (0 when nothing was offered). */
        public double percent() {
            return offered == 0 ? 0 : 100.0 * filled / offered;
        }

        /** This fill plus one more shift offered, filled or not. */
        public Fill plus(boolean wasFilled) {
            return new Fill(offered + 1, filled + (wasFilled ? 1 : 0));
        }
    }

    /**
     * Run time of the demo's stages on this machine (the only figures that differ between runs).
     *
     * @param buildMillis   building the region: keys, credentials, status lists
     * @param decideMillis  presenting, verifying, deciding and recording every application
     * @param presentations presentations verified
     * @param decisions     decisions made
     */
    public record Timing(long buildMillis, long decideMillis, int presentations, int decisions) {
        /** Presentations verified and decided per second over the decide stage. */
        public double decisionsPerSecond() {
            return decideMillis == 0 ? decisions : decisions * 1000.0 / decideMillis;
        }
    }
}
