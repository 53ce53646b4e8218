package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.core.AbstractAwsEventsConfiguration;
import io.github.camelawsevents.aws.core.AwsClientFactory;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.AbstractDeliveringEndpoint;
import io.github.camelawsevents.aws.core.delivery.DeliveryListener;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Send events to a customer's partner event bus with Amazon EventBridge PutPartnerEvents: entries of concurrent
 * exchanges share requests up to the API's limits, throttled entries are retried, and every exchange gets its own
 * outcome.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aws-partner-events", title = "AWS EventBridge Partner Events",
             syntax = "aws-partner-events:eventSource", producerOnly = true, category = { Category.CLOUD },
             headersClass = AwsPartnerEventsConstants.class)
@ManagedResource(description = "AWS EventBridge partner events endpoint")
public class AwsPartnerEventsEndpoint extends AbstractDeliveringEndpoint<EventBridgeAsyncClient, PartnerDelivery>
        implements AsyncEndpoint {

    @UriParam
    private AwsPartnerEventsConfiguration configuration;

    public AwsPartnerEventsEndpoint(String uri, AwsPartnerEventsComponent component,
                                    AwsPartnerEventsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public AwsPartnerEventsComponent getComponent() {
        return (AwsPartnerEventsComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new AwsPartnerEventsProducer(this);
    }

    public AwsPartnerEventsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AwsPartnerEventsConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected AbstractAwsEventsConfiguration awsSettings() {
        return configuration;
    }

    @Override
    protected EventBridgeAsyncClient suppliedClient() {
        return configuration.getEventBridgeClient();
    }

    @Override
    protected PartnerDelivery newDelivery(SendHealthCheck healthCheck, DeliveryListener listener) {
        return new PartnerDelivery(configuration, this::getClient, healthCheck, listener);
    }

    @Override
    protected String healthCheckId() {
        return "producer:aws-partner-events-" + getId();
    }

    /** Requests to AWS in flight right now. */
    @ManagedAttribute(description = "PutPartnerEvents requests in flight right now")
    public int getRequestsInFlight() {
        return requestsInFlight();
    }

    /** The most requests that were in flight at once since the first producer started; never above the bound. */
    @ManagedAttribute(description = "The most PutPartnerEvents requests in flight at once")
    public int getPeakRequestsInFlight() {
        return peakRequestsInFlight();
    }

    /** Exchanges the producers took and have not completed yet. */
    @ManagedAttribute(description = "Exchanges taken and not completed yet")
    public int getPendingExchanges() {
        return pendingExchanges();
    }

    /** Entries waiting for a request: not sent yet, or due for a retry. */
    @ManagedAttribute(description = "Entries waiting for a request")
    public int getWaitingEntries() {
        return waitingItems();
    }

    @Override
    protected String configurationProblem() {
        if (getClient() == null) {
            return "The endpoint has no EventBridge client";
        }
        String region = configuration.getRegion();
        if (configuration.getEventBridgeClient() == null && !configuration.isOverrideEndpoint() && region != null
                && !region.isBlank() && !EventBridgeClient.serviceMetadata().regions().contains(Region.of(region))) {
            return "EventBridge is not available in region " + region;
        }
        return null;
    }

    @Override
    protected EventBridgeAsyncClient buildClient() {
        return AwsClientFactory.buildAsync(EventBridgeAsyncClient.builder(), configuration,
                configuration.getMaxInFlightRequests(), deliveryThreads());
    }
}
