package io.github.camelawsevents.aws.scn;

import java.io.StringWriter;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** With DEBUG logging on, a whole life cycle (start, send, failure, stop) logs no secret and no record data. */
class SecretsInLogsRouteTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private static final String RECORD_VALUE = "confidential-partner-terms";

    @Test
    void noSecretOrRecordDataIsLogged() throws Exception {
        AwsEventsEmulator emu = EMULATOR.emulator();
        String uri = EmulatorRouteTestSupport.SCN + "?eventType=scn.data.inboundorder&eventGroupId=g&maxAttempts=1"
                     + "&region=" + emu.region() + "&accessKey=RAW(" + emu.accessKey() + ")&secretKey=RAW("
                     + emu.secretKey() + ")&overrideEndpoint=true&uriEndpointOverride=" + emu.endpoint();
        String logged;
        StringWriter out = new StringWriter();
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        WriterAppender appender = WriterAppender.newBuilder().setName("secrets-capture").setTarget(out)
                .setLayout(PatternLayout.newBuilder().withPattern("%level %c %msg %ex%n").build()).build();
        appender.start();
        LoggerConfig root = logs.getConfiguration().getRootLogger();
        Level previous = root.getLevel();
        root.addAppender(appender, Level.DEBUG, null);
        root.setLevel(Level.DEBUG);
        logs.updateLoggers();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            context.start();
            String body = "{\"id\":\"o-1\",\"terms\":\"" + RECORD_VALUE + "\"}";
            context.createProducerTemplate().send("direct:in", e -> e.getMessage().setBody(body));
            emu.faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
            context.createProducerTemplate().send("direct:in", e -> e.getMessage().setBody(body));
            emu.faults().clear();
        } finally {
            root.removeAppender(appender.getName());
            root.setLevel(previous);
            logs.updateLoggers();
            appender.stop();
            logged = out.toString();
        }
        assertThat(emu.supplyChain().count()).isEqualTo(1);
        assertThat(logged).contains("Sending event 1/1").contains("Started aws-scn-event producer");
        assertThat(logged).doesNotContain(emu.secretKey()).doesNotContain(RECORD_VALUE);
        assertThat(logged).doesNotContain("accessKey=" + emu.accessKey());
    }
}
