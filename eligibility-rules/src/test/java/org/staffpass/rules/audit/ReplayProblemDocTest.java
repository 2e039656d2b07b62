package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/audit.md lists every ReplayProblem in its replay table, in enum order, and nothing else. */
class ReplayProblemDocTest {
    private static final String DOC = AuditFixtures.repositoryFile("docs/audit.md");

    @Test
    void theReplayTableListsEveryProblemInOrder() {
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_0-9]+)` \\|")
                .matcher(AuditProblemDocTest.section(DOC, "### Replay reason codes"));
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertEquals(Arrays.stream(ReplayProblem.values()).map(Enum::name).toList(), rows);
    }

    @Test
    void auditProblemsAndReplayProblemsDoNotShareNames() {
        for (ReplayProblem problem : ReplayProblem.values()) {
            assertTrue(Arrays.stream(AuditProblem.values()).noneMatch(p -> p.name().equals(problem.name())), problem.name());
        }
    }
}
