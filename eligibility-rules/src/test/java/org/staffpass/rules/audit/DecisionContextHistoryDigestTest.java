package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffpass.rules.WorkHistory;
import org.staffpass.testing.Property;

/** The canonical history digest: the documented bytes, independent of entry order, sensitive to every field. */
class DecisionContextHistoryDigestTest {
    private static WorkHistory.Entry entry(String organisation, String start, String end) {
        return new WorkHistory.Entry(organisation, Instant.parse(start), Instant.parse(end));
    }

    @Test
    void digestIsOfTheDocumentedCanonicalJson() {
        assertEquals(DecisionContext.digest("{\"shifts\":[]}"), DecisionContext.historyDigest(WorkHistory.empty()));
        WorkHistory history = new WorkHistory(List.of(
                entry("RTD", "2026-05-30T08:00:00Z", "2026-05-30T17:00:00Z"),
                entry("RA1", "2026-05-28T20:00:00.500Z", "2026-05-29T08:00:00Z")));
        assertEquals(DecisionContext.digest("{\"shifts\":["
                + "{\"end\":\"2026-05-29T08:00:00Z\",\"organisation\":\"RA1\",\"start\":\"2026-05-28T20:00:00.500Z\"},"
                + "{\"end\":\"2026-05-30T17:00:00Z\",\"organisation\":\"RTD\",\"start\":\"2026-05-30T08:00:00Z\"}]}"),
                DecisionContext.historyDigest(history));
    }

    @Test
    void entryOrderDoesNotMatterButEveryFieldDoes() {
        Property.forAll("history digest", random -> {
            List<WorkHistory.Entry> entries = new ArrayList<>();
            int size = 1 + random.nextInt(6);
            for (int i = 0; i < size; i++) {
                Instant start = Instant.parse("2026-05-01T00:00:00Z").plusSeconds(3600L * random.nextInt(48));
                entries.add(new WorkHistory.Entry("R" + random.nextInt(3), start, start.plusSeconds(3600L * (1 + random.nextInt(12)))));
            }
            return entries;
        }, entries -> {
            String digest = DecisionContext.historyDigest(new WorkHistory(entries));
            List<WorkHistory.Entry> shuffled = new ArrayList<>(entries);
            Collections.reverse(shuffled);
            assertEquals(digest, DecisionContext.historyDigest(new WorkHistory(shuffled)));
            WorkHistory.Entry first = entries.get(0);
            List<WorkHistory.Entry> changed = new ArrayList<>(entries);
            changed.set(0, new WorkHistory.Entry(first.organisation() + "X", first.start(), first.end()));
            assertNotEquals(digest, DecisionContext.historyDigest(new WorkHistory(changed)), "organisation");
            changed.set(0, new WorkHistory.Entry(first.organisation(), first.start(), first.end().plusSeconds(1)));
            assertNotEquals(digest, DecisionContext.historyDigest(new WorkHistory(changed)), "end");
            changed.set(0, new WorkHistory.Entry(first.organisation(), first.start().minusSeconds(1), first.end()));
            assertNotEquals(digest, DecisionContext.historyDigest(new WorkHistory(changed)), "start");
            List<WorkHistory.Entry> repeated = new ArrayList<>(entries);
            repeated.add(first);
            assertNotEquals(digest, DecisionContext.historyDigest(new WorkHistory(repeated)), "a repeated entry");
        });
    }
}
