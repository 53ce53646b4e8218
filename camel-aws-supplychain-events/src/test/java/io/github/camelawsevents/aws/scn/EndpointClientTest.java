package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.testsupport.AbstractEndpointClientTest;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared region and client-lifecycle checks ({@link AbstractEndpointClientTest}) for aws-scn-event. */
class EndpointClientTest extends AbstractEndpointClientTest {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String RECORD = "{\"id\":\"o-1\",\"tpartner_id\":\"p\"}";

    EndpointClientTest() {
        super("aws-scn-event:" + INSTANCE + "?eventType=scn.data.inboundorder&eventGroupId=g", RECORD,
                "supplyChainClient");
    }

    @Override
    protected long storedEvents(AwsEventsEmulator emulator) {
        return emulator.stats().supplyChainEvents();
    }

    @Override
    protected AwsClientBuilder<?, ?> clientBuilder() {
        return SupplyChainAsyncClient.builder();
    }

    @Override
    protected void sendWith(AutoCloseable client) throws Exception {
        var response = ((SupplyChainAsyncClient) client).sendDataIntegrationEvent(r -> r.instanceId(INSTANCE)
                .eventType("scn.data.inboundorder").eventGroupId("g").data(RECORD)).get();
        assertThat(response.eventId()).isNotBlank();
    }
}
