package io.github.camelawsevents.runtimes.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each runtime's application does and what the emulator must have stored afterwards: an inbound order sent
 * to AWS Supply Chain, and a batch of order events sent to a partner event bus. The applications name the same
 * instance, event source, endpoints and options in their own configuration (that configuration is what each
 * runtime test proves); this class holds only the expectations.
 */
public final class OrderEventsScenario {

    public static final String INSTANCE_ID = "3f2a9c1e-7b4d-4e8a-9c61-2d5b8e0f1a7c";
    public static final String EVENT_SOURCE = "aws.partner/example.com/orders/order-events";
    public static final String INBOUND_ORDERS = "direct:inbound-orders";
    public static final String ORDER_EVENTS = "direct:order-events";
    /** The DetailType and the entries-per-request limit the applications configure for aws-partner-events. */
    public static final String DETAIL_TYPE = "OrderEvent";
    public static final int ENTRIES_PER_REQUEST = 5;

    public static final String INBOUND_ORDER = "{\"id\":\"PO-1001\",\"tpartner_id\":\"SUP-42\",\"order_type\":\"PO\"}";

    private OrderEventsScenario() {
    }

    /** {@code count} order events, each a Map (the component serialises it as the entry's Detail). */
    public static List<Map<String, Object>> orderEvents(int count) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            details.add(Map.of("orderId", "SO-" + i, "status", "CREATED"));
        }
        return details;
    }

    /** The inbound order became exactly one Supply Chain event, whose id the route got back in its header. */
    public static void assertInboundOrderStored(AwsEventsEmulator emulator, Exchange reply) {
        assertThat(reply.getException()).isNull();
        List<ScnEvent> stored = emulator.supplyChain().events();
        assertThat(stored).hasSize(1);
        ScnEvent event = stored.get(0);
        assertThat(event.instanceId()).isEqualTo(INSTANCE_ID);
        assertThat(event.eventType()).isEqualTo("scn.data.inboundorder");
        assertThat(event.eventGroupId()).isEqualTo("inbound-orders");
        assertThat(event.data()).isEqualTo(INBOUND_ORDER);
        assertThat(reply.getMessage().getHeader("CamelAwsScnEventId", String.class)).isEqualTo(event.eventId());
    }

    /**
     * All {@code count} order events were stored, in PutPartnerEvents requests of at most
     * {@link #ENTRIES_PER_REQUEST} entries, with the configured source and DetailType, and the route got one event
     * id per entry back.
     */
    public static void assertOrderEventsStored(AwsEventsEmulator emulator, Exchange reply, int count) {
        assertThat(reply.getException()).isNull();
        List<PartnerEvent> stored = emulator.partnerEvents().events();
        assertThat(stored).hasSize(count);
        List<Integer> expectedBatches = new ArrayList<>();
        for (int left = count; left > 0; left -= ENTRIES_PER_REQUEST) {
            expectedBatches.add(Math.min(left, ENTRIES_PER_REQUEST));
        }
        // requests may run concurrently, so the emulator may receive them in any order
        assertThat(emulator.partnerEvents().batchSizes()).containsExactlyInAnyOrderElementsOf(expectedBatches);
        assertThat(stored).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(EVENT_SOURCE);
            assertThat(e.detailType()).isEqualTo(DETAIL_TYPE);
        });
        assertThat(stored).extracting(PartnerEvent::detail)
                .anySatisfy(d -> assertThat(d).contains("\"orderId\":\"SO-1\""))
                .anySatisfy(d -> assertThat(d).contains("\"orderId\":\"SO-" + count + "\""));
        @SuppressWarnings("unchecked")
        List<String> eventIds = reply.getMessage().getHeader("CamelAwsPartnerEventsEventIds", List.class);
        assertThat(eventIds).hasSize(count).doesNotContainNull()
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(PartnerEvent::eventId).toList());
    }

    /**
     * The component of {@code scheme}, created by the running application and of the expected class (so found
     * through the jar's service file, not registered by the application).
     */
    public static Component component(CamelContext context, String scheme, String expectedClass) {
        Component component = context.getComponent(scheme, false);
        assertThat(component).as(scheme).isNotNull();
        assertThat(component.getClass().getName()).isEqualTo(expectedClass);
        return component;
    }

    /** A component option's value, read through the component's generated configurer (as Camel binds it). */
    public static Object componentOption(CamelContext context, Component component, String scheme, String name) {
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer(scheme + "-component", context);
        assertThat(configurer).as("generated configurer of " + scheme).isInstanceOf(PropertyConfigurerGetter.class);
        return ((PropertyConfigurerGetter) configurer).getOptionValue(component, name, true);
    }
}
