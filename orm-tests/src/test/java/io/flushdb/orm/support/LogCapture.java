package io.flushdb.orm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Collects the warnings and errors that Hibernate and HikariCP log while it is installed.
 *
 * <p>Both log to {@code java.util.logging} in this module: Hibernate's JBoss Logging because the
 * pom sets {@code org.jboss.logging.provider=jdk}, HikariCP's SLF4J through {@code slf4j-jdk14}.
 * The handler sits on the named loggers, so records reach it whatever the console handler does.
 */
public final class LogCapture implements AutoCloseable {
    private static final String[] LOGGERS = {"org.hibernate", "com.zaxxer.hikari"};

    private final List<LogRecord> records = new ArrayList<>();
    private final List<Logger> loggers = new ArrayList<>(); // strong references: JUL holds loggers weakly
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (records) {
                    records.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(handler);
            loggers.add(logger);
        }
    }

    /** The records at {@code level} or above, one line each: level, logger, message. */
    public List<String> atLeast(Level level) {
        synchronized (records) {
            return records.stream()
                    .filter(r -> r.getLevel().intValue() >= level.intValue())
                    .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + message(r)
                            + (r.getThrown() == null ? "" : " [" + r.getThrown() + "]"))
                    .collect(Collectors.toList());
        }
    }

    private static String message(LogRecord r) {
        String m = r.getMessage();
        Object[] params = r.getParameters();
        if (m != null && params != null && params.length > 0) {
            try {
                return java.text.MessageFormat.format(m, params);
            } catch (IllegalArgumentException e) {
                return m;
            }
        }
        return m;
    }

    @Override
    public void close() {
        for (Logger logger : loggers) {
            logger.removeHandler(handler);
        }
    }
}
