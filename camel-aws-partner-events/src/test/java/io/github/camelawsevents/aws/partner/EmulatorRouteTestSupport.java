package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Route tests against the emulator: the component is configured on the CamelContext with the emulator's endpoint,
 * region and keys, as a user would configure it for AWS. Each test class registers its own emulator extension.
 */
abstract class EmulatorRouteTestSupport extends CamelTestSupport {

    static final String SOURCE = "aws.partner/example.com/orders/created";
    static final String URI = "aws-partner-events:" + SOURCE + "?detailType=OrderCreated";

    /** The emulator of the concrete test class. */
    protected abstract AwsEventsEmulator emulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        AwsPartnerEventsComponent component = new AwsPartnerEventsComponent();
        configure(component.getConfiguration());
        context.addComponent("aws-partner-events", component);
        return context;
    }

    /** Points a configuration at the emulator, with quick entry retries. */
    protected void configure(AwsPartnerEventsConfiguration configuration) {
        AwsEventsEmulator emulator = emulator();
        configuration.setRegion(emulator.region());
        configuration.setOverrideEndpoint(true);
        configuration.setUriEndpointOverride(emulator.endpoint().toString());
        configuration.setAccessKey(emulator.accessKey());
        configuration.setSecretKey(emulator.secretKey());
        configuration.setEntryRetryBackoff(5);
        configuration.setEntryRetryMaxBackoff(20);
    }

    /** The emulator's stored events by EventId. */
    protected Map<String, PartnerEvent> eventsById() {
        return emulator().partnerEvents().events().stream()
                .collect(Collectors.toMap(PartnerEvent::eventId, Function.identity()));
    }

    /** Details {@code {"i":0} ... {"i":n-1}}. */
    protected static List<String> indexedDetails(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add("{\"i\":" + i + "}");
        }
        return out;
    }

    /** The {@code i} of an indexed Detail. */
    protected static int indexOf(PartnerEvent event) {
        JsonNode node = Json.parse(event.detail(), "Detail", -1);
        return node.get("i").asInt();
    }
}
