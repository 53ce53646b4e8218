package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.testsupport.AbstractEndpointClientTest;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared region and client-lifecycle checks ({@link AbstractEndpointClientTest}) for aws-partner-events. */
class EndpointClientTest extends AbstractEndpointClientTest {

    static final String SOURCE = "aws.partner/example.com/orders/created";

    EndpointClientTest() {
        super("aws-partner-events:" + SOURCE + "?detailType=OrderCreated", "{\"ok\":1}", "eventBridgeClient");
    }

    @Override
    protected long storedEvents(AwsEventsEmulator emulator) {
        return emulator.partnerEvents().events().size();
    }

    @Override
    protected AwsClientBuilder<?, ?> clientBuilder() {
        return EventBridgeAsyncClient.builder();
    }

    @Override
    protected void sendWith(AutoCloseable client) throws Exception {
        var response = ((EventBridgeAsyncClient) client).putPartnerEvents(r -> r.entries(
                PutPartnerEventsRequestEntry.builder().source(SOURCE).detailType("OrderCreated").detail("{}").build()))
                .get();
        assertThat(response.failedEntryCount()).isZero();
    }
}
