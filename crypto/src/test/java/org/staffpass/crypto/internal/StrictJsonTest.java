package org.staffpass.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;

class StrictJsonTest {
    private static final String OBJECT = "{\"alg\":\"ES256\",\"kid\":\"k\"}";

    private static void assertMalformed(byte[] input, String what) {
        Verification<?> result = StrictJson.parseObject(input, "doc");
        assertEquals(ReasonCode.MALFORMED,
                assertInstanceOf(Verification.Rejected.class, result, () -> what + " was accepted: " + result).reason(), what);
    }

    static Stream<Arguments> otherEncodings() {
        return Stream.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE")
                .map(name -> Arguments.of(name, OBJECT.getBytes(Charset.forName(name))));
    }

    /** RFC 8259 §8.1: JSON between systems is UTF-8; Jackson would guess UTF-16/32 from zero bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("otherEncodings")
    void jsonInAnotherEncodingIsMalformed(String encoding, byte[] bytes) {
        assertMalformed(bytes, encoding);
    }

    @Test
    void byteOrderMarkIsMalformed() {
        byte[] json = OBJECT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertMalformed(withBom, "UTF-8 byte order mark");
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("overlong NUL C0 80", new byte[] {(byte) 0xC0, (byte) 0x80}),
                Arguments.of("overlong '/' C0 AF", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("overlong 3-byte E0 80 AF", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("overlong 4-byte F0 80 80 AF", new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("surrogate ED A0 80", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("above U+10FFFF F4 90 80 80", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("lone continuation 80", new byte[] {(byte) 0x80}),
                Arguments.of("truncated C3", new byte[] {(byte) 0xC3}),
                Arguments.of("FE", new byte[] {(byte) 0xFE}),
                Arguments.of("raw NUL", new byte[] {0}));
    }

    /** Two byte strings that read as the same JSON would let a signed document have two spellings. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InsideAStringIsMalformed(String what, byte[] bad) {
        byte[] prefix = "{\"kid\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        System.arraycopy(bad, 0, input, prefix.length, bad.length);
        System.arraycopy(suffix, 0, input, prefix.length + bad.length, suffix.length);
        assertMalformed(input, what);
    }

    @Test
    void validUtf8OutsideAsciiIsAccepted() {
        String json = "{\"name\":\"Zoë Ørsted – 医生 🩺\"}";
        Verification<?> result = StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), "doc");
        assertEquals("Zoë Ørsted – 医生 🩺",
                assertInstanceOf(Verification.Accepted.class, result).value() instanceof com.fasterxml.jackson.databind.node.ObjectNode o
                        ? o.get("name").textValue() : null);
    }

    @Test
    void duplicateMembersTrailingDataAndDepthAreMalformed() {
        assertMalformed("{\"alg\":\"ES256\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8), "duplicate");
        assertMalformed("{\"alg\":1,\"\\u0061lg\":2}".getBytes(StandardCharsets.UTF_8), "duplicate via escape");
        assertMalformed("{\"a\":null,\"a\":null}".getBytes(StandardCharsets.UTF_8), "duplicate of null");
        assertMalformed("{\"x\":[{\"b\":{}},{\"c\":1,\"d\":{\"e\":[],\"e\":[]}}]}".getBytes(StandardCharsets.UTF_8),
                "duplicate deep inside an array");
        Verification<?> duplicate = StrictJson.parseObject("{\"k\":1,\"l\":2,\"k\":3}".getBytes(StandardCharsets.UTF_8), "doc");
        String message = assertInstanceOf(Verification.Rejected.class, duplicate).message();
        assertTrue(message.startsWith("doc has a duplicate member name (near byte "), message);
        assertMalformed("{\"a\":1} {}".getBytes(StandardCharsets.UTF_8), "trailing data");
        assertMalformed(("{\"a\":" + "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH) + "}")
                .getBytes(StandardCharsets.UTF_8), "too deep");
        assertMalformed("[]".getBytes(StandardCharsets.UTF_8), "array");
        assertMalformed(new byte[0], "empty");
    }
}
