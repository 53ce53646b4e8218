package io.github.camelawsevents.aws.partner.dsl;

import io.github.camelawsevents.aws.core.dsl.ContextBoundComponentBuilder;
import io.github.camelawsevents.aws.core.dsl.AwsClientOptionsBuilder;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsConfiguration;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;

/**
 * The component DSL of {@code aws-partner-events}, for {@code camel-componentdsl}:
 *
 * <pre>
 * AwsPartnerEventsComponentBuilderFactory.awsPartnerEvents()
 *         .region("eu-west-1")
 *         .detailType("OrderCreated")
 *         .register(context, "aws-partner-events");
 * </pre>
 */
public interface AwsPartnerEventsComponentBuilderFactory {

    /** A builder of the {@code aws-partner-events} component. */
    static AwsPartnerEventsComponentBuilder awsPartnerEvents() {
        return new AwsPartnerEventsComponentBuilderImpl();
    }

    /** The component's own options; the shared AWS options come from {@link AwsClientOptionsBuilder}. */
    interface AwsPartnerEventsComponentBuilder
            extends AwsClientOptionsBuilder<AwsPartnerEventsComponent, AwsPartnerEventsComponentBuilder> {

        /** The whole component configuration, the defaults of every endpoint. */
        default AwsPartnerEventsComponentBuilder configuration(AwsPartnerEventsConfiguration configuration) {
            doSetProperty("configuration", configuration);
            return this;
        }

        /** The DetailType of entries that set none (at most 128 characters). */
        default AwsPartnerEventsComponentBuilder detailType(String detailType) {
            doSetProperty("detailType", detailType);
            return this;
        }

        /** Comma-separated Resources (ARNs) of entries that set none. */
        default AwsPartnerEventsComponentBuilder resources(String resources) {
            doSetProperty("resources", resources);
            return this;
        }

        /** The most entries per PutPartnerEvents request, 1 to 20 (default 20). */
        default AwsPartnerEventsComponentBuilder maxEntriesPerRequest(int maxEntriesPerRequest) {
            doSetProperty("maxEntriesPerRequest", maxEntriesPerRequest);
            return this;
        }

        /** The request size limit in bytes (default 262144); requests stay strictly under it. */
        default AwsPartnerEventsComponentBuilder maxRequestSizeBytes(long maxRequestSizeBytes) {
            doSetProperty("maxRequestSizeBytes", maxRequestSizeBytes);
            return this;
        }

        /** How many times a retryable failed entry is sent again (default 3). */
        default AwsPartnerEventsComponentBuilder entryRetryAttempts(int entryRetryAttempts) {
            doSetProperty("entryRetryAttempts", entryRetryAttempts);
            return this;
        }

        /** The backoff before the first entry retry, in milliseconds (default 100). */
        default AwsPartnerEventsComponentBuilder entryRetryBackoff(long entryRetryBackoff) {
            doSetProperty("entryRetryBackoff", entryRetryBackoff);
            return this;
        }

        /** The backoff before the first entry retry, as a duration text such as {@code 200ms}. */
        default AwsPartnerEventsComponentBuilder entryRetryBackoff(String entryRetryBackoff) {
            doSetProperty("entryRetryBackoff", entryRetryBackoff);
            return this;
        }

        /** The largest backoff between entry retries, in milliseconds (default 5000). */
        default AwsPartnerEventsComponentBuilder entryRetryMaxBackoff(long entryRetryMaxBackoff) {
            doSetProperty("entryRetryMaxBackoff", entryRetryMaxBackoff);
            return this;
        }

        /** The largest backoff between entry retries, as a duration text such as {@code 5s}. */
        default AwsPartnerEventsComponentBuilder entryRetryMaxBackoff(String entryRetryMaxBackoff) {
            doSetProperty("entryRetryMaxBackoff", entryRetryMaxBackoff);
            return this;
        }

        /** Whether entries that finally failed fail the exchange (default true). */
        default AwsPartnerEventsComponentBuilder failOnPartialFailure(boolean failOnPartialFailure) {
            doSetProperty("failOnPartialFailure", failOnPartialFailure);
            return this;
        }

        /** Whether entries of concurrent exchanges share requests (default true). */
        default AwsPartnerEventsComponentBuilder batchAcrossExchanges(boolean batchAcrossExchanges) {
            doSetProperty("batchAcrossExchanges", batchAcrossExchanges);
            return this;
        }

        /** How long, in milliseconds, a request that is not full may wait for more entries (default 2). */
        default AwsPartnerEventsComponentBuilder lingerMs(long lingerMs) {
            doSetProperty("lingerMs", lingerMs);
            return this;
        }

        /** The most exchanges taken and not completed yet; the sender waits beyond (default 2048). */
        default AwsPartnerEventsComponentBuilder maxPendingExchanges(int maxPendingExchanges) {
            doSetProperty("maxPendingExchanges", maxPendingExchanges);
            return this;
        }

        /** The most requests in flight per endpoint, also the HTTP connection limit (default 32). */
        default AwsPartnerEventsComponentBuilder maxInFlightRequests(int maxInFlightRequests) {
            doSetProperty("maxInFlightRequests", maxInFlightRequests);
            return this;
        }

        /** A ready EventBridgeAsyncClient, used as is and never closed by the component. */
        default AwsPartnerEventsComponentBuilder eventBridgeClient(EventBridgeAsyncClient eventBridgeClient) {
            doSetProperty("eventBridgeClient", eventBridgeClient);
            return this;
        }

        /** Whether the consumer health checks of this component are enabled (it has no consumer). */
        default AwsPartnerEventsComponentBuilder healthCheckConsumerEnabled(boolean healthCheckConsumerEnabled) {
            doSetProperty("healthCheckConsumerEnabled", healthCheckConsumerEnabled);
            return this;
        }
    }

    /** Creates the component with its CamelContext, then sets the options through its generated configurer. */
    class AwsPartnerEventsComponentBuilderImpl extends ContextBoundComponentBuilder<AwsPartnerEventsComponent>
            implements AwsPartnerEventsComponentBuilder {

        public AwsPartnerEventsComponentBuilderImpl() {
            super("aws-partner-events", AwsPartnerEventsComponent::new);
        }
    }
}
