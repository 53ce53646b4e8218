package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.core.EndpointUnreachableException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.scn.dsl.AwsScnEventComponentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator stops and starts again on the same port: while it is down every message fails saying the endpoint
 * could not be reached (naming it, never the credentials) and reaches the dead-letter channel; once it is back every
 * event group delivers again.
 */
class OutageRouteTest extends CamelTestSupport {

    private static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    private static final List<String> GROUPS = List.of("PO-1", "PO-2", "PO-3", "PO-4");

    private AwsEventsEmulator emulator;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        emulator = AwsEventsEmulator.builder().start();
        CamelContext context = super.createCamelContext();
        AwsScnEventComponentBuilderFactory.awsScnEvent()
                .region(emulator.region())
                .accessKey(emulator.accessKey())
                .secretKey(emulator.secretKey())
                .overrideEndpoint(true)
                .uriEndpointOverride(emulator.endpoint().toString())
                // a few quick attempts, so that the outage is answered in a moment
                .maxAttempts(3)
                .retryMaxBackoff(50)
                .register(context, "aws-scn-event");
        return context;
    }

    @AfterEach
    void closeEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead-letters"));
                from("direct:records").routeId("records")
                        .to("aws-scn-event:" + INSTANCE + "?eventType=scn.data.inboundorder");
            }
        };
    }

    /** One record per group, sent at once; the exchanges as they completed. */
    private List<Exchange> sendToEveryGroup(String phase) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (String group : GROUPS) {
            sent.add(template.asyncSend("direct:records", e -> {
                e.getMessage().setBody("{\"id\":\"" + group + "-" + phase + "\"}");
                e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(AwsScnEventConstants.EVENT_GROUP_ID, group)));
            }));
        }
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> f : sent) {
            done.add(f.get(60, TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void whileTheEndpointIsDownMessagesSaySoAndEveryGroupResumesWhenItIsBack() throws Exception {
        assertThat(sendToEveryGroup("before")).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator.supplyChain().count()).isEqualTo(GROUPS.size());

        int port = emulator.port();
        String secret = emulator.secretKey();
        emulator.close();
        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letters");
        deadLetters.expectedMessageCount(GROUPS.size());

        sendToEveryGroup("during");

        deadLetters.assertIsSatisfied();
        for (Exchange dead : deadLetters.getExchanges()) {
            Exception caught = dead.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(caught).isInstanceOf(ScnEventDeliveryException.class)
                    .hasCauseInstanceOf(EndpointUnreachableException.class);
            assertThat(caught.getMessage())
                    .startsWith("Could not send event 1 of 1 of group ").doesNotContain("AWS did not accept")
                    .contains("Could not reach http://127.0.0.1:" + port + ": the connection was refused")
                    .contains("Nothing of the request reached it")
                    .doesNotContain("high request rate").doesNotContain("Acquire operation")
                    .doesNotContain(secret);
        }

        emulator = AwsEventsEmulator.builder().port(port).start();
        assertThat(sendToEveryGroup("after")).allSatisfy(e -> assertThat(e.getException()).isNull());
        for (String group : GROUPS) {
            assertThat(emulator.supplyChain().events(INSTANCE, "scn.data.inboundorder", group))
                    .as("group %s after the outage", group).singleElement()
                    .satisfies(event -> assertThat(event.data()).contains(group + "-after"));
        }
    }
}
