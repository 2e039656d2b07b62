package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/reason-codes.md documents exactly the codes the enum has, each once, in its first part
 * (before "## Other code families", which the examples module's AllCodesDocumentedTest checks).
 */
class ReasonCodeDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyCodeIsDocumentedOnceAndNothingElse() throws IOException {
        Path doc = RepositoryFiles.root().resolve("docs/reason-codes.md");
        String text = Files.readString(doc);
        int others = text.indexOf("\n## Other code families");
        Matcher rows = ROW.matcher(others < 0 ? text : text.substring(0, others));
        List<String> documented = new java.util.ArrayList<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        List<String> inEnum = Arrays.stream(ReasonCode.values()).map(Enum::name).sorted().collect(Collectors.toList());
        assertEquals(inEnum, documented.stream().sorted().collect(Collectors.toList()),
                "docs/reason-codes.md and ReasonCode differ; missing or extra: "
                        + symmetricDifference(inEnum, documented));
    }

    private static TreeSet<String> symmetricDifference(List<String> a, List<String> b) {
        TreeSet<String> difference = new TreeSet<>(a);
        difference.addAll(b);
        TreeSet<String> both = new TreeSet<>(a);
        both.retainAll(b);
        difference.removeAll(both);
        return difference;
    }
}
