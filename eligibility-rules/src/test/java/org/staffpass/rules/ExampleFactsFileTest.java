package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * examples/policies/workers/st4-medicine.json is the test ST4's facts, as the CLI examples and
 * docs use them. Regenerate with -Dstaffpass.writeExamples=true after changing {@link Workers}.
 */
class ExampleFactsFileTest {
    static final String FILE = "examples/policies/workers/st4-medicine.json";

    @Test
    void theExampleFactsFileIsTheTestWorker() throws IOException {
        String expected = PassportFactsPretty.pretty(Workers.st4().toJson());
        if (Boolean.getBoolean("staffpass.writeExamples")) {
            Path path = PolicyFiles.REPOSITORY.resolve(FILE);
            Files.createDirectories(path.getParent());
            Files.writeString(path, expected);
        }
        String text = PolicyFiles.read(FILE);
        assertEquals(expected, text);
        PassportFacts.ParseResult r = PassportFacts.parse(text, Workers.validator());
        assertEquals(Workers.st4(), ((PassportFacts.Parsed) r).facts());
    }

    /** Indented JSON for a file people read. */
    static final class PassportFactsPretty {
        private PassportFactsPretty() {
        }

        static String pretty(String json) {
            try {
                com.fasterxml.jackson.databind.ObjectMapper m = org.staffpass.crypto.internal.StrictJson.mapper();
                return m.writerWithDefaultPrettyPrinter().writeValueAsString(m.readTree(json)) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
