package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.core.AbstractAwsEventsConfiguration;
import io.github.camelawsevents.aws.core.AbstractAwsEventsEndpoint;
import io.github.camelawsevents.aws.core.AwsClientFactory;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;

/**
 * Send events to a customer's partner event bus with Amazon EventBridge PutPartnerEvents, batched to the API's
 * limits, retrying throttled entries and reporting every failed entry.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aws-partner-events", title = "AWS EventBridge Partner Events",
             syntax = "aws-partner-events:eventSource", producerOnly = true, category = { Category.CLOUD },
             headersClass = AwsPartnerEventsConstants.class)
public class AwsPartnerEventsEndpoint extends AbstractAwsEventsEndpoint<EventBridgeAsyncClient> implements AsyncEndpoint {

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
    protected EventBridgeAsyncClient buildClient() {
        return AwsClientFactory.buildAsync(EventBridgeAsyncClient.builder(), configuration,
                configuration.getMaxInFlightRequests());
    }
}
