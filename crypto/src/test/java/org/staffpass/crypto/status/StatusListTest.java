package org.staffpass.crypto.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.staffpass.testing.Property;

class StatusListTest {

    @Test
    void entryIStartsAtBitIBitsMod8OfByteIBitsDiv8CountingFromTheLeastSignificant() {
        assertArrayEquals(new byte[] {0x01, 0x00}, StatusList.builder(1, 16).set(0, TokenStatus.INVALID).build().toByteArray());
        assertArrayEquals(new byte[] {(byte) 0x80, 0x00}, StatusList.builder(1, 16).set(7, TokenStatus.INVALID).build().toByteArray());
        assertArrayEquals(new byte[] {0x00, 0x01}, StatusList.builder(1, 16).set(8, TokenStatus.INVALID).build().toByteArray());
        assertArrayEquals(new byte[] {0x08, 0x00}, StatusList.builder(2, 8).set(1, TokenStatus.SUSPENDED).build().toByteArray());
        assertArrayEquals(new byte[] {(byte) 0xC0, 0x00}, StatusList.builder(2, 8).set(3, TokenStatus.of(3)).build().toByteArray());
        assertArrayEquals(new byte[] {0x00, (byte) 0xA0}, StatusList.builder(4, 4).set(3, TokenStatus.of(0xA)).build().toByteArray());
        assertArrayEquals(new byte[] {0x00, (byte) 0xFE}, StatusList.builder(8, 2).set(1, TokenStatus.of(0xFE)).build().toByteArray());
    }

    @Test
    void getReadsBackWhatSetWroteAndNothingElse() {
        Property.forAll("status list set/get", random -> {
            int bits = 1 << random.nextInt(4);
            int size = (8 / bits) * (1 + random.nextInt(16));
            int[][] writes = new int[random.nextInt(3 * size)][];
            for (int i = 0; i < writes.length; i++) {
                writes[i] = new int[] {bits, random.nextInt(size), random.nextInt(1 << bits)};
            }
            return new Object[] {bits, size, writes};
        }, input -> {
            int bits = (int) input[0];
            int size = (int) input[1];
            int[] expected = new int[size];
            StatusList.Builder builder = StatusList.builder(bits, size);
            for (int[] write : (int[][]) input[2]) {
                builder.set(write[1], TokenStatus.of(write[2]));
                expected[write[1]] = write[2];
            }
            StatusList list = builder.build();
            assertEquals(size, list.size());
            for (int i = 0; i < size; i++) {
                assertEquals(expected[i], list.get(i).value(), "entry " + i + " with " + bits + " bits");
            }
        });
    }

    @Test
    void sizeIsWholeBytesOfEntries() {
        assertEquals(16, StatusList.builder(1, 16).build().size());
        assertEquals(2, StatusList.builder(1, 16).build().byteLength());
        assertEquals(12, StatusList.builder(2, 12).build().size());
        assertEquals(0, StatusList.builder(4, 0).build().size());
        assertEquals(24, StatusList.fromBytes(1, new byte[3]).size());
        assertEquals(3, StatusList.fromBytes(8, new byte[3]).size());
    }

    @Test
    void builderRefusesWhatTheFormatCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(3, 8));
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(0, 8));
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(1, 12), "12 one-bit entries are 1.5 bytes");
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(2, 6));
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(1, -8));
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(8, StatusList.MAX_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(1, 8).set(0, TokenStatus.SUSPENDED));
        assertThrows(IllegalArgumentException.class, () -> StatusList.builder(4, 8).set(0, TokenStatus.of(16)));
        assertThrows(IndexOutOfBoundsException.class, () -> StatusList.builder(1, 8).set(8, TokenStatus.INVALID));
        assertThrows(IndexOutOfBoundsException.class, () -> StatusList.builder(1, 8).set(-1, TokenStatus.INVALID));
        assertThrows(IndexOutOfBoundsException.class, () -> StatusList.builder(1, 8).build().get(8));
        assertThrows(IllegalArgumentException.class, () -> StatusList.fromBytes(5, new byte[1]));
    }

    @Test
    void valuesAreImmutableAndEqualByContent() {
        byte[] bytes = {1, 2};
        StatusList list = StatusList.fromBytes(1, bytes);
        bytes[0] = 0;
        list.toByteArray()[1] = 0;
        assertArrayEquals(new byte[] {1, 2}, list.toByteArray());

        StatusList.Builder builder = StatusList.builder(1, 16).set(0, TokenStatus.INVALID).set(9, TokenStatus.INVALID);
        StatusList first = builder.build();
        builder.set(0, TokenStatus.VALID);
        assertEquals(TokenStatus.INVALID, first.get(0), "build() copies");
        assertEquals(TokenStatus.VALID, builder.build().get(0), "the last set wins");
        assertEquals(StatusList.fromBytes(1, new byte[] {1, 2}), StatusList.fromBytes(1, new byte[] {1, 2}));
        assertEquals(StatusList.fromBytes(1, new byte[] {1, 2}).hashCode(), StatusList.fromBytes(1, new byte[] {1, 2}).hashCode());
        assertNotEquals(StatusList.fromBytes(1, new byte[] {1, 2}), StatusList.fromBytes(2, new byte[] {1, 2}));
        assertEquals(2, StatusList.fromBytes(1, new byte[] {1, 2}).countNotValid());
    }

    @Test
    void tokenStatusNamesAndClasses() {
        assertEquals("VALID", TokenStatus.VALID.label());
        assertEquals("INVALID", TokenStatus.of(1).label());
        assertEquals("SUSPENDED", TokenStatus.of(2).toString());
        assertEquals("0x03", TokenStatus.of(3).label());
        assertEquals("0xFF", TokenStatus.of(255).label());
        assertSame(TokenStatus.SUSPENDED, TokenStatus.of(2));
        assertEquals(TokenStatus.of(7), new TokenStatus(7));
        assertTrue(TokenStatus.VALID.isValid());
        for (int value = 1; value < 256; value++) {
            assertFalse(TokenStatus.of(value).isValid(), "only 0x00 is VALID");
            boolean applicationSpecific = value == 3 || (value >= 0x0C && value <= 0x0F);
            assertEquals(applicationSpecific, TokenStatus.of(value).isApplicationSpecific(), "value " + value);
        }
        assertThrows(IllegalArgumentException.class, () -> TokenStatus.of(256));
        assertThrows(IllegalArgumentException.class, () -> new TokenStatus(-1));
    }
}
