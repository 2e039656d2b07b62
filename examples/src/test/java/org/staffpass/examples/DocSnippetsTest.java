package org.staffpass.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Repository;

/**
 * Every Java block in docs/ that names its source ({@code // PATH (tag: NAME)} on its first
 * line) must equal the region between {@code // tag::NAME[]} and {@code // end::NAME[]} of
 * that file, indentation removed: quoted code cannot drift from the code that runs.
 */
class DocSnippetsTest {
    private static final Pattern QUOTED = Pattern.compile("```java\\n// (\\S+) \\(tag: ([a-z0-9-]+)\\)\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void everyQuotedBlockMatchesItsSource() throws IOException {
        Path root = Repository.root();
        int checked = 0;
        List<Path> docs;
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            docs = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path doc : docs) {
            Matcher m = QUOTED.matcher(Files.readString(doc));
            while (m.find()) {
                Path source = root.resolve(m.group(1));
                assertTrue(Files.isRegularFile(source), doc.getFileName() + " quotes a missing file " + m.group(1));
                assertEquals(region(source, m.group(2)), m.group(3),
                        doc.getFileName() + " quotes " + m.group(1) + " [" + m.group(2) + "] out of date");
                checked++;
            }
        }
        assertTrue(checked >= 3, "getting-started.md quotes the user-path examples; found " + checked);
    }

    private static String region(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = lines.stream().map(String::strip).toList().indexOf("// tag::" + tag + "[]");
        int end = lines.stream().map(String::strip).toList().indexOf("// end::" + tag + "[]");
        assertTrue(start >= 0 && end > start, source + " has no region " + tag);
        List<String> body = new ArrayList<>(lines.subList(start + 1, end));
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
