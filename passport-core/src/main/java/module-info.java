/**
 * The staff-passport domain: credential types, issue, present and verify. Filled by the
 * passport issue; until then it only fixes its place in the module graph.
 */
module org.staffpass.passport {
    requires transitive org.staffpass.crypto;
}
