/**
 * Eligibility and rate-cap rules over verified passports: the policy document (format v1,
 * docs/policy-language.md), its strict validator, and the decision types an evaluator fills.
 * The validator lives apart from any evaluator: a policy is checked once, before any request.
 */
module org.staffpass.rules {
    requires transitive org.staffpass.passport;

    exports org.staffpass.rules;
    exports org.staffpass.rules.audit;
}
