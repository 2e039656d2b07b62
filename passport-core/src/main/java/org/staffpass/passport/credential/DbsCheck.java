package org.staffpass.passport.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.valueextraction.Unwrapping;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.staffpass.passport.internal.ClaimLimits;

/**
 * A Disclosure and Barring Service check and the employer's decision on it. Records only what
 * the DBS code of practice allows to keep: level, workforce, barred lists checked, certificate
 * number, issue date, Update Service subscription, last status check and the clearance
 * decision; never what the certificate disclosed. Immutable.
 *
 * <p>Rules: barred lists are named exactly when the level is
 * {@link Level#ENHANCED_WITH_BARRED_LISTS} ({@code DBS_BARRED_LISTS_REQUIRED},
 * {@code DBS_BARRED_LISTS_NOT_ALLOWED}) and match the workforce
 * ({@code DBS_BARRED_LIST_WORKFORCE}); a basic check cannot be on the Update Service
 * ({@code DBS_UPDATE_SERVICE_NOT_AVAILABLE}); a status check needs a subscription
 * ({@code DBS_STATUS_CHECK_WITHOUT_SUBSCRIPTION}); status check and clearance are not before
 * the certificate's issue ({@code DATE_ORDER}).
 *
 * @param level             the level of check
 * @param workforce         the workforce the certificate was issued for
 * @param barredLists       the barred lists checked (in declaration order)
 * @param certificateNumber the 12-digit certificate number (selectively disclosable; required
 *                          when issuing, for Update Service status checks)
 * @param issuedOn          the certificate's issue date (not in the future)
 * @param updateService     whether the worker subscribes to the Update Service
 * @param lastStatusCheck   the last Update Service status check, if any
 * @param clearance         the employer's decision
 * @param clearedOn         the date of that decision (not in the future)
 * @since 0.1
 */
@CredentialRules
public record DbsCheck(
        Level level,
        Workforce workforce,
        Set<BarredList> barredLists,
        @NotNull(groups = IssuanceChecks.class, payload = Unwrapping.Unwrap.class)
        Optional<@Pattern(regexp = ClaimLimits.DBS_CERTIFICATE) String> certificateNumber,
        @PastOrPresent LocalDate issuedOn,
        boolean updateService,
        Optional<@Valid StatusCheck> lastStatusCheck,
        Clearance clearance,
        @PastOrPresent LocalDate clearedOn) implements Credential {

    /** The {@code vct} of DBS-check credentials. */
    public static final String VCT = "https://staffpass.example/vct/dbs-check/v1";

    public DbsCheck {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(workforce, "workforce");
        EnumSet<BarredList> lists = EnumSet.noneOf(BarredList.class);
        lists.addAll(barredLists);
        barredLists = Collections.unmodifiableSet(lists);
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(lastStatusCheck, "lastStatusCheck");
        Objects.requireNonNull(clearance, "clearance");
        Objects.requireNonNull(clearedOn, "clearedOn");
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.DBS_CHECK;
    }

    /** DBS check levels. */
    public enum Level {
        /** Unspent convictions and conditional cautions. */
        BASIC,
        /** Spent and unspent convictions, cautions, reprimands, warnings (filtered). */
        STANDARD,
        /** Standard plus relevant police information. */
        ENHANCED,
        /** Enhanced plus the children's and/or adults' barred list (regulated activity). */
        ENHANCED_WITH_BARRED_LISTS
    }

    /** The workforce a certificate is issued for; reuse is only for the same workforce. */
    public enum Workforce {
        /** Child workforce. */
        CHILD,
        /** Adult workforce. */
        ADULT,
        /** Child and adult workforce. */
        CHILD_AND_ADULT,
        /** Other workforce. */
        OTHER
    }

    /** The barred lists. */
    public enum BarredList {
        /** The children's barred list. */
        CHILDREN,
        /** The adults' barred list. */
        ADULTS
    }

    /** The employer's decision after seeing the certificate. */
    public enum Clearance {
        /** Cleared. */
        CLEARED,
        /** Cleared after a documented risk assessment. */
        CLEARED_AFTER_RISK_ASSESSMENT,
        /** Not cleared. */
        NOT_CLEARED
    }

    /**
     * An Update Service status check. Immutable.
     *
     * @param checkedOn when the check was run (not in the future)
     * @param result    what it said
     */
    public record StatusCheck(@PastOrPresent LocalDate checkedOn, Result result) {
        public StatusCheck {
            Objects.requireNonNull(checkedOn, "checkedOn");
            Objects.requireNonNull(result, "result");
        }

        /** Status-check outcomes. */
        public enum Result {
            /** The certificate remains current: no new information. */
            CURRENT,
            /** The certificate is no longer current: new information exists; a new check is needed. */
            NOT_CURRENT
        }
    }
}
