package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.core.EndpointUnreachableException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.partner.dsl.AwsPartnerEventsComponentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator stops and starts again on the same port: while it is down every event fails saying the endpoint could
 * not be reached (naming it, never the credentials) and reaches the dead-letter channel; once it is back events are
 * delivered again.
 */
class OutageRouteTest extends CamelTestSupport {

    private static final String SOURCE = "aws.partner/example.com/orders/created";
    private static final int EVENTS = 6;

    private AwsEventsEmulator emulator;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        emulator = AwsEventsEmulator.builder().start();
        CamelContext context = super.createCamelContext();
        AwsPartnerEventsComponentBuilderFactory.awsPartnerEvents()
                .region(emulator.region())
                .accessKey(emulator.accessKey())
                .secretKey(emulator.secretKey())
                .overrideEndpoint(true)
                .uriEndpointOverride(emulator.endpoint().toString())
                .maxAttempts(3)
                .retryMaxBackoff(50)
                .register(context, "aws-partner-events");
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
                from("direct:events").routeId("events").to("aws-partner-events:" + SOURCE + "?detailType=OrderCreated");
            }
        };
    }

    private List<Exchange> sendEvents(String phase) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String body = "{\"order\":\"" + phase + "-" + i + "\"}";
            sent.add(template.asyncSend("direct:events", e -> e.getMessage().setBody(body)));
        }
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> f : sent) {
            done.add(f.get(60, TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void whileTheEndpointIsDownEventsSaySoAndDeliveryResumesWhenItIsBack() throws Exception {
        assertThat(sendEvents("before")).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator.partnerEvents().count()).isEqualTo(EVENTS);

        int port = emulator.port();
        String secret = emulator.secretKey();
        emulator.close();
        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letters");
        deadLetters.expectedMessageCount(EVENTS);

        sendEvents("during");

        deadLetters.assertIsSatisfied();
        for (Exchange dead : deadLetters.getExchanges()) {
            Exception caught = dead.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(caught).isInstanceOf(PartnerEventsFailedException.class)
                    .hasCauseInstanceOf(EndpointUnreachableException.class);
            assertThat(caught.getMessage())
                    .contains("EndpointUnreachableException")
                    .contains("Could not reach http://127.0.0.1:" + port + ": the connection was refused")
                    .doesNotContain("high request rate").doesNotContain("Acquire operation")
                    .doesNotContain(secret);
        }

        emulator = AwsEventsEmulator.builder().port(port).start();
        assertThat(sendEvents("after")).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator.partnerEvents().events()).hasSize(EVENTS)
                .allSatisfy(event -> assertThat(event.detail()).contains("after-"));
    }
}
