package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;

/**
 * A real {@code staffpass} process (its own JVM, through {@code main}) keeps stderr free of
 * start-up chatter: Hibernate Validator's {@code HV000001} INFO line, which java.util.logging's
 * defaults would print whenever a passport command builds a validator, is not shown, and a user's
 * own java.util.logging configuration still wins.
 */
class CliLoggingTest {
    private static final String DBS = "{\"vct\":\"https://staffpass.example/vct/dbs-check/v1\",\"level\":\"ENHANCED_WITH_BARRED_LISTS\","
            + "\"workforce\":\"CHILD_AND_ADULT\",\"barred_lists\":[\"CHILDREN\",\"ADULTS\"],\"certificate_number\":\"001234567890\","
            + "\"issued_on\":\"2023-11-02\",\"update_service\":true,\"last_status_check\":{\"checked_on\":\"2025-05-01\","
            + "\"result\":\"CURRENT\"},\"clearance\":\"CLEARED\",\"cleared_on\":\"2023-11-20\"}";

    @TempDir
    Path dir;
    private List<String> issue;

    /** {@code passport issue}: it builds a CredentialValidator, so Hibernate Validator starts. */
    @BeforeEach
    void files() throws IOException {
        Path key = Files.writeString(dir.resolve("issuer.jwk"), SigningKey.generate(SignatureAlgorithm.ES256).toPrivateJwkJson());
        Path holder = Files.writeString(dir.resolve("holder.pub.jwk"),
                SigningKey.generate(SignatureAlgorithm.ES256).verificationKey().toJwkJson());
        Path claims = Files.writeString(dir.resolve("dbs.json"), DBS);
        issue = List.of("passport", "issue", "--key", key.toString(), "--issuer", "https://rtd.nhs.example",
                "--holder-key", holder.toString(), "--credential", claims.toString(), "--status-uri",
                "https://rtd.nhs.example/status/1", "--status-index", "3", "--valid-days", "30",
                "--out", dir.resolve("dbs.sdjwt").toString());
    }

    private record Run(int exit, String out, String err) {
    }

    private Run staffpass(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A quick-start JVM: these runs are short, and the build runs them on every verify.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StaffpassCommand.class.getName()));
        command.addAll(args);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("staffpass did not finish in 120 s: " + args);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aPassportCommandPrintsNoValidatorStartUpLine() throws Exception {
        Run run = staffpass(List.of(), issue);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("issued "), run.out());
        assertEquals("", run.err(), "stderr of a successful run");
    }

    @Test
    void theUsersOwnLoggingConfigurationWins() throws Exception {
        // The JDK's defaults again (INFO to stderr): the line we hide is really there to hide.
        Path config = Files.writeString(dir.resolve("logging.properties"),
                "handlers=java.util.logging.ConsoleHandler\n.level=INFO\n");
        Run run = staffpass(List.of("-Djava.util.logging.config.file=" + config), issue);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("HV000001"), run.err());
    }
}
