package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetTargetConfiguration;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventResponse;
import software.amazon.awssdk.services.supplychain.model.ValidationException;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplyChainSendTest {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String INBOUND_ORDER = "{\"id\": \"inbound-order-id-test-123\", \"tpartner_id\": \"partner-id-test-123\"}";
    static final String DATASET_ARN = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
            + "/namespaces/default/datasets/my_dataset";
    static final String ASC_DATASET_ARN = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
            + "/namespaces/asc/datasets/inbound_order";

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

    static SendDataIntegrationEventRequest.Builder inboundOrder() {
        return SendDataIntegrationEventRequest.builder().instanceId(INSTANCE).eventType("scn.data.inboundorder")
                .eventGroupId("inboundOrderId").data(INBOUND_ORDER);
    }

    @Test
    void acceptsOneRecordAndStoresItAsSent() {
        SendDataIntegrationEventResponse response = scn.sendDataIntegrationEvent(inboundOrder().build());

        assertThat(response.eventId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        ScnEvent event = AWS.emulator().supplyChain().event(response.eventId()).orElseThrow();
        assertThat(event.instanceId()).isEqualTo(INSTANCE);
        assertThat(event.eventType()).isEqualTo("scn.data.inboundorder");
        assertThat(event.eventGroupId()).isEqualTo("inboundOrderId");
        assertThat(event.data()).isEqualTo(INBOUND_ORDER);
        assertThat(event.eventTimestamp()).isNull();
        assertThat(event.clientToken()).as("the SDK fills the idempotency token").hasSizeBetween(33, 126);
        assertThat(event.datasetIdentifier()).isNull();
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(AWS.emulator().stats().accepted(Api.SUPPLY_CHAIN)).isEqualTo(1);
    }

    @Test
    void acceptsAnArrayOfRecords() {
        String records = "[" + INBOUND_ORDER + "," + INBOUND_ORDER.replace("test-123", "test-124") + "]";
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().data(records).build()).eventId();
        assertThat(AWS.emulator().supplyChain().event(eventId).orElseThrow().data()).isEqualTo(records);
    }

    @Test
    void keepsTheEventTimestampWithItsFraction() {
        Instant timestamp = Instant.parse("2018-01-09T20:51:21.123Z");
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().eventTimestamp(timestamp).build()).eventId();
        assertThat(AWS.emulator().supplyChain().event(eventId).orElseThrow().eventTimestamp()).isEqualTo(timestamp);
    }

    @Test
    void acceptsADatasetEventWithItsTarget() {
        String eventId = scn.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventType("scn.data.dataset")
                .eventGroupId("g").data("{\"anything\":1,\"connection_id\":\"allowed outside asc\"}")
                .datasetTarget(t -> t.datasetIdentifier(DATASET_ARN).operationType("UPSERT"))).eventId();
        ScnEvent event = AWS.emulator().supplyChain().event(eventId).orElseThrow();
        assertThat(event.datasetIdentifier()).isEqualTo(DATASET_ARN);
        assertThat(event.operationType()).isEqualTo("UPSERT");
    }

    @Test
    void acceptsEachOfTheSixteenEventTypes() {
        for (String type : SupplyChainApi.EVENT_TYPES) {
            scn.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventType(type).eventGroupId("g").data("{\"a\":1}")
                    .datasetTarget(type.equals("scn.data.dataset")
                            ? DataIntegrationEventDatasetTargetConfiguration.builder().datasetIdentifier(DATASET_ARN)
                                    .operationType("APPEND").build()
                            : null));
        }
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(16);
    }

    @Test
    void acceptsTheAsyncClient() {
        try (SupplyChainAsyncClient async = SdkClients.supplyChainAsync(AWS.emulator())) {
            String eventId = async.sendDataIntegrationEvent(inboundOrder().build()).join().eventId();
            assertThat(AWS.emulator().supplyChain().event(eventId)).isPresent();
        }
    }

    @Test
    void recordsTheReceiptOrderPerInstanceTypeAndGroup() {
        String a1 = scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("A").data("{\"n\":1}").build()).eventId();
        String b1 = scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("B").data("{\"n\":2}").build()).eventId();
        String a2 = scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("A").data("{\"n\":3}").build()).eventId();
        scn.sendDataIntegrationEvent(inboundOrder().eventType("scn.data.shipment").eventGroupId("A").build());

        SupplyChainStore store = AWS.emulator().supplyChain();
        assertThat(store.events(INSTANCE, "scn.data.inboundorder", "A")).extracting(ScnEvent::eventId, ScnEvent::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a1, 1L), org.assertj.core.groups.Tuple.tuple(a2, 2L));
        assertThat(store.events(INSTANCE, "scn.data.inboundorder", "B")).extracting(ScnEvent::eventId).containsExactly(b1);
        assertThat(store.events()).hasSize(4);
        assertThat(store.countsByKey()).containsEntry(new ScnEventKey(INSTANCE, "scn.data.inboundorder", "A"), 2L)
                .containsEntry(new ScnEventKey(INSTANCE, "scn.data.inboundorder", "B"), 1L)
                .containsEntry(new ScnEventKey(INSTANCE, "scn.data.shipment", "A"), 1L);
    }

    @Test
    void acceptsDataOfExactlyTheMaximumLength() {
        String data = record(SupplyChainApi.DATA_MAX_LENGTH);
        assertThat(data).hasSize(1_048_576);
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().data(data).build()).eventId();
        assertThat(AWS.emulator().supplyChain().event(eventId).orElseThrow().data()).hasSize(1_048_576);
    }

    @Test
    void countsDataLengthInCodePointsAsSmithyDoes() {
        // 1,048,576 code points, but 1,048,578 UTF-16 chars: accepted
        String emoji = "\uD83D\uDE9A";
        String data = "{\"a\":\"" + emoji.repeat(2) + "x".repeat(SupplyChainApi.DATA_MAX_LENGTH - 10) + "\"}";
        assertThat(data.codePointCount(0, data.length())).isEqualTo(1_048_576);
        assertThat(data.length()).isEqualTo(1_048_578);
        scn.sendDataIntegrationEvent(inboundOrder().data(data).build());
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
    }

    static Stream<Arguments> invalidRequests() {
        String longGroup = "g".repeat(256);
        return Stream.of(
                invalid("instanceId not lower-case", b -> b.instanceId(INSTANCE.toUpperCase()), "instanceId"),
                invalid("instanceId not a UUID", b -> b.instanceId("my-instance"), "instanceId"),
                invalid("eventType unknown", b -> b.eventType("scn.data.nothing"), "eventType"),
                invalid("eventType missing", b -> b.eventType((String) null), "eventType"),
                invalid("data missing", b -> b.data(null), "'data'"),
                invalid("data empty", b -> b.data(""), "'data'"),
                invalid("data over 1,048,576 characters", b -> b.data(record(SupplyChainApi.DATA_MAX_LENGTH + 1)), "'data'"),
                invalid("data not JSON", b -> b.data("id=1"), "not valid JSON"),
                invalid("data a JSON string", b -> b.data("\"text\""), "a string"),
                invalid("data an array of numbers", b -> b.data("[1,2]"), "element 0"),
                invalid("data an empty array", b -> b.data("[]"), "at least one record"),
                invalid("data with trailing content", b -> b.data("{} {}"), "exactly one JSON value"),
                invalid("eventGroupId missing", b -> b.eventGroupId(null), "eventGroupId"),
                invalid("eventGroupId empty", b -> b.eventGroupId(""), "eventGroupId"),
                invalid("eventGroupId over 255 characters", b -> b.eventGroupId(longGroup), "eventGroupId"),
                invalid("clientToken of 32 characters", b -> b.clientToken("t".repeat(32)), "clientToken"),
                invalid("clientToken of 127 characters", b -> b.clientToken("t".repeat(127)), "clientToken"),
                invalid("datasetTarget missing for scn.data.dataset", b -> b.eventType("scn.data.dataset"), "datasetTarget"),
                invalid("datasetIdentifier not a dataset ARN", b -> b.eventType("scn.data.dataset")
                        .datasetTarget(t -> t.datasetIdentifier("arn:aws:s3:::bucket/key").operationType("APPEND")),
                        "datasetTarget.datasetIdentifier"),
                invalid("datasetIdentifier too short", b -> b.eventType("scn.data.dataset")
                        .datasetTarget(t -> t.datasetIdentifier("arn:aws:scn").operationType("APPEND")),
                        "datasetTarget.datasetIdentifier"),
                invalid("operationType unknown", b -> b.eventType("scn.data.dataset")
                        .datasetTarget(t -> t.datasetIdentifier(DATASET_ARN).operationType("MERGE")),
                        "datasetTarget.operationType"),
                invalid("operationType missing", b -> b.eventType("scn.data.dataset")
                        .datasetTarget(t -> t.datasetIdentifier(DATASET_ARN)), "datasetTarget.operationType"),
                invalid("connection_id in a fixed-type record", b -> b.data("{\"id\":\"1\",\"connection_id\":\"c\"}"),
                        "connection_id"),
                invalid("connection_id in the second record of an array",
                        b -> b.data("[{\"id\":\"1\"},{\"id\":\"2\",\"connection_id\":\"c\"}]"), "record 1"),
                invalid("connection_id for an asc dataset", b -> b.eventType("scn.data.dataset")
                        .data("{\"id\":\"1\",\"connection_id\":\"c\"}")
                        .datasetTarget(t -> t.datasetIdentifier(ASC_DATASET_ARN).operationType("UPSERT")), "connection_id"));
    }

    private static Arguments invalid(String name, Consumer<SendDataIntegrationEventRequest.Builder> change,
            String messagePart) {
        return Arguments.of(name, change, messagePart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsWithValidationException(String name, Consumer<SendDataIntegrationEventRequest.Builder> change,
            String messagePart) {
        SendDataIntegrationEventRequest.Builder request = inboundOrder();
        change.accept(request);

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(request.build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
                });
        assertThat(AWS.emulator().supplyChain().count()).isZero();
        assertThat(AWS.emulator().rejectedRequests()).singleElement().satisfies(r -> {
            assertThat(r.api()).isEqualTo("SendDataIntegrationEvent");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorType()).isEqualTo("ValidationException");
        });
        assertThat(AWS.emulator().stats().rejected(Api.SUPPLY_CHAIN)).isEqualTo(1);
    }

    @Test
    void reportsEveryViolatedConstraintInOneMessage() {
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().eventType("nope").eventGroupId("").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("2 validation errors detected")
                .hasMessageContaining("'eventType'")
                .hasMessageContaining("'eventGroupId'");
    }

    @Test
    void neverEchoesTheDataInAnError() {
        String secret = "{\"id\":\"1\",\"connection_id\":\"secret-value\"}";
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().data(secret).build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value"));
    }

    /** A JSON object of exactly {@code length} characters. */
    static String record(int length) {
        String prefix = "{\"id\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(length - prefix.length() - suffix.length()) + suffix;
    }
}
