package org.staffpass.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Repository;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.cli.StaffpassCommand;

/**
 * The files {@code staffpass policy evaluate} reads besides the policy — shift, history, break
 * glass and passport facts — match their schemas in docs/schemas: every example file under
 * examples/policies and every shift, history and break glass embedded in an example policy's
 * cases. Each schema refuses altered documents, and the CLI's reader refuses the same
 * alterations (exit 1), so schema and reader do not drift apart on them.
 */
class InputFilesMatchSchemasTest {
    private static final Path POLICIES = Repository.root().resolve("examples/policies");

    @TempDir
    Path dir;

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(POLICIES.resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return SchemaCheck.read(Files.readString(file));
    }

    private static List<JsonNode> examplePolicies() throws IOException {
        try (Stream<Path> files = Files.list(POLICIES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return read(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void everyExampleFileMatchesItsSchema() throws IOException {
        SchemaCheck shift = SchemaCheck.of("shift.schema.json");
        SchemaCheck history = SchemaCheck.of("history.schema.json");
        SchemaCheck facts = SchemaCheck.of("passport-facts.schema.json");
        int checked = 0;
        for (Path file : files("shifts")) {
            assertEquals(List.of(), shift.violations(read(file)), file.getFileName().toString());
            checked++;
        }
        for (Path file : files("histories")) {
            assertEquals(List.of(), history.violations(read(file)), file.getFileName().toString());
            checked++;
        }
        for (Path file : files("workers")) {
            assertEquals(List.of(), facts.violations(read(file)), file.getFileName().toString());
            checked++;
        }
        assertTrue(checked >= 7, "example files checked: " + checked);
    }

    @Test
    void everyEmbeddedShiftHistoryBreakGlassAndWorkerMatchesItsSchema() throws IOException {
        SchemaCheck shift = SchemaCheck.of("shift.schema.json");
        SchemaCheck history = SchemaCheck.of("history.schema.json");
        SchemaCheck breakGlass = SchemaCheck.of("break-glass.schema.json");
        SchemaCheck facts = SchemaCheck.of("passport-facts.schema.json");
        int shifts = 0;
        int histories = 0;
        int breakGlasses = 0;
        for (JsonNode policy : examplePolicies()) {
            String id = policy.get("id").textValue();
            policy.get("exampleWorkers").fields().forEachRemaining(
                    w -> assertEquals(List.of(), facts.violations(w.getValue()), id + " worker " + w.getKey()));
            for (JsonNode example : policy.get("examples")) {
                String name = id + ": " + example.get("name").textValue();
                assertEquals(List.of(), shift.violations(example.get("shift")), name);
                shifts++;
                if (example.has("history")) {
                    ObjectNode file = SchemaCheck.JSON.createObjectNode();
                    file.set("shifts", example.get("history"));
                    assertEquals(List.of(), history.violations(file), name);
                    histories++;
                }
                if (example.has("breakGlass")) {
                    assertEquals(List.of(), breakGlass.violations(example.get("breakGlass")), name);
                    breakGlasses++;
                }
            }
        }
        assertTrue(shifts >= 40 && histories >= 3 && breakGlasses >= 3, shifts + " " + histories + " " + breakGlasses);
    }

    /** An alteration of a valid document that both the schema and the CLI reader must refuse. */
    private record Alteration(String what, Consumer<ObjectNode> change) {
    }

    private static final List<Alteration> SHIFT_ALTERATIONS = List.of(
            new Alteration("an unknown member", o -> o.put("ward", "7")),
            new Alteration("no hourly rate", o -> o.remove("hourlyRate")),
            new Alteration("a rate as a JSON number", o -> o.put("hourlyRate", 93)),
            new Alteration("a rate with three decimals", o -> o.put("hourlyRate", "93.001")),
            new Alteration("a rate with a leading zero", o -> o.put("hourlyRate", "093.00")),
            new Alteration("an unknown channel", o -> o.put("channel", "LOCUM")),
            new Alteration("a start with an offset", o -> o.put("start", "2026-06-10T08:00Z")),
            new Alteration("a start without minutes", o -> o.put("start", "2026-06-10T8:00")),
            new Alteration("an empty site", o -> o.put("site", "")),
            new Alteration("a release time without seconds", o -> o.put("bankReleaseAt", "2026-05-30T09:00Z")));

    private static final List<Alteration> HISTORY_ALTERATIONS = List.of(
            new Alteration("an unknown member", o -> o.put("worker", "x")),
            new Alteration("shifts not an array", o -> o.put("shifts", "none")),
            new Alteration("an entry without an organisation", o -> ((ObjectNode) o.get("shifts").get(0)).remove("organisation")),
            new Alteration("an entry with a local time", o -> ((ObjectNode) o.get("shifts").get(0)).put("start", "2026-06-08T07:00")),
            new Alteration("an entry with an unknown member", o -> ((ObjectNode) o.get("shifts").get(0)).put("hours", 9)));

    private static final List<Alteration> BREAK_GLASS_ALTERATIONS = List.of(
            new Alteration("an unknown member", o -> o.put("ticket", "INC1")),
            new Alteration("no reason", o -> o.remove("reason")),
            new Alteration("an empty role", o -> o.put("role", "")),
            new Alteration("a reason with a line break", o -> o.put("reason", "short\nstaffed")),
            new Alteration("an approver id of 101 characters", o -> o.put("approverId", "A".repeat(101))),
            new Alteration("a date for an instant", o -> o.put("approvedAt", "2026-06-01")));

    private static final String BREAK_GLASS = "{\"role\": \"chief-executive\", \"approverId\": \"CEO-0001\","
            + " \"reason\": \"no resus-trained cover on the AMU\", \"approvedAt\": \"2026-06-01T08:30:00Z\"}";

    @Test
    void theSchemasAndTheReaderRefuseTheSameAlterations() throws IOException {
        JsonNode shift = read(POLICIES.resolve("shifts/rtd-amu-day-agency.json"));
        JsonNode history = read(POLICIES.resolve("histories/st4-june.json"));
        JsonNode breakGlass = SchemaCheck.read(BREAK_GLASS);
        assertEquals(0, evaluate(shift, history, breakGlass).exit, "the unaltered files are read");
        SchemaCheck shiftSchema = SchemaCheck.of("shift.schema.json");
        for (Alteration a : SHIFT_ALTERATIONS) {
            ObjectNode altered = shift.deepCopy();
            a.change().accept(altered);
            assertFalse(shiftSchema.violations(altered).isEmpty(), "shift schema accepts " + a.what());
            Run r = evaluate(altered, history, breakGlass);
            assertEquals(1, r.exit, "the reader accepts a shift with " + a.what() + ": " + r.err);
            assertTrue(r.err.startsWith("shift file "), r.err);
        }
        SchemaCheck historySchema = SchemaCheck.of("history.schema.json");
        for (Alteration a : HISTORY_ALTERATIONS) {
            ObjectNode altered = history.deepCopy();
            a.change().accept(altered);
            assertFalse(historySchema.violations(altered).isEmpty(), "history schema accepts " + a.what());
            Run r = evaluate(shift, altered, breakGlass);
            assertEquals(1, r.exit, "the reader accepts a history with " + a.what() + ": " + r.err);
            assertTrue(r.err.startsWith("history file "), r.err);
        }
        SchemaCheck breakGlassSchema = SchemaCheck.of("break-glass.schema.json");
        assertEquals(List.of(), breakGlassSchema.violations(breakGlass));
        for (Alteration a : BREAK_GLASS_ALTERATIONS) {
            ObjectNode altered = breakGlass.deepCopy();
            a.change().accept(altered);
            assertFalse(breakGlassSchema.violations(altered).isEmpty(), "break-glass schema accepts " + a.what());
            Run r = evaluate(shift, history, altered);
            assertEquals(1, r.exit, "the reader accepts a break glass with " + a.what() + ": " + r.err);
            assertTrue(r.err.startsWith("break-glass file "), r.err);
        }
    }

    @Test
    void theFactsSchemaRefusesAlteredWorkerFacts() throws IOException {
        SchemaCheck facts = SchemaCheck.of("passport-facts.schema.json");
        for (Path file : files("workers")) {
            ObjectNode altered = (ObjectNode) read(file);
            altered.put("holderKeyThumbprint", "short");
            assertFalse(facts.violations(altered).isEmpty(), file.getFileName() + ": a short thumbprint is refused");
            ObjectNode dated = (ObjectNode) read(file);
            ((ObjectNode) dated.get("credentials").get(0)).put("issuedAt", "2026-01-01");
            assertFalse(facts.violations(dated).isEmpty(), file.getFileName() + ": a date for an instant is refused");
        }
    }

    private record Run(int exit, String err) {
    }

    private Run evaluate(JsonNode shift, JsonNode history, JsonNode breakGlass) throws IOException {
        Path shiftFile = Files.writeString(dir.resolve("shift.json"), SchemaCheck.JSON.writeValueAsString(shift));
        Path historyFile = Files.writeString(dir.resolve("history.json"), SchemaCheck.JSON.writeValueAsString(history));
        Path breakGlassFile = Files.writeString(dir.resolve("break-glass.json"),
                SchemaCheck.JSON.writeValueAsString(breakGlass));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaffpassCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "policy", "evaluate", "--policy", POLICIES.resolve("regional-doctors-bank.json").toString(),
                "--passport", POLICIES.resolve("workers/st4-medicine.json").toString(), "--shift", shiftFile.toString(),
                "--history", historyFile.toString(), "--break-glass", breakGlassFile.toString(),
                "--at", "2026-06-01T09:00:00Z");
        return new Run(exit, err.toString());
    }
}
