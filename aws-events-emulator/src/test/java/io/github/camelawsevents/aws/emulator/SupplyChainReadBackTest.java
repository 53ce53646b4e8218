package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEvent;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetLoadStatus;
import software.amazon.awssdk.services.supplychain.model.ListDataIntegrationEventsResponse;
import software.amazon.awssdk.services.supplychain.model.ResourceNotFoundException;
import software.amazon.awssdk.services.supplychain.model.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.DATASET_ARN;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplyChainReadBackTest {

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
    void getDataIntegrationEventReturnsTheEventAsTheSdkModelsIt() {
        Instant at = Instant.parse("2018-01-09T20:51:21.123Z");
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().eventTimestamp(at).build()).eventId();

        DataIntegrationEvent event = scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventId(eventId)).event();

        assertThat(event.instanceId()).isEqualTo(INSTANCE);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.eventTypeAsString()).isEqualTo("scn.data.inboundorder");
        assertThat(event.eventGroupId()).isEqualTo("inboundOrderId");
        assertThat(event.eventTimestamp()).isEqualTo(at);
        assertThat(event.datasetTargetDetails()).isNull();
        assertThat(AWS.emulator().stats().readRequests()).isEqualTo(1);
    }

    @Test
    void anEventWithoutTimestampReportsTheTimeItWasReceived() {
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().build()).eventId();
        DataIntegrationEvent event = scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventId(eventId)).event();
        ScnEvent stored = AWS.emulator().supplyChain().event(eventId).orElseThrow();
        assertThat(event.eventTimestamp()).isEqualTo(stored.receivedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aDatasetEventReportsItsTargetAndLoadStatus() {
        String eventId = scn.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventType("scn.data.dataset")
                .eventGroupId("g").data("{\"a\":1}")
                .datasetTarget(t -> t.datasetIdentifier(DATASET_ARN).operationType("DELETE"))).eventId();

        DataIntegrationEvent event = scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventId(eventId)).event();

        assertThat(event.datasetTargetDetails().datasetIdentifier()).isEqualTo(DATASET_ARN);
        assertThat(event.datasetTargetDetails().operationTypeAsString()).isEqualTo("DELETE");
        assertThat(event.datasetTargetDetails().datasetLoadExecution().status())
                .isEqualTo(DataIntegrationEventDatasetLoadStatus.SUCCEEDED);
    }

    @Test
    void anUnknownEventIsResourceNotFound() {
        assertThatThrownBy(() -> scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE)
                .eventId("0a1b2c3d-0000-4000-8000-00000000abcd")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().build()).eventId();
        assertThatThrownBy(() -> scn.getDataIntegrationEvent(b -> b.instanceId(SupplyChainIdempotencyTest.OTHER_INSTANCE)
                .eventId(eventId))).as("an event of another instance").isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anEventIdOutsideTheUuidPatternIsAValidationException() {
        assertThatThrownBy(() -> scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventId("no-such-event")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                            + "'no-such-event' at 'eventId' failed to satisfy constraint: Member must satisfy regular "
                            + "expression pattern: [a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");
                });
        assertThatThrownBy(() -> scn.getDataIntegrationEvent(b -> b.instanceId("NOT-A-UUID")
                .eventId("0A1B2C3D-0000-4000-8000-00000000ABCD")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("2 validation errors detected: Value 'NOT-A-UUID' at 'instanceId'")
                        .contains("Value '0A1B2C3D-0000-4000-8000-00000000ABCD' at 'eventId'"));
    }

    @Test
    void listDataIntegrationEventsPagesThroughTheEventsInReceiptOrder() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("g" + i).build()).eventId());
        }
        scn.sendDataIntegrationEvent(inboundOrder().eventType("scn.data.shipment").build());

        ListDataIntegrationEventsResponse first = scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE)
                .eventType("scn.data.inboundorder"));
        assertThat(first.events()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();

        List<String> listed = scn.listDataIntegrationEventsPaginator(b -> b.instanceId(INSTANCE)
                        .eventType("scn.data.inboundorder").maxResults(7))
                .events().stream().map(DataIntegrationEvent::eventId).toList();
        assertThat(listed).containsExactlyElementsOf(sent);
        assertThat(scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE).maxResults(20)).events()).hasSize(20);
        assertThat(scn.listDataIntegrationEvents(b -> b.instanceId(SupplyChainIdempotencyTest.OTHER_INSTANCE)).events())
                .isEmpty();
    }

    @Test
    void listRejectsAMaxResultsOutsideItsRangeAndAForeignToken() {
        assertThatThrownBy(() -> scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE).maxResults(21)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE).nextToken("bogus")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextToken");
    }
}
