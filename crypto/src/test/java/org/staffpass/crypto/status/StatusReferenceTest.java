package org.staffpass.crypto.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.staffpass.crypto.status.TestTokens.reason;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.internal.StrictJson;

class StatusReferenceTest {

    private static ObjectNode parse(String json) {
        return StrictJson.parseObject(json, "claims").value();
    }

    @Test
    void readsTheDraftsReferencedTokenExample() {
        // draft-ietf-oauth-status-list, Section 6.2: the payload of the example SD-JWT VC.
        ObjectNode claims = parse("{\"_sd\":[\"HvrKX6fPV0v9K_yCVFBiLFHsMaxcD_114Em6VT8x1lg\"],"
                + "\"iss\":\"https://example.com/issuer\",\"iat\":1683000000,\"exp\":1883000000,"
                + "\"sub\":\"6c5c0a49-b589-431d-bae7-219122a9ec2c\","
                + "\"status\":{\"status_list\":{\"idx\":0,\"uri\":\"https://example.com/statuslists/1\"}},"
                + "\"_sd_alg\":\"sha-256\"}");
        assertEquals(new StatusReference("https://example.com/statuslists/1", 0), StatusReference.fromClaims(claims).value());
    }

    @Test
    void membersOtherSpecificationsAddAreIgnored() {
        ObjectNode claims = parse("{\"status\":{\"other_mechanism\":{},\"status_list\":"
                + "{\"idx\":412,\"uri\":\"https://example.com/statuslists/1\",\"future\":true}}}");
        assertEquals(412, StatusReference.fromClaims(claims).value().index());
    }

    @Test
    void anythingElseIsClaimsInvalid() {
        List<String> bad = List.of(
                "{}",
                "{\"status\":\"revoked\"}",
                "{\"status\":{}}",
                "{\"status\":{\"status_list\":[0,\"https://example.com/1\"]}}",
                "{\"status\":{\"status_list\":{\"uri\":\"https://example.com/1\"}}}",
                "{\"status\":{\"status_list\":{\"idx\":-1,\"uri\":\"https://example.com/1\"}}}",
                "{\"status\":{\"status_list\":{\"idx\":1.5,\"uri\":\"https://example.com/1\"}}}",
                "{\"status\":{\"status_list\":{\"idx\":1e2,\"uri\":\"https://example.com/1\"}}}",
                "{\"status\":{\"status_list\":{\"idx\":\"3\",\"uri\":\"https://example.com/1\"}}}",
                "{\"status\":{\"status_list\":{\"idx\":99999999999999999999,\"uri\":\"https://example.com/1\"}}}",
                "{\"status\":{\"status_list\":{\"idx\":3}}}",
                "{\"status\":{\"status_list\":{\"idx\":3,\"uri\":42}}}",
                "{\"status\":{\"status_list\":{\"idx\":3,\"uri\":\"\"}}}",
                "{\"status\":{\"status_list\":{\"idx\":3,\"uri\":\"statuslists/1\"}}}");
        for (String json : bad) {
            assertEquals(ReasonCode.CLAIMS_INVALID, reason(StatusReference.fromClaims(parse(json))), json);
        }
    }

    @Test
    void constructorRefusesWhatTheParserRefuses() {
        assertThrows(IllegalArgumentException.class, () -> new StatusReference("statuslists/1", 0));
        assertThrows(IllegalArgumentException.class, () -> new StatusReference("https://example.com/1", -1));
        assertThrows(NullPointerException.class, () -> new StatusReference(null, 0));
    }
}
