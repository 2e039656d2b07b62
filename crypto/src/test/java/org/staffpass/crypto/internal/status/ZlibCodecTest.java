package org.staffpass.crypto.internal.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.testing.Property;

class ZlibCodecTest {
    private static final int BOUND = 4 << 20;

    /** 100 MB of zeros in about 100 KB: the classic decompression bomb. */
    static byte[] zipBomb() {
        return ZipBomb.BYTES;
    }

    private static final class ZipBomb {
        static final byte[] BYTES = deflateZeros(100_000_000L);
    }

    static byte[] deflateZeros(long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        byte[] chunk = new byte[1 << 16];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long left = count; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    @Test
    void draftSection41CompressedArraysInflateToTheirByteArrays() {
        // draft-ietf-oauth-status-list, Section 4.1: "compressed array (hex)" of the 1-bit and 2-bit examples.
        assertArrayEquals(new byte[] {(byte) 0xB9, (byte) 0xA3},
                ZlibCodec.inflate(HexFormat.of().parseHex("78dadbb918000217015d"), BOUND, "lst").value());
        assertArrayEquals(new byte[] {(byte) 0xC9, 0x44, (byte) 0xF9},
                ZlibCodec.inflate(HexFormat.of().parseHex("78da3be9f2130003df0207"), BOUND, "lst").value());
    }

    @Test
    void deflateUsesTheZlibFormatAtBestCompression() {
        byte[] compressed = ZlibCodec.deflate(new byte[] {(byte) 0xB9, (byte) 0xA3});
        // RFC 1950: CMF 0x78 (deflate, 32K window), FLG 0xDA (FLEVEL 3 = maximum compression, no dictionary).
        assertEquals(0x78, compressed[0] & 0xFF);
        assertEquals(0xDA, compressed[1] & 0xFF);
        // Section 4.1's compressed array of the same bytes, as zlib writes it at level 9.
        assertEquals("78dadbb918000217015d", HexFormat.of().formatHex(compressed));
    }

    @Test
    void zipBombStopsAtTheBoundAndNeverAllocatesPastIt() {
        byte[] bomb = zipBomb();
        assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
        List<Integer> allocations = new ArrayList<>();

        Verification<byte[]> result = ZlibCodec.inflate(bomb, BOUND, "lst", allocations::add);

        assertEquals(ReasonCode.STATUS_LIST_INFLATE_BOUND, reason(result));
        assertTrue(allocations.stream().allMatch(size -> size <= BOUND + 1), "buffers: " + allocations);
        assertEquals(BOUND + 1, allocations.get(allocations.size() - 1), "grew to exactly bound + 1, then stopped");
    }

    @Test
    void exactlyTheBoundInflatesAndOneByteMoreDoesNot() {
        byte[] exactly = deflateZeros(1000);
        assertEquals(1000, ZlibCodec.inflate(exactly, 1000, "lst").value().length);
        assertEquals(ReasonCode.STATUS_LIST_INFLATE_BOUND, reason(ZlibCodec.inflate(exactly, 999, "lst")));
        assertEquals(ReasonCode.STATUS_LIST_INFLATE_BOUND, reason(ZlibCodec.inflate(deflateZeros(1001), 1000, "lst")));
        assertEquals(0, ZlibCodec.inflate(deflateZeros(0), 0, "lst").value().length);
    }

    @Test
    void truncatedStreamIsMalformedAtEveryCut() {
        byte[] good = ZlibCodec.deflate(patterned(5000));
        for (int cut = 0; cut < good.length; cut++) {
            Verification<byte[]> result = ZlibCodec.inflate(Arrays.copyOf(good, cut), BOUND, "lst");
            assertEquals(ReasonCode.MALFORMED, reason(result), "cut at " + cut);
        }
    }

    @Test
    void badHeaderIsMalformed() {
        byte[] good = ZlibCodec.deflate(patterned(100));
        byte[] wrongCheck = good.clone();
        wrongCheck[1] ^= 0x01; // FCHECK no longer makes CMF*256+FLG a multiple of 31
        byte[] wrongMethod = good.clone();
        wrongMethod[0] = 0x77; // CM 7 is not deflate
        byte[] rawDeflate = Arrays.copyOfRange(good, 2, good.length - 4);
        assertEquals(ReasonCode.MALFORMED, reason(ZlibCodec.inflate(wrongCheck, BOUND, "lst")));
        assertEquals(ReasonCode.MALFORMED, reason(ZlibCodec.inflate(wrongMethod, BOUND, "lst")));
        assertEquals(ReasonCode.MALFORMED, reason(ZlibCodec.inflate(rawDeflate, BOUND, "lst")));
        assertEquals(ReasonCode.MALFORMED, reason(ZlibCodec.inflate(new byte[0], BOUND, "lst")));
        assertEquals(ReasonCode.MALFORMED, reason(ZlibCodec.inflate(gzip(patterned(100)), BOUND, "lst")));
    }

    @Test
    void corruptDataIsMalformed() {
        byte[] good = ZlibCodec.deflate(patterned(5000));
        int corrupted = 0;
        for (int at = 2; at < good.length - 4; at++) {
            byte[] bad = good.clone();
            bad[at] ^= (byte) 0xFF;
            Verification<byte[]> result = ZlibCodec.inflate(bad, BOUND, "lst");
            // A changed block either breaks the deflate syntax or changes the output, which the Adler-32 catches;
            // either way nothing is accepted (a change can at most make the stream inflate past this bound).
            assertTrue(reason(result) == ReasonCode.MALFORMED || reason(result) == ReasonCode.STATUS_LIST_INFLATE_BOUND);
            corrupted += reason(result) == ReasonCode.MALFORMED ? 1 : 0;
        }
        assertTrue(corrupted > 0);
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void wrongAdler32IsMalformed() {
        byte[] bad = ZlibCodec.deflate(patterned(100));
        bad[bad.length - 1] ^= 0x01;
        Verification<byte[]> result = ZlibCodec.inflate(bad, BOUND, "lst");
        assertEquals(ReasonCode.MALFORMED, reason(result));
        assertTrue(((Verification.Rejected<byte[]>) result).message().contains("not a valid zlib stream"));
    }

    @Test
    void presetDictionaryIsMalformed() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setDictionary(new byte[] {1, 2, 3, 4});
        deflater.setInput(new byte[] {1, 2, 3, 4, 1, 2, 3, 4});
        deflater.finish();
        byte[] out = new byte[100];
        int n = deflater.deflate(out);
        deflater.end();
        Verification<byte[]> result = ZlibCodec.inflate(Arrays.copyOf(out, n), BOUND, "lst");
        assertEquals(ReasonCode.MALFORMED, reason(result));
        assertTrue(((Verification.Rejected<byte[]>) result).message().contains("preset dictionary"));
    }

    @Test
    void bytesAfterTheStreamAreMalformed() {
        byte[] good = ZlibCodec.deflate(patterned(100));
        byte[] oneMore = Arrays.copyOf(good, good.length + 1);
        byte[] twoStreams = new byte[good.length * 2];
        System.arraycopy(good, 0, twoStreams, 0, good.length);
        System.arraycopy(good, 0, twoStreams, good.length, good.length);
        Verification<byte[]> result = ZlibCodec.inflate(oneMore, BOUND, "lst");
        assertEquals(ReasonCode.MALFORMED, reason(result));
        assertTrue(((Verification.Rejected<byte[]>) result).message().contains("after the end"));
        assertEquals(ReasonCode.MALFORMED, reason(ZlibCodec.inflate(twoStreams, BOUND, "lst")));
    }

    @Test
    void roundTripsArbitraryBytes() {
        Property.forAll("zlib round trip", random -> Property.bytes(random, Property.length(random, 20_000)), raw -> {
            byte[] back = ZlibCodec.inflate(ZlibCodec.deflate(raw), raw.length, "lst").value();
            assertArrayEquals(raw, back);
        });
    }

    @Test
    void arbitraryBytesNeverThrowAndNeverExceedTheBound() {
        byte[] seed = ZlibCodec.deflate(patterned(3000));
        Property.forAll("zlib arbitrary input", random -> {
            if (random.nextBoolean()) {
                return Property.bytes(random, Property.length(random, 512));
            }
            byte[] mutated = seed.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return mutated;
        }, input -> {
            Verification<byte[]> result = ZlibCodec.inflate(input, 2048, "lst");
            if (result instanceof Verification.Accepted<byte[]> accepted) {
                assertTrue(accepted.value().length <= 2048);
            } else {
                ReasonCode reason = reason(result);
                assertTrue(reason == ReasonCode.MALFORMED || reason == ReasonCode.STATUS_LIST_INFLATE_BOUND, reason.name());
            }
        });
    }

    private static byte[] patterned(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (i * 31 + (i >>> 7));
        }
        return out;
    }

    private static ReasonCode reason(Verification<byte[]> result) {
        return assertInstanceOf(Verification.Rejected.class, result).reason();
    }
}
