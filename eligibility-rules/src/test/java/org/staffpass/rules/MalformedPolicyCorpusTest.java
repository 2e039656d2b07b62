package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.staffpass.crypto.internal.StrictJson;

/**
 * The malformed-policy corpus (src/test/resources/policies/malformed-corpus.json): each case
 * edits the example policy by JSON Patch, or gives raw text, and names the reason code and
 * JSON Pointer the validator must report.
 */
class MalformedPolicyCorpusTest {
    static ObjectNode corpus() throws IOException {
        try (InputStream in = MalformedPolicyCorpusTest.class.getResourceAsStream("/policies/malformed-corpus.json")) {
            return StrictJson.parseObject(in.readAllBytes(), "corpus").value();
        }
    }

    static String document(JsonNode testCase) {
        if (testCase.has("text")) {
            return testCase.get("text").textValue();
        }
        ObjectNode policy = StrictJson.parseObject(PolicyFiles.examplePolicy(), "example").value();
        for (JsonNode op : testCase.get("patch")) {
            apply(policy, op);
        }
        return StrictJson.write(policy);
    }

    private static void apply(ObjectNode root, JsonNode op) {
        String[] tokens = op.get("path").textValue().substring(1).split("/", -1);
        JsonNode parent = root;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(tokens[i])) : parent.get(unescape(tokens[i]));
        }
        String last = unescape(tokens[tokens.length - 1]);
        String kind = op.get("op").textValue();
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (kind.equals("add")) {
                array.insert(index, op.get("value"));
            } else if (kind.equals("replace")) {
                array.set(index, op.get("value"));
            } else {
                array.remove(index);
            }
        } else {
            ObjectNode object = (ObjectNode) parent;
            if (kind.equals("remove")) {
                assertTrue(object.has(last), "the patch removes an existing member: " + op);
                object.remove(last);
            } else {
                object.set(last, op.get("value"));
            }
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    @TestFactory
    Stream<DynamicTest> eachCaseReportsItsCodeAtItsPointer() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : corpus().get("cases")) {
            tests.add(DynamicTest.dynamicTest(testCase.get("name").textValue(), () -> {
                PolicyResult result = Policy.parse(document(testCase));
                assertTrue(result instanceof PolicyResult.Invalid, "refused");
                List<PolicyIssue> issues = ((PolicyResult.Invalid) result).issues();
                PolicyProblem code = PolicyProblem.valueOf(testCase.get("code").textValue());
                String pointer = testCase.get("pointer").textValue();
                assertTrue(issues.stream().anyMatch(i -> i.problem() == code && i.pointer().equals(pointer)),
                        "expected " + code + " at " + pointer + ", got " + issues);
                if (!testCase.has("text")) {
                    assertEquals(1, issues.size(), "a single edit makes a single problem: " + issues);
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void theCorpusIsLargeAndCoversEveryCodeButSize() throws IOException {
        Set<PolicyProblem> covered = EnumSet.noneOf(PolicyProblem.class);
        int count = 0;
        for (JsonNode testCase : corpus().get("cases")) {
            covered.add(PolicyProblem.valueOf(testCase.get("code").textValue()));
            count++;
        }
        assertTrue(count >= 25, "at least 25 cases");
        Set<PolicyProblem> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
        // TOO_LARGE needs a 256 KiB document: PolicyParseTest asserts it.
        assertEquals(EnumSet.of(PolicyProblem.TOO_LARGE), missing);
        assertTrue(new String(StrictJson.write(corpus()).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).length() > 0);
    }
}
