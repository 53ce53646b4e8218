package io.github.camelawsevents.runtimes.springboot;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;

import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.DETAIL_TYPE;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.ENTRIES_PER_REQUEST;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.INBOUND_ORDER;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.INBOUND_ORDERS;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.ORDER_EVENTS;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.assertInboundOrderStored;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.assertOrderEventsStored;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.component;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.componentOption;
import static io.github.camelawsevents.runtimes.scenario.OrderEventsScenario.orderEvents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the Camel Spring Boot application against the emulator and sends through both components: Supply Chain
 * configured from {@code application.yml}, partner events through the application's own EventBridge client bean,
 * autowired into the component.
 */
@SpringBootTest
@DirtiesContext
class CamelSpringBootEventsTest {

    /** Started before the Spring context, so its port can go into the context's properties. */
    private static final AwsEventsEmulator EMULATOR = AwsEventsEmulator.startDefault();

    @DynamicPropertySource
    static void emulatorProperties(DynamicPropertyRegistry registry) {
        String endpoint = EMULATOR.endpoint().toString();
        // the Supply Chain component builds its own client: point its options at the emulator
        registry.add("camel.component.aws-scn-event.use-default-credentials-provider", () -> "false");
        registry.add("camel.component.aws-scn-event.region", EMULATOR::region);
        registry.add("camel.component.aws-scn-event.access-key", EMULATOR::accessKey);
        registry.add("camel.component.aws-scn-event.secret-key", EMULATOR::secretKey);
        registry.add("camel.component.aws-scn-event.override-endpoint", () -> "true");
        registry.add("camel.component.aws-scn-event.uri-endpoint-override", () -> endpoint);
        // the partner-events component uses the application's client bean: point the bean at the emulator
        registry.add("app.eventbridge.region", EMULATOR::region);
        registry.add("app.eventbridge.endpoint-override", () -> endpoint);
        registry.add("app.eventbridge.access-key", EMULATOR::accessKey);
        registry.add("app.eventbridge.secret-key", EMULATOR::secretKey);
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Autowired
    CamelContext context;

    @Autowired
    FluentProducerTemplate producer;

    @Autowired
    EventBridgeAsyncClient eventBridgeClient;

    @BeforeEach
    void clearEmulator() {
        EMULATOR.reset();
    }

    @Test
    void componentsAreConfiguredFromApplicationYmlAndTheClientBeanIsAutowired() {
        // created by the routes from the jars' service files: nothing in the application registers them
        Component scn = component(context, "aws-scn-event", "io.github.camelawsevents.aws.scn.AwsScnEventComponent");
        Component partner = component(context, "aws-partner-events",
                "io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent");

        assertThat(componentOption(context, scn, "aws-scn-event", "region")).isEqualTo(EMULATOR.region());
        assertThat(componentOption(context, scn, "aws-scn-event", "uriEndpointOverride"))
                .isEqualTo(EMULATOR.endpoint().toString());
        assertThat(componentOption(context, partner, "aws-partner-events", "detailType")).isEqualTo(DETAIL_TYPE);
        assertThat(componentOption(context, partner, "aws-partner-events", "maxEntriesPerRequest"))
                .isEqualTo(ENTRIES_PER_REQUEST);
        // the one EventBridgeAsyncClient bean of the application, not a client the component built
        assertThat(componentOption(context, partner, "aws-partner-events", "eventBridgeClient"))
                .isSameAs(eventBridgeClient);
    }

    @Test
    void inboundOrderIsStoredAsOneSupplyChainEvent() {
        Exchange reply = producer.to(INBOUND_ORDERS).withBody(INBOUND_ORDER).send();

        assertInboundOrderStored(EMULATOR, reply);
    }

    @Test
    void orderEventsGoThroughTheAutowiredClientInBatchesOfTheConfiguredSize() {
        Exchange reply = producer.to(ORDER_EVENTS).withBody(orderEvents(12)).send();

        assertOrderEventsStored(EMULATOR, reply, 12);
    }
}
