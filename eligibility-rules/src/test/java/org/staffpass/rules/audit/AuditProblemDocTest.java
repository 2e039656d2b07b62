package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/audit.md has one row per AuditProblem, and no row for a code that does not exist. */
class AuditProblemDocTest {
    private static final String DOC = AuditFixtures.repositoryFile("docs/audit.md");

    @Test
    void everyProblemHasARow() {
        for (AuditProblem problem : AuditProblem.values()) {
            assertTrue(DOC.contains("| `" + problem.name() + "` |"), problem + " is missing from docs/audit.md");
        }
    }

    @Test
    void everyRowIsAProblem() {
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_0-9]+)` \\|").matcher(section(DOC, "## Reason codes"));
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertEquals(Arrays.stream(AuditProblem.values()).map(Enum::name).toList(), rows,
                "the table lists the codes in enum order");
    }

    /** From {@code heading} to the next heading of the same or a higher level. */
    static String section(String doc, String heading) {
        int start = doc.indexOf(heading + "\n");
        assertTrue(start >= 0, heading + " is missing");
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        Matcher next = Pattern.compile("(?m)^#{1," + (level.length() - 1) + "} ").matcher(doc);
        int end = next.find(start + heading.length()) ? next.start() : doc.length();
        return doc.substring(start, end);
    }

    @Test
    void documentedConstantsMatchTheCode() {
        assertTrue(DOC.contains("`" + DecisionRecord.TYPE + "`"));
        assertTrue(DOC.contains("`" + DecisionRecord.TYPE_URI + "`"));
        assertTrue(DOC.contains("`" + DecisionRecord.GENESIS + "`"));
    }
}
