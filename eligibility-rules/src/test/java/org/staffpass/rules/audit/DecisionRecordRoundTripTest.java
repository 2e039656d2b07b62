package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.SigningKey;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.audit.DecisionRecord.Approval;
import org.staffpass.rules.audit.DecisionRecord.PolicyReference;
import org.staffpass.rules.audit.DecisionRecord.RecordedFinding;
import org.staffpass.testing.Property;

/** Property: any record signs, verifies and reads back to the same fields and the same payload bytes. */
class DecisionRecordRoundTripTest {
    private static final DecisionRecordVerifier VERIFIER = AuditFixtures.verifier();
    // Characters that stress a JSON writer: quotes, escapes, slash, non-ASCII, a line separator, a surrogate pair.
    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "é", "€", "\u2028", "\uD83D\uDE00", "病", "~", "<"};
    private static final long LATEST_SECOND = 253402300799L;

    private static String text(Random random, boolean nonEmpty) {
        int length = (nonEmpty ? 1 : 0) + random.nextInt(12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    private static <T> List<T> list(Random random, int max, Function<Random, T> item) {
        int size = random.nextInt(max + 1);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(item.apply(random));
        }
        return out;
    }

    private static Instant instant(Random random, long fromSecond, long toSecond) {
        long second = fromSecond + (long) (random.nextDouble() * (toSecond - fromSecond));
        int nanos = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nanos);
    }

    private static String digest(Random random) {
        return DecisionContext.digest(Property.bytes(random, 8));
    }

    private static BigDecimal money(Random random, int maxScale) {
        return new BigDecimal(BigInteger.valueOf(random.nextInt(1_000_000)), random.nextInt(maxScale + 1));
    }

    private static DecisionRecord record(Random random) {
        Instant start = instant(random, 0, LATEST_SECOND - 200_000);
        Shift shift = new Shift(text(random, true), text(random, false), text(random, false),
                new SpecialtyCode(text(random, true)), new GradeCode(text(random, true)), new GradeCode(text(random, true)),
                start, start.plus(Duration.ofSeconds(1 + random.nextInt((int) Shift.MAX_LENGTH.toSeconds()))),
                random.nextBoolean() ? Shift.Channel.BANK : Shift.Channel.AGENCY, money(random, 2),
                random.nextBoolean() ? Optional.of(start.minus(Duration.ofSeconds(random.nextInt(1_000_000))))
                        : Optional.empty());
        // Decided within the signer's validity and the list's; the rest of the record is free.
        Instant decidedAt = instant(random, AuditFixtures.SIGNER_FROM.getEpochSecond(), AuditFixtures.NOW.getEpochSecond());
        RuleCode[] codes = RuleCode.values();
        return new DecisionRecord(AuditFixtures.ORG, random.nextInt(3) == 0 ? RecordCodec.MAX_SEQ : random.nextInt(1000),
                digest(random), decidedAt, shift, new PolicyReference(text(random, true), text(random, true), digest(random)),
                list(random, 4, DecisionRecordRoundTripTest::digest), digest(random),
                random.nextBoolean() ? Optional.of(digest(random)) : Optional.empty(),
                random.nextBoolean() ? Optional.of(digest(random)) : Optional.empty(),
                Outcome.values()[random.nextInt(Outcome.values().length)],
                list(random, 6, r -> RecordedFinding.of(text(r, true), r.nextBoolean(), codes[r.nextInt(codes.length)],
                        list(r, r.nextInt(4) == 0 ? 150 : 3, x -> text(x, false)))),
                random.nextBoolean() ? Optional.of(money(random, 6)) : Optional.empty(),
                random.nextBoolean() ? Optional.of(money(random, 2)) : Optional.empty(),
                list(random, 3, r -> text(r, true)),
                list(random, 3, r -> new Approval(text(r, true), text(r, true), instant(r, 0, LATEST_SECOND),
                        r.nextBoolean() ? Optional.of(text(r, true)) : Optional.empty())),
                list(random, 3, r -> text(r, true)));
    }

    @Test
    void recordSignVerifyGivesTheSameFieldsAndBytes() {
        SigningKey[] keys = {AuditFixtures.ED25519, AuditFixtures.P256};
        Property.forAll("decision record round trip", random -> record(random), record -> {
            SignedDecisionRecord signed = AuditFixtures.signer(keys[(int) (record.seq() & 1)]).sign(record);
            RecordResult result = VERIFIER.verify(signed.compact());
            RecordResult.Valid valid = assertInstanceOf(RecordResult.Valid.class, result, result::toString);
            assertEquals(record, valid.record());
            assertArrayEquals(record.payload(), valid.record().payload());
            assertEquals(signed.digest(), valid.digest());
        });
    }
}
