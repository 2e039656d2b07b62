package org.staffpass.crypto.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.internal.StrictJson;

/**
 * The worked examples and test vectors of the IETF draft "Token Status List"
 * (draft-ietf-oauth-status-list; text read from the revision of January 2026, the vectors are
 * unchanged since revision 12). Every {@code lst} below is copied from the draft; each goes
 * through the full public path: signed into a token, verified, inflated, read entry by entry.
 */
class StatusListVectorsTest {
    private static final SigningKey KEY = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final StatusListVerifier VERIFIER = StatusListVerifier.builder()
            .key(KEY.verificationKey()).clock(TestTokens.fixed(TestTokens.T0)).build();

    // Section 4.1, first example: 16 entries of 1 bit.
    private static final int[] SECTION_4_1_ONE_BIT = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
    // Section 4.1, second example: 12 entries of 2 bits.
    private static final int[] SECTION_4_1_TWO_BITS = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};

    // Section 4.2: the JSON encodings of the two Section 4.1 lists.
    private static final String SECTION_4_2_LST_ONE_BIT = "eNrbuRgAAhcBXQ";
    private static final String SECTION_4_2_LST_TWO_BITS = "eNo76fITAAPfAgc";

    // Appendix C.1: 1-bit list of 2^20 entries.
    private static final String APPENDIX_C1_LST = "eNrt3AENwCAMAEGogklACtKQPg9LugC9k_ACvreiogE"
            + "AAKkeCQAAAAAAAAAAAAAAAAAAAIBylgQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAXG9IAAAAAAAAAPwsJAAAAAAAAAAAAAAAvhsSAAAAAAAAAAA"
            + "A7KpLAAAAAAAAAAAAAAAAAAAAAJsLCQAAAAAAAAAAADjelAAAAAAAAAAAKjDMAQAAA"
            + "ACAZC8L2AEb";
    // Appendix C.2: 2-bit list of 2^20 entries.
    private static final String APPENDIX_C2_LST = "eNrt2zENACEQAEEuoaBABP5VIO01fCjIHTMStt9ovGV"
            + "IAAAAAABAbiEBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEB5WwIAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAID0ugQAAAAAAAAAAAAAAAAAQG12SgAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAOCSIQEAAAAAAAAAAAAAAAAAAAAAAAD8ExIAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwJEuAQAAAAAAAAAAAAAAAAAAAAAAAMB9S"
            + "wIAAAAAAAAAAAAAAAAAAACoYUoAAAAAAAAAAAAAAEBqH81gAQw";
    // Appendix C.3: 4-bit list of 2^20 entries.
    private static final String APPENDIX_C3_LST = "eNrt0EENgDAQADAIHwImkIIEJEwCUpCEBBQRHOy35Li"
            + "1EjoOQGabAgAAAAAAAAAAAAAAAAAAACC1SQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABADrsCAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAADoxaEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAIIoCgAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACArpwKAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAGhqVkAzlwIAAAAAiGVRAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAABx3AoAgLpVAQAAAAAAAAAAAAAAwM89rwMAAAAAAAAAA"
            + "AjsA9xMBMA";

    @Test
    void section41ListsPackToTheDraftsBytes() {
        assertArrayEquals(new byte[] {(byte) 0xB9, (byte) 0xA3}, build(1, SECTION_4_1_ONE_BIT).toByteArray());
        assertArrayEquals(new byte[] {(byte) 0xC9, 0x44, (byte) 0xF9}, build(2, SECTION_4_1_TWO_BITS).toByteArray());
    }

    @Test
    void section42EncodingsDecodeToTheSection41Statuses() {
        assertStatuses(verify(1, SECTION_4_2_LST_ONE_BIT), SECTION_4_1_ONE_BIT);
        assertStatuses(verify(2, SECTION_4_2_LST_TWO_BITS), SECTION_4_1_TWO_BITS);
    }

    @Test
    void signerWritesTheSection42Encodings() {
        StatusListSigner signer = StatusListSigner.builder().key(KEY).clock(TestTokens.fixed(TestTokens.T0)).build();
        assertEquals(SECTION_4_2_LST_ONE_BIT, lstOf(signer.sign(TestTokens.URI, build(1, SECTION_4_1_ONE_BIT))));
        assertEquals(SECTION_4_2_LST_TWO_BITS, lstOf(signer.sign(TestTokens.URI, build(2, SECTION_4_1_TWO_BITS))));
    }

    @Test
    void appendixC1OneBitList() {
        Map<Integer, Integer> expected = new TreeMap<>();
        for (int index : new int[] {0, 1993, 25460, 159495, 495669, 554353, 645645, 723232, 854545, 934534, 1000345}) {
            expected.put(index, 1);
        }
        assertSparse(verify(1, APPENDIX_C1_LST), expected);
    }

    @Test
    void appendixC2TwoBitList() {
        assertSparse(verify(2, APPENDIX_C2_LST), Map.ofEntries(
                Map.entry(0, 1), Map.entry(1993, 2), Map.entry(25460, 1), Map.entry(159495, 3),
                Map.entry(495669, 1), Map.entry(554353, 1), Map.entry(645645, 2), Map.entry(723232, 1),
                Map.entry(854545, 1), Map.entry(934534, 2), Map.entry(1000345, 3)));
    }

    @Test
    void appendixC3FourBitList() {
        assertSparse(verify(4, APPENDIX_C3_LST), Map.ofEntries(
                Map.entry(0, 1), Map.entry(1993, 2), Map.entry(35460, 3), Map.entry(459495, 4),
                Map.entry(595669, 5), Map.entry(754353, 6), Map.entry(845645, 7), Map.entry(923232, 8),
                Map.entry(924445, 9), Map.entry(934534, 10), Map.entry(1004534, 11), Map.entry(1000345, 12),
                Map.entry(1030203, 13), Map.entry(1030204, 14), Map.entry(1030205, 15)));
    }

    @Test
    void section51ExampleClaimsVerify() {
        // Section 5.1's non-normative claims set, signed here with our key (the draft's key is not published).
        String payload = "{\"exp\":2291720170,\"iat\":1686920170,\"status_list\":{\"bits\":1,\"lst\":\"eNrbuRgAAhcBXQ\"},"
                + "\"sub\":\"https://example.com/statuslists/1\",\"ttl\":43200}";
        StatusListVerifier verifier = StatusListVerifier.builder().key(KEY.verificationKey())
                .clock(TestTokens.fixed(Instant.ofEpochSecond(1686920170L + 3600))).build();

        StatusListToken token = verifier.verify(TestTokens.sign(KEY, StatusListVerifier.TYPE, payload)).value();

        assertEquals("https://example.com/statuslists/1", token.uri());
        assertEquals(Instant.ofEpochSecond(1686920170L), token.issuedAt());
        assertEquals(Instant.ofEpochSecond(2291720170L), token.expiresAt().orElseThrow());
        assertEquals(Duration.ofSeconds(43200), token.timeToLive().orElseThrow());
        assertStatuses(token.statusList(), SECTION_4_1_ONE_BIT);
    }

    private static StatusList build(int bits, int[] statuses) {
        StatusList.Builder builder = StatusList.builder(bits, statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            builder.set(i, TokenStatus.of(statuses[i]));
        }
        return builder.build();
    }

    private static StatusList verify(int bits, String lst) {
        ObjectNode claims = TestTokens.claims(TestTokens.T0, bits, lst);
        StatusListToken token = VERIFIER.verify(TestTokens.sign(KEY, claims)).value();
        assertEquals(bits, token.statusList().bits());
        return token.statusList();
    }

    private static void assertStatuses(StatusList list, int[] expected) {
        assertEquals(expected.length, list.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(TokenStatus.of(expected[i]), list.get(i), "status[" + i + "]");
        }
    }

    private static void assertSparse(StatusList list, Map<Integer, Integer> expected) {
        assertEquals(1 << 20, list.size(), "Appendix C lists have 2^20 entries");
        for (Map.Entry<Integer, Integer> entry : expected.entrySet()) {
            assertEquals(TokenStatus.of(entry.getValue()), list.get(entry.getKey()), "status[" + entry.getKey() + "]");
        }
        // "All values that are not mentioned for the examples below can be assumed to be 0 (VALID)."
        assertEquals(expected.size(), list.countNotValid());
        assertTrue(list.get(1).isValid() && list.get((1 << 20) - 1).isValid());
    }

    private static String lstOf(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return StrictJson.parseObject(payload, "payload").value().get("status_list").get("lst").textValue();
    }
}
