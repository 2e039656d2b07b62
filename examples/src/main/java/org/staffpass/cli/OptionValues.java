package org.staffpass.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Parses option values that are times, turning a bad one into a one-line usage error (exit 2). */
final class OptionValues {
    private OptionValues() {
    }

    /** An ISO-8601 instant such as {@code 2026-01-15T10:00:00Z}. */
    static Instant instant(CommandLine commandLine, String text, String option) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InputFiles.usage(commandLine, option + " '" + text + "' is not an ISO-8601 instant such as 2026-01-15T10:00:00Z");
        }
    }

    /** A positive ISO-8601 duration such as {@code PT24H}. */
    static Duration positiveDuration(CommandLine commandLine, String text, String option) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw InputFiles.usage(commandLine, option + " must be positive, was " + text);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw InputFiles.usage(commandLine, option + " '" + text + "' is not an ISO-8601 duration such as PT24H or P7D");
        }
    }
}
