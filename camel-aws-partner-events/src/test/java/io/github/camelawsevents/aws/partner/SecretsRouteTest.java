package io.github.camelawsevents.aws.partner;

import java.util.List;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys given in the endpoint URI never show in toString(), logs (at DEBUG) or exception messages. */
class SecretsRouteTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private static final String SESSION_TOKEN = "session-token-that-must-not-leak";

    @Test
    void secretsInTheUriAreMaskedEverywhere() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        String secret = emulator.secretKey();
        String accessKey = emulator.accessKey();
        String uri = "aws-partner-events:aws.partner/example.com/orders/created?detailType=OrderCreated"
                     + "&region=" + emulator.region() + "&overrideEndpoint=true&uriEndpointOverride="
                     + emulator.endpoint() + "&accessKey=RAW(" + accessKey + ")&secretKey=RAW(" + secret + ")"
                     + "&maxAttempts=1";
        List<String> lines;
        String endpointText;
        String configurationText;
        Exception failure;
        try (LogCapture logs = new LogCapture(); CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").routeId("send").to(uri);
                }
            });
            context.start();
            Exchange ok = context.createProducerTemplate().send("direct:send", e -> e.getMessage().setBody("{}"));
            assertThat(ok.getException()).isNull();
            emulator.faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
            Exchange failed = context.createProducerTemplate().send("direct:send", e -> e.getMessage().setBody("{}"));
            failure = failed.getException();
            Endpoint endpoint = context.getEndpoints().stream()
                    .filter(e -> e instanceof AwsPartnerEventsEndpoint).findFirst().orElseThrow();
            endpointText = endpoint.toString();
            configurationText = ((AwsPartnerEventsEndpoint) endpoint).getConfiguration().toString();
            context.stop();
            lines = logs.lines();
        }
        assertThat(emulator.partnerEvents().count()).as("the keys worked").isEqualTo(1);
        assertThat(failure).isNotNull();
        assertThat(endpointText).doesNotContain(secret).contains("secretKey=xxxxxx");
        assertThat(configurationText).doesNotContain(secret).doesNotContain(accessKey).contains("eventSource=");
        assertThat(failure.toString()).doesNotContain(secret);
        assertThat(lines).as("something was logged at DEBUG").hasSizeGreaterThan(10);
        assertThat(lines).noneMatch(l -> l.contains(secret));
        assertThat(lines).anyMatch(l -> l.contains("Started aws-partner-events producer"));
    }

    @Test
    void theSessionTokenIsMaskedToo() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        try (LogCapture logs = new LogCapture(); CamelContext context = new DefaultCamelContext()) {
            Endpoint endpoint = context.getEndpoint("aws-partner-events:aws.partner/example.com/orders/created"
                                                    + "?useSessionCredentials=true&accessKey=AKIA1234&secretKey="
                                                    + emulator.secretKey() + "&sessionToken=" + SESSION_TOKEN);
            assertThat(endpoint.toString()).doesNotContain(SESSION_TOKEN).doesNotContain(emulator.secretKey());
            assertThat(((AwsPartnerEventsEndpoint) endpoint).getConfiguration().toString())
                    .doesNotContain(SESSION_TOKEN).contains("session(accessKey=AKIA****)");
            assertThat(logs.lines()).noneMatch(l -> l.contains(SESSION_TOKEN));
        }
    }
}
