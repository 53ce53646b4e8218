package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.ConflictException;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplyChainIdempotencyTest {

    static final String TOKEN = "token-0123456789-0123456789-0123456789";
    static final String OTHER_INSTANCE = "00000000-1111-2222-3333-444444444444";

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();

    static SupplyChainClient scn;

    @BeforeAll
    static void clients() {
        scn = SdkClients.supplyChain(AWS.emulator());
    }

    @AfterAll
    static void closeClients() {
        scn.close();
    }

    @Test
    void aRepeatedClientTokenAnswersTheFirstEventIdAndStoresNothingNew() {
        String first = scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).build()).eventId();
        String second = scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).build()).eventId();

        assertThat(second).isEqualTo(first);
        SupplyChainStore store = AWS.emulator().supplyChain();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.events()).hasSize(1);
        assertThat(store.events(INSTANCE, "scn.data.inboundorder", "inboundOrderId")).hasSize(1);
        assertThat(store.idempotentReplays()).isEqualTo(1);
        assertThat(AWS.emulator().stats().idempotentReplays()).isEqualTo(1);
        assertThat(AWS.emulator().stats().accepted(Api.SUPPLY_CHAIN)).isEqualTo(2);
    }

    @Test
    void aReplayWithTheSameExplicitTimestampIsStillAReplay() {
        Instant at = Instant.parse("2024-05-01T10:00:00.5Z");
        String first = scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).eventTimestamp(at).build()).eventId();
        String again = scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).eventTimestamp(at).build()).eventId();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theSameTokenWithADifferentPayloadIsAConflict() {
        scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).build());

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).data("{\"id\":\"other\"}").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
                });
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).eventGroupId("other").build()))
                .isInstanceOf(ConflictException.class);
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
        assertThat(AWS.emulator().supplyChain().idempotentReplays()).isZero();
    }

    @Test
    void tokensArePerInstance() {
        String a = scn.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).build()).eventId();
        String b = scn.sendDataIntegrationEvent(inboundOrder().instanceId(OTHER_INSTANCE).clientToken(TOKEN).build()).eventId();
        assertThat(b).isNotEqualTo(a);
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(2);
    }

    @Test
    void theSdkGeneratesAFreshTokenPerCallWhenNoneIsGiven() {
        scn.sendDataIntegrationEvent(inboundOrder().build());
        scn.sendDataIntegrationEvent(inboundOrder().build());
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithOneTokenStoreOneEvent() {
        try (SupplyChainAsyncClient async = SdkClients.supplyChainAsync(AWS.emulator())) {
            var futures = IntStream.range(0, 20)
                    .mapToObj(i -> async.sendDataIntegrationEvent(inboundOrder().clientToken(TOKEN).build()))
                    .toList();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            assertThat(futures.stream().map(f -> f.join().eventId()).distinct()).hasSize(1);
        }
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
        assertThat(AWS.emulator().supplyChain().idempotentReplays()).isEqualTo(19);
    }
}
