package io.github.camelawsevents.aws.scn;

import java.util.Comparator;
import java.util.List;

import io.github.camelawsevents.aws.core.metrics.AbstractDeliveryConsole;
import io.github.camelawsevents.aws.core.metrics.EndpointSnapshot;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.util.URISupport;

/**
 * Camel dev console {@code aws-scn-event}: per endpoint, records accepted, failed (by error code) and retried,
 * requests, what is in flight and waiting, and the last errors. No payloads, no secrets (URIs are sanitized).
 */
@DevConsole(name = "aws-scn-event", displayName = "AWS Supply Chain Data Integration Events",
            description = "Records delivered and failed, requests in flight and events waiting, per endpoint")
public class AwsScnEventDevConsole extends AbstractDeliveryConsole {

    public AwsScnEventDevConsole() {
        super("aws-scn-event", "AWS Supply Chain Data Integration Events",
              "Records delivered and failed, requests in flight and events waiting, per endpoint");
    }

    @Override
    protected List<EndpointSnapshot> endpoints() {
        return getCamelContext().getEndpoints().stream()
                .filter(AwsScnEventEndpoint.class::isInstance).map(AwsScnEventEndpoint.class::cast)
                .map(e -> new EndpointSnapshot(URISupport.sanitizeUri(e.getEndpointUri()), e.isDelivering(),
                        e.getDeliveryStats(), e.getRequestsInFlight(), e.getMessagesPending(), e.getEventsWaiting(),
                        "events", "records"))
                .sorted(Comparator.comparing(EndpointSnapshot::uri))
                .toList();
    }
}
