package io.github.camelawsevents.aws.kamelets;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML route {@code to: kamelet:aws-partner-events-sink?...} (routes/partner-events.yaml) against the emulator:
 * the Kamelet from this module's {@code kamelets/} directory, run by camel-kamelet and camel-yaml-dsl.
 */
class PartnerEventsSinkKameletTest {

    static final String ACCESS_KEY = "AKIAKAMELETPARTNER00";
    static final String SECRET_KEY = "kamelet-partner-secret-4Xq9";

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().credentials(ACCESS_KEY, SECRET_KEY));

    private CapturedLog log;
    private CamelContext context;

    @BeforeEach
    void startRoutes() throws Exception {
        log = CapturedLog.start();
        context = YamlRoutes.start(EMULATOR.emulator(), Map.of(), "routes/partner-events.yaml");
    }

    @AfterEach
    void stopRoutes() throws Exception {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            log.close();
        }
    }

    @Test
    void eventsAreStoredWithTheKameletsSourceDetailTypeAndResourcesInBatchesOfTheConfiguredSize() {
        List<String> orders = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "{\"orderId\":\"SO-" + i + "\",\"total\":" + (i * 10) + "}")
                .toList();

        Exchange reply = context.createFluentProducerTemplate().to("direct:order-events").withBody(orders).send();

        assertThat(reply.getException()).isNull();
        List<PartnerEvent> stored = EMULATOR.emulator().partnerEvents().events();
        assertThat(stored).hasSize(5).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo("aws.partner/example.com/orders/order-events");
            assertThat(event.detailType()).isEqualTo("OrderCreated");
            assertThat(event.resources()).containsExactly("arn:aws:events:us-east-1:123456789012:event-bus/orders");
        });
        // maxEntriesPerRequest=2 reached the component (the three requests may run concurrently)
        assertThat(EMULATOR.emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrder(2, 2, 1);
        // the component's reply header comes back out of the Kamelet: event ids in input order
        Map<String, String> idByDetail = stored.stream()
                .collect(Collectors.toMap(PartnerEvent::detail, PartnerEvent::eventId));
        assertThat(reply.getMessage().getHeader("CamelAwsPartnerEventsEventIds", List.class))
                .containsExactlyElementsOf(orders.stream().map(idByDetail::get).toList());
    }

    @Test
    void theComponentsHeadersPassThroughTheKameletAndOverrideItsSettingsPerMessage() {
        Exchange reply = context.createFluentProducerTemplate().to("direct:order-events")
                .withHeader("CamelAwsPartnerEventsDetailType", "OrderShipped")
                .withBody("{\"orderId\":\"SO-9\"}")
                .send();

        assertThat(reply.getException()).isNull();
        assertThat(EMULATOR.emulator().partnerEvents().events()).singleElement()
                .satisfies(event -> assertThat(event.detailType()).isEqualTo("OrderShipped"));
    }

    @Test
    void theSecretKeyAndAccessKeyAreNeverLogged() {
        Exchange reply = context.createFluentProducerTemplate().to("direct:order-events")
                .withBody("{\"orderId\":\"SO-1\"}").send();
        assertThat(reply.getException()).isNull();
        context.stop();

        // from route start to stop: Camel at INFO, the components at DEBUG (which describe the credentials masked)
        assertThat(log.text()).contains("credentials=static(accessKey=AKIA****)").doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY);
    }
}
