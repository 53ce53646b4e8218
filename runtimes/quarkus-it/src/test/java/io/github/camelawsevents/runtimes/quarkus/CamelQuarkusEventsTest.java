package io.github.camelawsevents.runtimes.quarkus;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * Boots the Camel Quarkus application (JVM mode) against the emulator and sends through both components. The
 * components are plain jars on the classpath: Camel Quarkus finds them through their Jandex index and the service
 * files Camel's generator wrote, and configures them from {@code application.properties} alone.
 */
@QuarkusTest
@WithTestResource(EmulatorResource.class)
class CamelQuarkusEventsTest {

    @InjectEmulator
    AwsEventsEmulator emulator;

    @Inject
    CamelContext context;

    @Inject
    FluentProducerTemplate producer;

    @BeforeEach
    void clearEmulator() {
        emulator.reset();
    }

    @Test
    void componentsAreDiscoveredAndConfiguredFromApplicationProperties() {
        // created by the routes from the jars' service files: nothing in the application registers them
        Component scn = component(context, "aws-scn-event", "io.github.camelawsevents.aws.scn.AwsScnEventComponent");
        Component partner = component(context, "aws-partner-events",
                "io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent");

        // the generated configurers (no reflection) carried application.properties into the components
        assertThat(componentOption(context, scn, "aws-scn-event", "region")).isEqualTo(emulator.region());
        assertThat(componentOption(context, scn, "aws-scn-event", "uriEndpointOverride"))
                .isEqualTo(emulator.endpoint().toString());
        assertThat(componentOption(context, partner, "aws-partner-events", "detailType")).isEqualTo(DETAIL_TYPE);
        assertThat(componentOption(context, partner, "aws-partner-events", "maxEntriesPerRequest"))
                .isEqualTo(ENTRIES_PER_REQUEST);
    }

    @Test
    void inboundOrderIsStoredAsOneSupplyChainEvent() {
        Exchange reply = producer.to(INBOUND_ORDERS).withBody(INBOUND_ORDER).send();

        assertInboundOrderStored(emulator, reply);
    }

    @Test
    void orderEventsAreBatchedToTheEntryLimitFromApplicationProperties() {
        Exchange reply = producer.to(ORDER_EVENTS).withBody(orderEvents(12)).send();

        assertOrderEventsStored(emulator, reply, 12);
    }
}
