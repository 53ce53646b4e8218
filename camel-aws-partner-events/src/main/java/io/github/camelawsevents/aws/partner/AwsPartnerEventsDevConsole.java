package io.github.camelawsevents.aws.partner;

import java.util.Comparator;
import java.util.List;

import io.github.camelawsevents.aws.core.metrics.AbstractDeliveryConsole;
import io.github.camelawsevents.aws.core.metrics.EndpointSnapshot;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.util.URISupport;

/**
 * Camel dev console {@code aws-partner-events}: per endpoint, entries accepted, failed (by error code) and retried,
 * requests, what is in flight and waiting, and the last errors. No payloads, no secrets (URIs are sanitized).
 */
@DevConsole(name = "aws-partner-events", displayName = "AWS EventBridge Partner Events",
            description = "Entries delivered, failed and retried, requests in flight and entries waiting, per endpoint")
public class AwsPartnerEventsDevConsole extends AbstractDeliveryConsole {

    public AwsPartnerEventsDevConsole() {
        super("aws-partner-events", "AWS EventBridge Partner Events",
              "Entries delivered, failed and retried, requests in flight and entries waiting, per endpoint");
    }

    @Override
    protected List<EndpointSnapshot> endpoints() {
        return getCamelContext().getEndpoints().stream()
                .filter(AwsPartnerEventsEndpoint.class::isInstance).map(AwsPartnerEventsEndpoint.class::cast)
                .map(e -> new EndpointSnapshot(URISupport.sanitizeUri(e.getEndpointUri()), e.isDelivering(),
                        e.getDeliveryStats(), e.getRequestsInFlight(), e.getPendingExchanges(), e.getWaitingEntries(),
                        "entries", "entries"))
                .sorted(Comparator.comparing(EndpointSnapshot::uri))
                .toList();
    }
}
