package org.staffpass.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one named logger logs while it is open, for tests of operator-facing log lines.
 *
 * <p>Our code logs through {@link System.Logger}; with the JDK's default backend a
 * {@code System.getLogger(name)} logger writes to the {@code java.util.logging} logger of the
 * same name, so a handler on that logger sees every record, synchronously, in order. Closing
 * removes the handler and restores the logger's level and parent forwarding. Not thread-safe;
 * one capture per logger at a time.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of(TrustAnchors.class)) {
 *     anchors.update(olderList);
 *     assertEquals(List.of(Level.WARNING), log.levels());
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousUseParent;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        this.previousUseParent = logger.getUseParentHandlers();
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        logger.setLevel(Level.ALL);
        // Keep the build output quiet: the records are asserted, not printed.
        logger.setUseParentHandlers(false);
    }

    /** Captures the logger named after {@code type}, as our classes name theirs. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(Logger.getLogger(Objects.requireNonNull(type, "type").getName()));
    }

    /** The records logged so far, oldest first. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The levels of the records logged so far, oldest first. */
    public List<Level> levels() {
        return records.stream().map(LogRecord::getLevel).toList();
    }

    /** The messages of the records at {@code level}, oldest first. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
    }
}
