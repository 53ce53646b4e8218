package io.github.camelawsevents.aws.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures every log event, at TRACE, while open. */
final class CapturedLogs implements AutoCloseable {

    /**
     * The AWS SDK's SigV4 signer logs the canonical request, which holds the session token header, at DEBUG. It is
     * the SDK's logger, not ours: the docs tell users to keep it at INFO.
     */
    static final String SDK_SIGNER_LOGGER = "software.amazon.awssdk.http.auth.aws.internal.signer";

    record Captured(String logger, Level level, String text) {
    }

    private final List<Captured> events = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Level previous;

    CapturedLogs() {
        appender = new AbstractAppender("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder text = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    text.append('\n').append(t);
                }
                events.add(new Captured(event.getLoggerName(), event.getLevel(), text.toString()));
            }
        };
        appender.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        previous = root.getLevel();
        root.addAppender(appender, Level.TRACE, null);
        root.setLevel(Level.TRACE);
        ctx.updateLoggers();
    }

    /** All captured text. */
    String text() {
        return text(e -> true);
    }

    /** Captured text of the events the filter keeps. */
    String text(Predicate<Captured> filter) {
        return events.stream().filter(filter).map(e -> e.level() + " " + e.logger() + " " + e.text())
                .collect(Collectors.joining("\n"));
    }

    /** Everything but the SDK signer's canonical-request lines. */
    String textOutsideSdkSigner() {
        return text(e -> !e.logger().startsWith(SDK_SIGNER_LOGGER));
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        root.setLevel(previous);
        appender.stop();
        ctx.updateLoggers();
    }
}
