package io.github.camelawsevents.aws.partner;

import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregation strategy in a real Aggregate EIP in front of the producer: one batch, one request. */
class AggregationRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders")
                        .aggregate(constant(true), new PartnerEventsAggregationStrategy(SOURCE, "OrderCreated"))
                        .completionTimeout(300)
                        .to("aws-partner-events:" + SOURCE)
                        .to("mock:sent");
                // as a YAML or XML route names it: the bean class, no arguments; the endpoint gives the members
                from("direct:beanClass")
                        .aggregate(constant(true), new PartnerEventsAggregationStrategy())
                        .completionTimeout(300)
                        .to("aws-partner-events:" + SOURCE + "?detailType=OrderCreated")
                        .to("mock:sent");
            }
        };
    }

    private static String detailOfBytes(int index, int bytes) {
        String head = "{\"i\":" + index + ",\"p\":\"";
        return head + "x".repeat(bytes - head.length() - 2) + "\"}";
    }

    @Test
    void theNoArgumentStrategyTakesSourceAndDetailTypeFromTheEndpointAtSendTime() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(3);
        for (int i = 0; i < 45; i++) {
            template.sendBody("direct:beanClass", Map.of("i", i));
        }
        sent.assertIsSatisfied();
        assertThat(sent.getExchanges()).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator().partnerEvents().count()).isEqualTo(45);
        assertThat(emulator().partnerEvents().events()).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo(SOURCE);
            assertThat(event.detailType()).isEqualTo("OrderCreated");
        });
        assertThat(emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrder(20, 20, 5);
    }

    @Test
    void fortyFiveMessagesBecomeRequestsOfTwentyTwentyAndFive() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(3);
        for (int i = 0; i < 45; i++) {
            template.sendBodyAndHeader("direct:orders", Map.of("i", i), AwsPartnerEventsConstants.RESOURCES,
                    "arn:aws:s3:::order-" + i);
        }
        sent.assertIsSatisfied();

        // batches are sent asynchronously as they complete: compare the multiset of sizes
        assertThat(emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrder(20, 20, 5);
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(3);
        List<PartnerEvent> events = emulator().partnerEvents().events();
        assertThat(events).extracting(EmulatorRouteTestSupport::indexOf)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 45).boxed().toList());
        for (PartnerEvent event : events) {
            assertThat(event.detailType()).isEqualTo("OrderCreated");
            assertThat(event.resources()).containsExactly("arn:aws:s3:::order-" + indexOf(event));
        }
        List<?> ids = sent.getExchanges().get(0).getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        assertThat(ids).hasSize(20).doesNotContainNull();
    }

    @Test
    void largeMessagesCloseTheBatchBeforeTheByteLimit() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(3);
        for (int i = 0; i < 5; i++) {
            template.sendBody("direct:orders", detailOfBytes(i, 100_000));
        }
        sent.assertIsSatisfied();
        assertThat(emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrder(2, 2, 1);
        assertThat(emulator().rejectedRequests()).isEmpty();
    }

    @Test
    void anInvalidMessageFailsAloneAndTheBatchGoesOn() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(1);
        template.sendBody("direct:orders", "{\"i\":0}");
        Exchange bad = template.send("direct:orders", e -> e.getMessage().setBody("{\"i\": nope"));
        template.sendBody("direct:orders", "{\"i\":2}");
        sent.assertIsSatisfied();

        // the Aggregate EIP wraps what the strategy threw
        assertThat(bad.getException()).hasCauseInstanceOf(FieldValidationException.class)
                .hasMessageContaining("Invalid Detail (entry 0)");
        assertThat(emulator().partnerEvents().events()).extracting(PartnerEvent::detail)
                .containsExactly("{\"i\":0}", "{\"i\":2}");
    }
}
