package io.github.camelawsevents.aws.partner;

import java.net.URI;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.testsupport.AbstractEndpointClientTest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared region and client-lifecycle checks ({@link AbstractEndpointClientTest}) for aws-partner-events. */
class EndpointClientTest extends AbstractEndpointClientTest {

    static final String SOURCE = "aws.partner/example.com/orders/created";

    @Override
    protected String uriWithoutRegion() {
        return "aws-partner-events:" + SOURCE + "?detailType=OrderCreated";
    }

    @Override
    protected Object body() {
        return "{\"ok\":1}";
    }

    @Override
    protected long storedEvents(AwsEventsEmulator emulator) {
        return emulator.partnerEvents().events().size();
    }

    @Override
    protected String clientOption() {
        return "eventBridgeClient";
    }

    @Override
    protected AutoCloseable newClient(AwsEventsEmulator emulator, String region) {
        return EventBridgeAsyncClient.builder()
                .region(Region.of(region))
                .endpointOverride(URI.create(emulator.endpoint().toString()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())))
                .build();
    }

    @Override
    protected void sendWith(AutoCloseable client) throws Exception {
        var response = ((EventBridgeAsyncClient) client).putPartnerEvents(r -> r.entries(
                PutPartnerEventsRequestEntry.builder().source(SOURCE).detailType("OrderCreated").detail("{}").build()))
                .get();
        assertThat(response.failedEntryCount()).isZero();
    }
}
