package io.github.camelawsevents.runtimes.karaf;

import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles import Camel packages from version 4.14 on, because camel-karaf 4.14.x is the newest camel-karaf
 * line. This runs both component jars, as built for Camel 4.18, on the Camel of camel-karaf 4.14.5 (Camel 4.14.5
 * jars on the class path: see the pom) against the emulator, so the import range is backed by a real run and not
 * only by package resolution.
 */
class CamelKarafLineCompatibilityTest {

    private static final String INSTANCE_ID = "3f2a9c1e-7b4d-4e8a-9c61-2d5b8e0f1a7c";
    private static final String EVENT_SOURCE = "aws.partner/example.com/orders/order-events";

    private static AwsEventsEmulator emulator;
    private static CamelContext context;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startCamel() throws Exception {
        emulator = AwsEventsEmulator.startDefault();
        context = new DefaultCamelContext();
        String aws = "region=" + emulator.region() + "&accessKey=RAW(" + emulator.accessKey() + ")&secretKey=RAW("
                     + emulator.secretKey() + ")&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:inbound-orders")
                        .to("aws-scn-event:" + INSTANCE_ID
                            + "?eventType=scn.data.inboundorder&eventGroupId=inbound-orders&" + aws);
                from("direct:order-events")
                        .to("aws-partner-events:" + EVENT_SOURCE + "?detailType=OrderEvent&" + aws);
            }
        });
        context.start();
        producer = context.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        if (context != null) {
            context.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void runsOnTheCamelOfTheNewestCamelKarafLine() {
        assertThat(context.getVersion()).isEqualTo(System.getProperty("camel-karaf.camel.version"));
    }

    @Test
    void supplyChainEventIsDelivered() {
        String order = "{\"id\":\"PO-1001\",\"tpartner_id\":\"SUP-42\"}";

        Exchange reply = producer.send("direct:inbound-orders", e -> e.getMessage().setBody(order));

        assertThat(reply.getException()).isNull();
        List<ScnEvent> stored = emulator.supplyChain().events(INSTANCE_ID, "scn.data.inboundorder", "inbound-orders");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).data()).isEqualTo(order);
        assertThat(reply.getMessage().getHeader("CamelAwsScnEventId", String.class))
                .isEqualTo(stored.get(0).eventId());
    }

    @Test
    void partnerEventsAreDelivered() {
        List<Map<String, Object>> details = List.of(Map.of("orderId", "SO-1"), Map.of("orderId", "SO-2"));

        Exchange reply = producer.send("direct:order-events", e -> e.getMessage().setBody(details));

        assertThat(reply.getException()).isNull();
        assertThat(emulator.partnerEvents().events())
                .filteredOn(e -> e.source().equals(EVENT_SOURCE))
                .extracting(PartnerEvent::detailType)
                .containsExactly("OrderEvent", "OrderEvent");
        assertThat(reply.getMessage().getHeader("CamelAwsPartnerEventsEventIds", List.class)).hasSize(2);
    }
}
