package io.github.camelawsevents.aws.kamelets;

import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * What Camel (at INFO, its production level) and the components (at DEBUG) log while it is open, messages and
 * stack traces, so a test can assert a secret never appears in it. Camel itself at DEBUG prints resolved property
 * values, Kamelet parameters included (DefaultPropertiesParser, DefaultCamelContextExtension "Resolved text"), and
 * the AWS SDK's wire and signer loggers at DEBUG print request details: the README says to keep those at INFO.
 */
final class CapturedLog implements AutoCloseable {

    private static final Map<String, Level> LOGGERS = Map.of(
            "org.apache.camel", Level.INFO,
            "io.github.camelawsevents", Level.DEBUG);

    private final StringBuffer text = new StringBuffer();
    private final AbstractAppender appender;
    private final LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);

    private CapturedLog() {
        appender = new AbstractAppender("captured", null,
                PatternLayout.newBuilder().withPattern("%p %c - %m%n%throwable").build(), true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                text.append(getLayout().toSerializable(event));
            }
        };
        appender.start();
        Configuration config = loggerContext.getConfiguration();
        LOGGERS.forEach((name, level) -> {
            LoggerConfig logger = new LoggerConfig(name, level, true);
            logger.addAppender(appender, level, null);
            config.addLogger(name, logger);
        });
        loggerContext.updateLoggers();
    }

    static CapturedLog start() {
        return new CapturedLog();
    }

    String text() {
        return text.toString();
    }

    @Override
    public void close() {
        Configuration config = loggerContext.getConfiguration();
        LOGGERS.keySet().forEach(config::removeLogger);
        loggerContext.updateLoggers();
        appender.stop();
    }
}
