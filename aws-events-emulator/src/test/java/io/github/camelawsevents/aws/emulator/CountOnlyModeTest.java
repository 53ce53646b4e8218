package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.ConflictException;
import software.amazon.awssdk.services.supplychain.model.ResourceNotFoundException;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountOnlyModeTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().countOnly(true).idempotencyTokenCapacity(100));

    static SupplyChainClient scn;
    static EventBridgeClient events;

    @BeforeAll
    static void clients() {
        scn = SdkClients.supplyChain(AWS.emulator());
        events = SdkClients.eventBridge(AWS.emulator());
    }

    @AfterAll
    static void closeClients() {
        scn.close();
        events.close();
    }

    @Test
    void keepsCountersButNoPayloads() {
        for (int i = 0; i < 30; i++) {
            scn.sendDataIntegrationEvent(inboundOrder().eventGroupId(i % 3 == 0 ? "A" : "B").build());
        }
        events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entries(20)));
        events.putEvents(b -> b.entries(PutEventsTest.entries(4)));

        SupplyChainStore store = AWS.emulator().supplyChain();
        assertThat(store.isCountOnly()).isTrue();
        assertThat(store.count()).isEqualTo(30);
        assertThat(store.events()).isEmpty();
        assertThat(store.events(INSTANCE, "scn.data.inboundorder", "A")).isEmpty();
        assertThat(store.countsByKey()).containsEntry(new ScnEventKey(INSTANCE, "scn.data.inboundorder", "A"), 10L)
                .containsEntry(new ScnEventKey(INSTANCE, "scn.data.inboundorder", "B"), 20L);
        PartnerEventStore partner = AWS.emulator().partnerEvents();
        assertThat(partner.count()).isEqualTo(20);
        assertThat(partner.putEventsCount()).isEqualTo(4);
        assertThat(partner.events()).isEmpty();
        assertThat(partner.putEvents()).isEmpty();
        assertThat(partner.batchSizes()).isEmpty();
        assertThat(partner.requestCount()).isEqualTo(1);
        assertThat(AWS.emulator().stats().supplyChainEvents()).isEqualTo(30);
    }

    @Test
    void clientTokensStayIdempotent() {
        String token = "count-only-token-0123456789-0123456789";
        String first = scn.sendDataIntegrationEvent(inboundOrder().clientToken(token).build()).eventId();
        String again = scn.sendDataIntegrationEvent(inboundOrder().clientToken(token).build()).eventId();

        assertThat(again).isEqualTo(first);
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
        assertThat(AWS.emulator().supplyChain().idempotentReplays()).isEqualTo(1);
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().clientToken(token).data("{\"id\":2}").build()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void forgetsTheOldestTokensBeyondTheCapacity() {
        String firstToken = "capacity-token-000-0123456789-0123456789";
        scn.sendDataIntegrationEvent(inboundOrder().clientToken(firstToken).build());
        for (int i = 1; i <= 100; i++) {
            scn.sendDataIntegrationEvent(inboundOrder().clientToken(String.format("capacity-token-%03d-0123456789-0123456789", i)).build());
        }
        scn.sendDataIntegrationEvent(inboundOrder().clientToken(firstToken).build());
        assertThat(AWS.emulator().supplyChain().count()).as("the first token was forgotten").isEqualTo(102);
        scn.sendDataIntegrationEvent(inboundOrder().clientToken(firstToken).build());
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(102);
    }

    @Test
    void readOperationsFindNothing() {
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().build()).eventId();
        assertThatThrownBy(() -> scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventId(eventId)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE)).events()).isEmpty();
    }
}
