package io.github.camelawsevents.aws.scn.dsl;

import io.github.camelawsevents.aws.core.dsl.AwsClientOptionsBuilder;
import io.github.camelawsevents.aws.core.dsl.ContextBoundComponentBuilder;
import io.github.camelawsevents.aws.scn.AwsScnEventComponent;
import io.github.camelawsevents.aws.scn.AwsScnEventConfiguration;
import io.github.camelawsevents.aws.scn.ClientTokenSource;
import io.github.camelawsevents.aws.scn.DatasetLoadTimeoutAction;
import io.github.camelawsevents.aws.scn.RecordCheckMode;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

/**
 * Component DSL for {@code aws-scn-event}, e.g.
 * {@code AwsScnEventComponentBuilderFactory.awsScnEvent().region("eu-west-1").register(context, "aws-scn-event")}.
 */
public interface AwsScnEventComponentBuilderFactory {

    /** A builder of the {@code aws-scn-event} component. */
    static AwsScnEventComponentBuilder awsScnEvent() {
        return new AwsScnEventComponentBuilderImpl();
    }

    /** The options of the {@code aws-scn-event} component; the shared AWS options come from the parent. */
    interface AwsScnEventComponentBuilder
            extends AwsClientOptionsBuilder<AwsScnEventComponent, AwsScnEventComponentBuilder> {

        /** The component configuration: the defaults of every endpoint (replaces the options set so far). */
        default AwsScnEventComponentBuilder configuration(AwsScnEventConfiguration configuration) {
            doSetProperty("configuration", configuration);
            return this;
        }

        /** The data event type, e.g. scn.data.inboundorder. */
        default AwsScnEventComponentBuilder eventType(String eventType) {
            doSetProperty("eventType", eventType);
            return this;
        }

        /** The event group (partition key), 1 to 255 characters. */
        default AwsScnEventComponentBuilder eventGroupId(String eventGroupId) {
            doSetProperty("eventGroupId", eventGroupId);
            return this;
        }

        /** The target dataset ARN, for eventType scn.data.dataset. */
        default AwsScnEventComponentBuilder datasetIdentifier(String datasetIdentifier) {
            doSetProperty("datasetIdentifier", datasetIdentifier);
            return this;
        }

        /** APPEND, UPSERT or DELETE, for eventType scn.data.dataset. */
        default AwsScnEventComponentBuilder operationType(String operationType) {
            doSetProperty("operationType", operationType);
            return this;
        }

        /** Keep the order of events per (instance, event type, event group); default true. */
        default AwsScnEventComponentBuilder preserveOrder(boolean preserveOrder) {
            doSetProperty("preserveOrder", preserveOrder);
            return this;
        }

        /** The most requests in flight per endpoint, and the client's open connections; default 64. */
        default AwsScnEventComponentBuilder maxInFlightRequests(int maxInFlightRequests) {
            doSetProperty("maxInFlightRequests", maxInFlightRequests);
            return this;
        }

        /** The most exchanges taken and not completed yet; the sender waits beyond; default 2048. */
        default AwsScnEventComponentBuilder maxPendingExchanges(int maxPendingExchanges) {
            doSetProperty("maxPendingExchanges", maxPendingExchanges);
            return this;
        }

        /** Whether records that arrive while their key's event is in flight go out together; default false. */
        default AwsScnEventComponentBuilder coalesceRecords(boolean coalesceRecords) {
            doSetProperty("coalesceRecords", coalesceRecords);
            return this;
        }

        /** Where the idempotency token comes from; default MESSAGE_ID. */
        default AwsScnEventComponentBuilder clientTokenSource(ClientTokenSource clientTokenSource) {
            doSetProperty("clientTokenSource", clientTokenSource);
            return this;
        }

        /** With clientTokenSource=EXPRESSION: the simple expression whose value identifies each message. */
        default AwsScnEventComponentBuilder clientTokenExpression(String clientTokenExpression) {
            doSetProperty("clientTokenExpression", clientTokenExpression);
            return this;
        }

        /** Check records against their target's schema before sending: OFF, WARN_UNKNOWN or STRICT; default OFF. */
        default AwsScnEventComponentBuilder recordCheck(RecordCheckMode recordCheck) {
            doSetProperty("recordCheck", recordCheck);
            return this;
        }

        /** Complete scn.data.dataset exchanges only when their load finished (GetDataIntegrationEvent); default false. */
        default AwsScnEventComponentBuilder confirmDatasetLoad(boolean confirmDatasetLoad) {
            doSetProperty("confirmDatasetLoad", confirmDatasetLoad);
            return this;
        }

        /** With confirmDatasetLoad: how long a load may take, in milliseconds; default 300000 (5 minutes). */
        default AwsScnEventComponentBuilder datasetLoadTimeout(long datasetLoadTimeout) {
            doSetProperty("datasetLoadTimeout", datasetLoadTimeout);
            return this;
        }

        /** With confirmDatasetLoad: FAIL or COMPLETE (with IN_PROGRESS) a load still running at the limit; default FAIL. */
        default AwsScnEventComponentBuilder datasetLoadTimeoutAction(DatasetLoadTimeoutAction datasetLoadTimeoutAction) {
            doSetProperty("datasetLoadTimeoutAction", datasetLoadTimeoutAction);
            return this;
        }

        /** With confirmDatasetLoad: the delay before the first load-status poll, in milliseconds; default 1000. */
        default AwsScnEventComponentBuilder datasetLoadPollInterval(long datasetLoadPollInterval) {
            doSetProperty("datasetLoadPollInterval", datasetLoadPollInterval);
            return this;
        }

        /** With confirmDatasetLoad: the longest delay between two load-status polls, in milliseconds; default 30000. */
        default AwsScnEventComponentBuilder datasetLoadMaxPollInterval(long datasetLoadMaxPollInterval) {
            doSetProperty("datasetLoadMaxPollInterval", datasetLoadMaxPollInterval);
            return this;
        }

        /** A client to use (never closed by the component). */
        default AwsScnEventComponentBuilder supplyChainClient(SupplyChainAsyncClient supplyChainClient) {
            doSetProperty("supplyChainClient", supplyChainClient);
            return this;
        }

        /** Whether the consumer health checks of this component are enabled (it has no consumers). */
        default AwsScnEventComponentBuilder healthCheckConsumerEnabled(boolean healthCheckConsumerEnabled) {
            doSetProperty("healthCheckConsumerEnabled", healthCheckConsumerEnabled);
            return this;
        }
    }

    /** Sets the options through the component's generated configurer, with the component's CamelContext. */
    class AwsScnEventComponentBuilderImpl extends ContextBoundComponentBuilder<AwsScnEventComponent>
            implements AwsScnEventComponentBuilder {

        public AwsScnEventComponentBuilderImpl() {
            super("aws-scn-event", AwsScnEventComponent::new);
        }
    }
}
