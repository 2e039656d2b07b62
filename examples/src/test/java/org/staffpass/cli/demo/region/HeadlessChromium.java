package org.staffpass.cli.demo.region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, run headless on a local file with the network switched off. Tests that
 * need it skip with a message when it is not installed, unless {@code STAFFPASS_REQUIRE_BROWSER=1}
 * (set by .ci/run, which installs it), where a missing browser fails.
 */
final class HeadlessChromium {
    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or a skipped (locally) / failed (CI) test. */
    static HeadlessChromium require() {
        Optional<Path> found = locate();
        boolean required = "1".equals(System.getenv("STAFFPASS_REQUIRE_BROWSER"));
        if (found.isEmpty()) {
            if (required) {
                Assertions.fail("STAFFPASS_REQUIRE_BROWSER=1 but no chromium found (apt-get install chromium)");
            }
            Assumptions.abort("Debian's chromium is not installed (apt-get install chromium): browser check skipped");
        }
        return new HeadlessChromium(found.get());
    }

    private static Optional<Path> locate() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("STAFFPASS_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("/usr/bin/chromium");
        candidates.add("/usr/bin/chromium-browser");
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The DOM after loading {@code page}, serialised. */
    String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        return new String(run(work, "--dump-dom", page.toUri().toString()), StandardCharsets.UTF_8);
    }

    /** A PNG screenshot of {@code page} at {@code width} x {@code height}. */
    Path screenshot(Path page, Path work, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve("screenshot.png");
        run(work, "--screenshot=" + png, "--window-size=" + width + "," + height, page.toUri().toString());
        Assertions.assertTrue(Files.size(png) > 0, "chromium wrote no screenshot");
        return png;
    }

    private byte[] run(Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + work.resolve("profile")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(work.resolve("chromium.log").toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("chromium did not finish in 60 s");
        }
        Assertions.assertEquals(0, process.exitValue(), () -> "chromium failed: " + readLog(work));
        return out;
    }

    private static String readLog(Path work) {
        try {
            return Files.readString(work.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
