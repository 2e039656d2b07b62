package org.staffpass.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * The command line's logging set-up: java.util.logging configured from the CLI's own
 * {@code logging.properties} (warnings of libraries on stderr as one line, no start-up chatter),
 * unless the user configured java.util.logging on the JVM command line.
 *
 * <p>Only {@link StaffpassCommand#main} calls this: an application owns the JVM's logging, a
 * library never does, so in-process runs (tests, embedding) keep whatever their host set.
 */
final class CliLogging {
    private CliLogging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = CliLogging.class.getResourceAsStream("logging.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/staffpass/cli/logging.properties is missing from the CLI");
            }
            LogManager.getLogManager().readConfiguration(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CLI's logging.properties", e);
        }
    }
}
