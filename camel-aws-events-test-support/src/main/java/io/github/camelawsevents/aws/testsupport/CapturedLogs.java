package io.github.camelawsevents.aws.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log event of every logger (Log4j 2, the tests' SLF4J backend) from a level up while open: the
 * message, the MDC, and each thrown exception with its whole stack trace and causes. Closing restores the levels.
 */
public final class CapturedLogs implements AutoCloseable {

    /**
     * The AWS SDK's SigV4 signer logs the canonical request, which holds the {@code x-amz-security-token} header,
     * at DEBUG. It is the SDK's logger, not ours; the component docs tell users to keep it at INFO or above.
     */
    public static final String SDK_SIGNER_LOGGER = "software.amazon.awssdk.http.auth.aws.internal.signer";

    /** One captured event. */
    public record Captured(String logger, Level level, String text) {
        @Override
        public String toString() {
            return level + " " + logger + " " + text;
        }
    }

    private final List<Captured> events = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Map<String, Level> previous = new HashMap<>();

    /** Captures everything, at TRACE. */
    public CapturedLogs() {
        this(Level.TRACE);
    }

    /** Captures from {@code level} up (TRACE for everything). */
    public CapturedLogs(Level level) {
        appender = new AbstractAppender("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder text = new StringBuilder(event.getMessage().getFormattedMessage());
                if (!event.getContextData().isEmpty()) {
                    text.append(" MDC").append(event.getContextData().toMap());
                }
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append('\n').append(trace);
                }
                events.add(new Captured(event.getLoggerName(), event.getLevel(), text.toString()));
            }
        };
        appender.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = ctx.getConfiguration();
        // every configured logger (the root and any other) to the level, with our appender
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            previous.put(logger.getName(), logger.getLevel());
            logger.addAppender(appender, level, null);
            logger.setLevel(level);
        }
        LoggerConfig root = configuration.getRootLogger();
        if (!previous.containsKey(root.getName())) {
            previous.put(root.getName(), root.getLevel());
            root.addAppender(appender, level, null);
            root.setLevel(level);
        }
        ctx.updateLoggers();
    }

    /** Every event captured so far. */
    public List<Captured> events() {
        return List.copyOf(events);
    }

    /** All captured events, one per line. */
    public String text() {
        return text(e -> true);
    }

    /** Captured events the filter keeps, one per line. */
    public String text(Predicate<Captured> filter) {
        return events.stream().filter(filter).map(Captured::toString).collect(Collectors.joining("\n"));
    }

    /** Everything but the SDK signer's canonical-request lines ({@value #SDK_SIGNER_LOGGER}). */
    public String textOutsideSdkSigner() {
        return text(e -> !e.logger().startsWith(SDK_SIGNER_LOGGER));
    }

    /** The events whose text contains any of the needles. */
    public List<Captured> containing(List<String> needles) {
        return events.stream().filter(e -> needles.stream().anyMatch(e.text()::contains)).toList();
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = ctx.getConfiguration();
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            logger.removeAppender(appender.getName());
            if (previous.containsKey(logger.getName())) {
                logger.setLevel(previous.get(logger.getName()));
            }
        }
        LoggerConfig root = configuration.getRootLogger();
        root.removeAppender(appender.getName());
        if (previous.containsKey(root.getName())) {
            root.setLevel(previous.get(root.getName()));
        }
        appender.stop();
        ctx.updateLoggers();
    }
}
