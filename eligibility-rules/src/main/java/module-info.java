/**
 * Eligibility and rate-cap rules over verified passports. Filled by the rules issue;
 * until then it only fixes its place in the module graph (it sees passports, never keys).
 */
module org.staffpass.rules {
    requires transitive org.staffpass.passport;
}
