package org.staffpass.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffpass.rules.internal.calc.ShiftTime;
import org.staffpass.testing.Property;

/** The evaluator's own instant writer gives exactly {@link Instant#toString()}, so evidence text is unchanged. */
class EvaluatorIntervalTest {
    @Test
    void intervalsReadAsInstantToString() {
        Property.forAll("interval = Instant.toString", random -> {
            long sec = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(-40_000_000_000L, 260_000_000_000L);
                case 1 -> pickEdge(random);
                default -> random.nextLong(1_700_000_000L, 1_900_000_000L);
            };
            int nanos = random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0;
            return Instant.ofEpochSecond(sec, nanos);
        }, start -> {
            ShiftTime s = new ShiftTime(start, start.plus(Duration.ofHours(9)));
            assertEquals(s.start() + "/" + s.end(), Evaluator.interval(s));
        });
    }

    private static long pickEdge(java.util.Random random) {
        List<Long> edges = List.of(-30_610_224_000L, -30_610_224_001L, 253_402_300_799L, 253_402_300_800L - 9 * 3600,
                0L, -1L, 951_782_400L, 4_107_542_400L);
        return edges.get(random.nextInt(edges.size())) + random.nextInt(3) - 1;
    }
}
