package io.github.camelawsevents.aws.scn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelawsevents.aws.core.AbstractAwsEventsConfiguration;
import io.github.camelawsevents.aws.core.AwsClientFactory;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.AbstractDeliveringEndpoint;
import io.github.camelawsevents.aws.core.delivery.DeliveryListener;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

/**
 * Send records to the AWS Supply Chain data lake as data integration events, in order per event group, idempotently,
 * with bounded concurrency.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aws-scn-event", title = "AWS Supply Chain Data Integration Event",
             syntax = "aws-scn-event:instanceId", producerOnly = true, category = { Category.CLOUD },
             headersClass = AwsScnEventConstants.class)
@ManagedResource(description = "AWS Supply Chain data integration event endpoint")
public class AwsScnEventEndpoint extends AbstractDeliveringEndpoint<SupplyChainAsyncClient, ScnDelivery>
        implements AsyncEndpoint, EndpointServiceLocation {

    @UriParam
    private AwsScnEventConfiguration configuration;


    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicInteger datasetLoadsConfirming = new AtomicInteger();
    /** The schemas of the datasets this endpoint's records were checked against (option recordCheck). */
    private final DatasetSchemas datasetSchemas = new DatasetSchemas(this::getClient);

    public AwsScnEventEndpoint(String uri, Component component, AwsScnEventConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new AwsScnEventProducer(this);
    }

    @Override
    public AwsScnEventComponent getComponent() {
        return (AwsScnEventComponent) super.getComponent();
    }

    public AwsScnEventConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AwsScnEventConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected AbstractAwsEventsConfiguration awsSettings() {
        return configuration;
    }

    @Override
    protected SupplyChainAsyncClient suppliedClient() {
        return configuration.getSupplyChainClient();
    }

    @Override
    protected SupplyChainAsyncClient buildClient() {
        return AwsClientFactory.buildAsync(SupplyChainAsyncClient.builder(), configuration,
                configuration.getMaxInFlightRequests(), deliveryThreads());
    }

    // one pipeline shared by all producers of the endpoint, so several .to() of it still keep one order per group
    @Override
    protected ScnDelivery newDelivery(SendHealthCheck healthCheck, DeliveryListener listener) {
        return new ScnDelivery(this, healthCheck, listener);
    }

    @Override
    protected String healthCheckId() {
        // the shape of Camel's own AWS producer checks and of aws-partner-events: producer:<scheme>-<endpoint id>
        return "producer:aws-scn-event-" + getId();
    }

    @Override
    protected String configurationProblem() {
        return getClient() == null ? "The AWS Supply Chain client is not started" : null;
    }

    @Override
    public String getServiceUrl() {
        if (configuration.isOverrideEndpoint()) {
            return configuration.getUriEndpointOverride();
        }
        return configuration.getRegion() != null ? "scn." + configuration.getRegion() + ".amazonaws.com" : null;
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    /** Requests to AWS in flight right now, over all producers of this endpoint. */
    @ManagedAttribute(description = "Requests to AWS in flight right now")
    public int getRequestsInFlight() {
        return requestsInFlight();
    }

    /** The most requests that were in flight at once since the first producer started; never above the bound. */
    @ManagedAttribute(description = "The most requests in flight at once")
    public int getPeakRequestsInFlight() {
        return peakRequestsInFlight();
    }

    /** Messages taken and not completed yet: waiting for their group's turn or a request slot, or in flight. */
    @ManagedAttribute(description = "Messages waiting for their group's turn or in flight")
    public int getMessagesPending() {
        return pendingExchanges();
    }

    /** Events waiting for their group's turn or for a request slot. */
    @ManagedAttribute(description = "Events waiting for their group's turn or a request slot")
    public int getEventsWaiting() {
        return waitingItems();
    }

    /** Events AWS accepted through this endpoint (repeats of an idempotency token included). */
    @ManagedAttribute(description = "Events AWS accepted")
    public long getEventsSent() {
        return eventsSent.get();
    }

    /** Dataset events accepted by AWS whose load is being confirmed now (confirmDatasetLoad). */
    @ManagedAttribute(description = "Dataset events whose load is being confirmed")
    public int getDatasetLoadsConfirming() {
        return datasetLoadsConfirming.get();
    }

    void datasetLoadConfirming(int delta) {
        datasetLoadsConfirming.addAndGet(delta);
    }

    /**
     * The dataset schemas read for the record check of scn.data.dataset events; {@link DatasetSchemas#forget} makes
     * the next event read a dataset's schema again.
     */
    public DatasetSchemas getDatasetSchemas() {
        return datasetSchemas;
    }

    /** Forgets the kept schema of a dataset (after its load failed for a schema reason); the next event reads it again. */
    @ManagedOperation(description = "Forget the kept schema of a dataset (by ARN), so the next event reads it again")
    public boolean forgetDatasetSchema(String datasetArn) {
        return datasetSchemas.forget(datasetArn);
    }

    void eventAccepted() {
        eventsSent.incrementAndGet();
    }
}
