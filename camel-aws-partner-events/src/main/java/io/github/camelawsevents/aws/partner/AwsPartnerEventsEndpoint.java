package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.core.AbstractAwsEventsConfiguration;
import io.github.camelawsevents.aws.core.AbstractAwsEventsEndpoint;
import io.github.camelawsevents.aws.core.AwsClientFactory;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.DeliveryPipeline;
import io.github.camelawsevents.aws.core.delivery.SharedByProducers;
import io.github.camelawsevents.aws.core.metrics.DeliveryGauges;
import io.github.camelawsevents.aws.core.metrics.DeliveryStats;
import io.github.camelawsevents.aws.core.metrics.EndpointMetrics;
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
public class AwsPartnerEventsEndpoint extends AbstractAwsEventsEndpoint<EventBridgeAsyncClient> implements AsyncEndpoint {

    @UriParam
    private AwsPartnerEventsConfiguration configuration;

    // shared by the endpoint's producers, so entries of every route that sends here share requests
    private final SharedByProducers<PartnerDelivery> delivery = new SharedByProducers<>();
    private volatile SendHealthCheck healthCheck;
    // what the endpoint delivered since it was created (dev console); meters while the pipeline runs
    private final DeliveryStats deliveryStats = new DeliveryStats();
    private volatile EndpointMetrics metrics;

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

    /** The delivery pipeline, started by the first producer that starts. */
    PartnerDelivery startDelivery() {
        return delivery.acquire(() -> {
            SendHealthCheck check = new SendHealthCheck("producer:aws-partner-events-" + getId(),
                    this::configurationProblem);
            check.register(getCamelContext(), getComponent().isHealthCheckProducerEnabled());
            EndpointMetrics reporting = EndpointMetrics.start(getCamelContext(), "aws-partner-events",
                    getEndpointUri(), deliveryStats,
                    new DeliveryGauges(this::getRequestsInFlight, this::getPendingExchanges, this::getWaitingEntries));
            PartnerDelivery started = new PartnerDelivery(configuration, this::getClient, check, reporting);
            started.start(getCamelContext(), this);
            healthCheck = check;
            metrics = reporting;
            return started;
        }, quiesced -> {
            healthCheck.register(getCamelContext(), getComponent().isHealthCheckProducerEnabled());
            quiesced.pipeline().resume();
        });
    }

    /**
     * Quiesces the delivery pipeline when the last producer that uses it stops (see {@link DeliveryPipeline#quiesce}):
     * what is still open after the shutdown timeout goes on, and a producer that starts again resumes it.
     */
    void stopDelivery() {
        delivery.release(stopping -> {
            stopping.pipeline().quiesce(DeliveryPipeline.shutdownTimeout(getCamelContext()));
            healthCheck.unregister();
        });
    }

    /** Closes the delivery pipeline before the client closes: what is still open fails, saying so. */
    @Override
    protected void doStop() throws Exception {
        delivery.close(closing -> {
            closing.pipeline().close();
            healthCheck.unregister();
            metrics.close();
        });
        super.doStop();
    }

    /** What the endpoint delivered since it was created: counters and the last errors (for the dev console). */
    public DeliveryStats getDeliveryStats() {
        return deliveryStats;
    }

    /** Whether a producer uses the endpoint's delivery pipeline now. */
    public boolean isDelivering() {
        PartnerDelivery current = delivery.current();
        return current != null && current.pipeline().isAccepting();
    }

    /** Requests to AWS in flight right now. */
    @ManagedAttribute(description = "PutPartnerEvents requests in flight right now")
    public int getRequestsInFlight() {
        PartnerDelivery current = delivery.current();
        return current != null ? current.pipeline().requestsInFlight() : 0;
    }

    /** Exchanges the producers took and have not completed yet. */
    @ManagedAttribute(description = "Exchanges taken and not completed yet")
    public int getPendingExchanges() {
        PartnerDelivery current = delivery.current();
        return current != null ? current.pipeline().pendingExchanges() : 0;
    }

    /** Entries waiting for a request: not sent yet, or due for a retry. */
    @ManagedAttribute(description = "Entries waiting for a request")
    public int getWaitingEntries() {
        PartnerDelivery current = delivery.current();
        return current != null ? current.waitingEntries() : 0;
    }

    /** What keeps the producer from sending at all, for the health check; null when nothing does. */
    private String configurationProblem() {
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
                configuration.getMaxInFlightRequests());
    }
}
