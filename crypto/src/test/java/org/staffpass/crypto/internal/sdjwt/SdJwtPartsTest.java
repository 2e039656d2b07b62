package org.staffpass.crypto.internal.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;

/** The splitter's character check, for every UTF-16 code unit. */
class SdJwtPartsTest {
    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    @Test
    void onlyBase64UrlDotAndTildeAreAllowedAnywhere() {
        int accepted = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (c == '~') {
                continue;
            }
            String odd = String.valueOf((char) c);
            for (String presentation : List.of("aa" + odd + ".b.c~ZGlz~", "a.b.c~di" + odd + "s~", "a.b.c~dis~k.b." + odd)) {
                Verification<SdJwtParts> split = SdJwtParts.split(presentation, 10);
                boolean allowed = ALLOWED.indexOf(c) >= 0;
                if (allowed) {
                    accepted += split.isAccepted() ? 1 : 0;
                } else {
                    assertEquals(ReasonCode.MALFORMED, ((Verification.Rejected<SdJwtParts>) split).reason(), presentation);
                }
            }
        }
        // The '.' in a disclosure makes it a JWT where a disclosure belongs, and in the KB-JWT a third dot.
        assertEquals(3 * (ALLOWED.length() - 1) + 1, accepted);
    }

    @Test
    void partsAreFound() {
        SdJwtParts parts = SdJwtParts.split("h.p.s~d1~d2~k.p.s", 10).value();
        assertEquals("h.p.s", parts.issuerJwt());
        assertEquals(List.of("d1", "d2"), parts.disclosures());
        assertEquals(Optional.of("k.p.s"), parts.keyBindingJwt());
        assertEquals("h.p.s~d1~d2~", parts.sdJwt());
    }
}
