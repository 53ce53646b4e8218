package io.github.camelawsevents.aws.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.ConflictException;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetLoadExecutionDetails;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetLoadStatus;
import software.amazon.awssdk.services.supplychain.model.DataLakeDataset;
import software.amazon.awssdk.services.supplychain.model.DataLakeDatasetSchemaField;
import software.amazon.awssdk.services.supplychain.model.DataLakeDatasetSchemaFieldType;
import software.amazon.awssdk.services.supplychain.model.ResourceNotFoundException;
import software.amazon.awssdk.services.supplychain.model.ValidationException;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Datasets with schemas (Create/GetDataLakeDataset, builder, inspection API) and dataset loads that take time. */
class DataLakeTest {

    /** A long delay: every load stays IN_PROGRESS until the test completes it through the inspection API. */
    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(AwsEventsEmulator.builder()
            .datasetLoadDelay(Duration.ofHours(1))
            .dataset(INSTANCE, "default", "declared", List.of(new EmulatedDataset.Field("id", "STRING", true)),
                    List.of("id")));

    static SupplyChainClient scn;

    @BeforeAll
    static void clients() {
        scn = SdkClients.supplyChain(AWS.emulator());
    }

    @AfterAll
    static void closeClients() {
        scn.close();
    }

    private static DataLakeDataset createOrders() {
        return scn.createDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default").name("orders")
                .description("orders").schema(s -> s.name("Orders").fields(
                        DataLakeDatasetSchemaField.builder().name("order_id").type(DataLakeDatasetSchemaFieldType.STRING)
                                .isRequired(true).build(),
                        DataLakeDatasetSchemaField.builder().name("qty").type(DataLakeDatasetSchemaFieldType.INT)
                                .isRequired(true).build(),
                        DataLakeDatasetSchemaField.builder().name("at").type(DataLakeDatasetSchemaFieldType.TIMESTAMP)
                                .isRequired(false).build())
                        .primaryKeys(k -> k.name("order_id")))).dataset();
    }

    private static String send(String arn, String data) {
        return scn.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventType("scn.data.dataset")
                .eventGroupId("g").data(data).datasetTarget(t -> t.datasetIdentifier(arn).operationType("APPEND")))
                .eventId();
    }

    private static DataIntegrationEventDatasetLoadExecutionDetails load(String eventId) {
        return scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventId(eventId)).event().datasetTargetDetails()
                .datasetLoadExecution();
    }

    @Test
    void createThenGetReturnTheDatasetAsTheSdkModelsIt() {
        DataLakeDataset created = createOrders();
        DataLakeDataset read = scn.getDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default").name("orders"))
                .dataset();
        assertThat(read).isEqualTo(created);
        assertThat(read.arn()).isEqualTo("arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                         + "/namespaces/default/datasets/orders");
        assertThat(read.schema().fields()).extracting(DataLakeDatasetSchemaField::name)
                .containsExactly("order_id", "qty", "at");
        assertThat(read.schema().primaryKeys()).singleElement().satisfies(k -> assertThat(k.name()).isEqualTo("order_id"));
        assertThat(read.createdTime()).isNotNull();
        assertThatThrownBy(DataLakeTest::createOrders).isInstanceOf(ConflictException.class);
    }

    @Test
    void datasetsRefusedAsTheModelSays() {
        assertThatThrownBy(() -> scn.getDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default").name("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> scn.createDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default")
                .name("no_schema"))).isInstanceOf(ValidationException.class).hasMessageContaining("schema");
        assertThatThrownBy(() -> scn.createDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default")
                .name("Bad-Name").schema(s -> s.name("X").fields(f -> f.name("a").type("STRING").isRequired(true)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> scn.createDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default")
                .name("bad_type").schema(s -> s.name("X").fields(f -> f.name("a").type("BOOLEAN").isRequired(true)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("enum");
        assertThatThrownBy(() -> scn.createDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default")
                .name("bad_key").schema(s -> s.name("X").fields(f -> f.name("a").type("STRING").isRequired(true))
                        .primaryKeys(k -> k.name("b"))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("primary key b");
        // asc: the built-in schema, connection_id included
        DataLakeDataset asc = scn.createDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("asc")
                .name("inbound_order")).dataset();
        assertThat(asc.schema().fields()).extracting(DataLakeDatasetSchemaField::name)
                .contains("id", "tpartner_id", "connection_id");
        assertThatThrownBy(() -> scn.createDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("asc")
                .name("not_an_entity"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aLoadIsInProgressThenSucceeded() {
        String arn = createOrders().arn();
        String eventId = send(arn, "[{\"order_id\":\"o-1\",\"qty\":2,\"at\":\"2024-01-31T08:15:00Z\"}]");
        assertThat(load(eventId).status()).isEqualTo(DataIntegrationEventDatasetLoadStatus.IN_PROGRESS);
        assertThat(load(eventId).message()).isNull();

        HttpResponse<String> completed = RawHttp.send(AWS.emulator(), "POST", "/_emulator/scn/loads/complete", "");
        assertThat(completed.body()).contains("\"completed\":1");
        assertThat(load(eventId).status()).isEqualTo(DataIntegrationEventDatasetLoadStatus.SUCCEEDED);
        assertThat(scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE)).events()).singleElement()
                .satisfies(e -> assertThat(e.datasetTargetDetails().datasetLoadExecution().status())
                        .isEqualTo(DataIntegrationEventDatasetLoadStatus.SUCCEEDED));
    }

    @Test
    void recordsThatDoNotMatchTheSchemaFailTheLoadWithAMessage() {
        String arn = createOrders().arn();
        String missing = send(arn, "[{\"order_id\":\"o-1\",\"qty\":2},{\"order_id\":\"o-2\"}]");
        String wrongType = send(arn, "{\"order_id\":\"o-3\",\"qty\":\"two\"}");
        String unknown = send(arn, "{\"order_id\":\"o-4\",\"qty\":1,\"colour\":\"red\"}");
        String good = send(arn, "{\"order_id\":\"o-5\",\"qty\":\"7\",\"at\":\"1672470400000\"}");
        AWS.emulator().dataLake().completeLoads();
        assertThat(load(missing).status()).isEqualTo(DataIntegrationEventDatasetLoadStatus.FAILED);
        assertThat(load(missing).message()).contains("record 1", "required column qty");
        assertThat(load(wrongType).message()).contains("record 0", "qty", "cannot be cast to INT")
                .doesNotContain("two");
        assertThat(load(unknown).message()).contains("colour", "not in the schema");
        assertThat(load(good).status()).isEqualTo(DataIntegrationEventDatasetLoadStatus.SUCCEEDED);
        // the events themselves were stored: the service accepts them and fails them later
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(4);
    }

    @Test
    void theLoadFaultFailsLoadsOnDemandAndTheDelayIsSettable() {
        String arn = createOrders().arn();
        HttpResponse<String> set = RawHttp.send(AWS.emulator(), "POST", "/_emulator/settings",
                "{\"datasetLoadDelayMillis\":0,\"failDatasetLoads\":{\"count\":1,\"message\":\"Schema drift\"}}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"datasetLoadDelayMillis\":0");
        String failed = send(arn, "{\"order_id\":\"o-1\",\"qty\":1}");
        String loaded = send(arn, "{\"order_id\":\"o-2\",\"qty\":1}");
        assertThat(load(failed).status()).isEqualTo(DataIntegrationEventDatasetLoadStatus.FAILED);
        assertThat(load(failed).message()).isEqualTo("Schema drift");
        assertThat(load(loaded).status()).isEqualTo(DataIntegrationEventDatasetLoadStatus.SUCCEEDED);
    }

    @Test
    void datasetsDeclaredByTheBuilderAndTheInspectionApiSurviveAsTheySay() {
        assertThat(scn.getDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default").name("declared"))
                .dataset().schema().fields()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("id"));
        HttpResponse<String> declared = RawHttp.send(AWS.emulator(), "POST", "/_emulator/scn/datasets",
                "{\"instanceId\":\"" + INSTANCE + "\",\"namespace\":\"default\",\"name\":\"by_http\",\"schema\":"
                + "{\"name\":\"ByHttp\",\"fields\":[{\"name\":\"k\",\"type\":\"LONG\",\"isRequired\":true}]}}");
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(scn.getDataLakeDataset(b -> b.instanceId(INSTANCE).namespace("default").name("by_http")).dataset()
                .schema().fields().get(0).typeAsString()).isEqualTo("LONG");
        HttpResponse<String> refused = RawHttp.send(AWS.emulator(), "POST", "/_emulator/scn/datasets",
                "{\"instanceId\":\"" + INSTANCE + "\",\"namespace\":\"default\",\"name\":\"by_http\",\"schema\":"
                + "{\"name\":\"ByHttp\",\"fields\":[{\"name\":\"k\",\"type\":\"LONG\",\"isRequired\":true}]}}");
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode listed = readTree(RawHttp.get(AWS.emulator(), "/_emulator/scn/datasets").body());
        assertThat(listed.get("datasets")).hasSize(2);
        AWS.emulator().reset();
        assertThat(AWS.emulator().dataLake().datasets()).extracting(EmulatedDataset::name).containsExactly("declared");
    }

    @Test
    void listChecksTheLengthOfNextToken() {
        // 65,535 characters are within the model's length: refused only as a token the emulator never gave
        assertThatThrownBy(() -> scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE).nextToken("x".repeat(65_535))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("The nextToken is invalid");
        assertThatThrownBy(() -> scn.listDataIntegrationEvents(b -> b.instanceId(INSTANCE).nextToken("x".repeat(65_536))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextToken")
                .hasMessageContaining("65535");
        HttpResponse<String> empty = RawHttp.send(AWS.emulator(), "GET", "/api-data/data-integration/instance/"
                + INSTANCE + "/data-integration-events?nextToken=", java.util.Map.of(), null,
                RawHttp.Signing.of(AWS.emulator(), "scn"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("nextToken", "greater than or equal to 1");
    }

    private static JsonNode readTree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
