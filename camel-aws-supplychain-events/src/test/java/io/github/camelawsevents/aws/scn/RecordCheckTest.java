package io.github.camelawsevents.aws.scn;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.supplychain.model.DataLakeDataset;
import software.amazon.awssdk.services.supplychain.model.DataLakeDatasetSchemaField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCheckTest {

    private static final RecordSchema LINES = AscEntitySchemas.shipped().forEventType("scn.data.inboundorderline");

    private static RecordCheckException refused(String data, RecordCheckMode mode) {
        try {
            RecordCheck.check(DataRecords.scan(data), LINES, mode, false);
        } catch (RecordCheckException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theShippedSchemasCoverTheFifteenEventTypesWithTheirDate() {
        AscEntitySchemas shipped = AscEntitySchemas.shipped();
        assertThat(shipped.eventTypes()).hasSize(15)
                .containsExactlyInAnyOrderElementsOf(ScnConstraints.EVENT_TYPES.subList(0, 15));
        assertThat(shipped.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(shipped.datasetOf("scn.data.inventorylevel")).isEqualTo("inv_level");
        assertThat(shipped.forEventType("scn.data.inventorylevel").required(false)).contains("on_hand_inventory");
        assertThat(shipped.forEventType("scn.data.dataset")).isNull();
    }

    @Test
    void awsOwnExampleRecordsPass() {
        // the SendDataIntegrationEvent examples of the service model (numbers and epoch milliseconds as strings)
        Map<String, String> examples = Map.of(
                "scn.data.forecast", "{\"snapshot_date\":\"1672470400000\",\"product_id\":\"p\",\"site_id\":\"s\","
                                     + "\"region_id\":\"r\",\"product_group_id\":\"g\",\"forecast_start_dttm\":"
                                     + "\"1672470400000\",\"forecast_end_dttm\":\"1672470400000\"}",
                "scn.data.inventorylevel", "{\"snapshot_date\":\"1672470400000\",\"site_id\":\"s\",\"product_id\":"
                                           + "\"p\",\"on_hand_inventory\":\"100.0\",\"inv_condition\":\"good\","
                                           + "\"lot_number\":\"l\"}",
                "scn.data.inboundorderline", "{\"id\":\"i\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":"
                                             + "\"p\",\"quantity_submitted\":\"100.0\"}",
                "scn.data.shipmentstoporder", "{\"shipment_stop_order_id\":\"a\",\"shipment_stop_id\":\"b\","
                                              + "\"shipment_id\":\"c\"}");
        examples.forEach((type, record) -> assertThat(RecordCheck.check(DataRecords.scan(record),
                AscEntitySchemas.shipped().forEventType(type), RecordCheckMode.STRICT, false)).isEmpty());
    }

    @Test
    void aMissingRequiredColumnNamesRecordColumnAndRule() {
        RecordCheckException e = refused("[{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\","
                                         + "\"quantity_submitted\":1},{\"id\":\"2\",\"order_id\":\"o\",\"product_id\":\"p\","
                                         + "\"quantity_submitted\":1}]", RecordCheckMode.WARN_UNKNOWN);
        assertThat(e.getIndex()).isEqualTo(1);
        assertThat(e.getColumn()).isEqualTo("tpartner_id");
        assertThat(e.getRule()).isEqualTo(RecordRule.REQUIRED);
        assertThat(e.getValueType()).isEqualTo("missing");
        assertThat(e.getMessage()).contains("(entry 1)", "tpartner_id", "REQUIRED", "missing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "null", "\"\"", "\"   \"" })
    void aRequiredColumnWithoutAValueIsRefused(String value) {
        RecordCheckException e = refused("{\"id\":" + value + ",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":"
                                         + "\"p\",\"quantity_submitted\":1}", RecordCheckMode.WARN_UNKNOWN);
        assertThat(e.getRule()).isEqualTo(RecordRule.REQUIRED);
        assertThat(e.getColumn()).isEqualTo("id");
        assertThat(e.getValueType()).isIn("JSON null", "an empty JSON string", "a blank JSON string");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithItsTypeNeverItsValue() {
        RecordCheckException e = refused("{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\","
                                         + "\"quantity_submitted\":\"secret-ten\"}", RecordCheckMode.WARN_UNKNOWN);
        assertThat(e.getRule()).isEqualTo(RecordRule.TYPE);
        assertThat(e.getColumn()).isEqualTo("quantity_submitted");
        assertThat(e.getMessage()).contains("DOUBLE", "a JSON string of 10 characters").doesNotContain("secret");

        e = refused("{\"id\":42,\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\",\"quantity_submitted\":1}",
                RecordCheckMode.WARN_UNKNOWN);
        assertThat(e.getRule()).isEqualTo(RecordRule.TYPE);
        assertThat(e.getColumn()).isEqualTo("id");
        assertThat(e.getValueType()).isEqualTo("a JSON number");
        assertThat(e.getMessage()).doesNotContain("42");

        e = refused("{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\",\"quantity_submitted\":1,"
                    + "\"cost\":{\"v\":1}}", RecordCheckMode.WARN_UNKNOWN);
        assertThat(e.getColumn()).isEqualTo("cost");
        assertThat(e.getValueType()).isEqualTo("a JSON object");
    }

    @Test
    void aTimestampInNoServiceFormIsRefused() {
        RecordCheckException e = refused("{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\","
                                         + "\"quantity_submitted\":1,\"submitted_date\":\"31/01/2024\"}",
                RecordCheckMode.WARN_UNKNOWN);
        assertThat(e.getRule()).isEqualTo(RecordRule.TIMESTAMP_FORMAT);
        assertThat(e.getColumn()).isEqualTo("submitted_date");
        assertThat(e.getMessage()).doesNotContain("31/01/2024");
    }

    @Test
    void internalFieldsAreRefusedEvenWithoutValue() {
        for (String internal : RecordSchema.ASC_INTERNAL_FIELDS) {
            RecordCheckException e = refused("{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":"
                                             + "\"p\",\"quantity_submitted\":1,\"" + internal + "\":null}",
                    RecordCheckMode.WARN_UNKNOWN);
            assertThat(e.getRule()).isEqualTo(RecordRule.INTERNAL_FIELD);
            assertThat(e.getColumn()).isEqualTo(internal);
        }
    }

    @Test
    void unknownColumnsAreWarnedOrRefusedAsTheModeSays() {
        String data = "{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\","
                      + "\"quantity_submitted\":1,\"colour\":\"red\"}";
        assertThat(RecordCheck.check(DataRecords.scan(data), LINES, RecordCheckMode.WARN_UNKNOWN, false))
                .containsExactly("colour");
        RecordCheckException e = refused(data, RecordCheckMode.STRICT);
        assertThat(e.getRule()).isEqualTo(RecordRule.UNKNOWN_COLUMN);
        assertThat(e.getColumn()).isEqualTo("colour");
    }

    @Test
    void recordsGivenOneByOneAreCheckedWithTheirIndex() {
        DataRecords records = DataRecords.ofRecords(List.of(
                "{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\",\"quantity_submitted\":1}",
                "{\"id\":\"2\",\"order_id\":\"o\",\"tpartner_id\":\"t\",\"product_id\":\"p\"}"));
        assertThatThrownBy(() -> RecordCheck.check(records, LINES, RecordCheckMode.WARN_UNKNOWN, false))
                .isInstanceOfSatisfying(RecordCheckException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo("quantity_submitted");
                });
    }

    @Test
    void aDatasetSchemaFromGetDataLakeDataset() {
        DataLakeDataset dataset = DataLakeDataset.builder().instanceId("8928ae12-15e5-4441-825d-ec2184f0a43a")
                .namespace("default").name("orders")
                .arn("arn:aws:scn:us-east-1:123456789012:instance/8928ae12-15e5-4441-825d-ec2184f0a43a/namespaces/"
                     + "default/datasets/orders")
                .schema(s -> s.name("Orders").fields(
                        DataLakeDatasetSchemaField.builder().name("order_id").type("STRING").isRequired(true).build(),
                        DataLakeDatasetSchemaField.builder().name("qty").type("INT").isRequired(true).build(),
                        DataLakeDatasetSchemaField.builder().name("total").type("LONG").isRequired(false).build(),
                        DataLakeDatasetSchemaField.builder().name("at").type("TIMESTAMP").isRequired(false).build())
                        .primaryKeys(k -> k.name("order_id")))
                .build();
        RecordSchema schema = RecordSchema.ofDataset(dataset);
        assertThat(schema.required(false)).containsExactly("order_id", "qty");
        assertThat(schema.required(true)).containsExactly("order_id");
        assertThat(RecordCheck.check(DataRecords.scan("{\"order_id\":\"o\",\"qty\":2,\"total\":9000000000,"
                                                      + "\"at\":\"2024-01-31 08:15:00\"}"),
                schema, RecordCheckMode.STRICT, false)).isEmpty();
        // DELETE needs only the keys
        assertThat(RecordCheck.check(DataRecords.scan("{\"order_id\":\"o\"}"), schema, RecordCheckMode.STRICT, true))
                .isEmpty();
        assertThatThrownBy(() -> RecordCheck.check(DataRecords.scan("{\"order_id\":\"o\",\"qty\":3000000000}"),
                schema, RecordCheckMode.STRICT, false))
                .isInstanceOfSatisfying(RecordCheckException.class, e -> {
                    assertThat(e.getRule()).isEqualTo(RecordRule.TYPE);
                    assertThat(e.getColumn()).isEqualTo("qty");
                });
        // connection_id is not internal outside the asc namespace
        assertThat(schema.isInternal("connection_id")).isFalse();
        RecordSchema asc = RecordSchema.ofDataset(dataset.toBuilder().namespace("asc").build());
        assertThat(asc.isInternal("connection_id")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-01-31", "2024-01-31T08:15:00Z", "2024-01-31T08:15:00.123+02:00",
        "2024-01-31T08:15", "2024-01-31 08:15:00", "2024-01-31 08:15:00.5", "2024-01-31T08:15:00+0530",
        "1672470400000", "0", "9999-12-31 23:59:59", "1900-01-01 00:00:00" })
    void timestampFormsTheServiceTakes(String text) {
        assertThat(RecordCheck.isTimestamp(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-02-30", "2024-13-01", "31/01/2024", "2024-01-31T25:00:00Z", "2024-01-31T08:15:00X",
        "12345678901234", "2024-01-31T", "yesterday", "2024-1-3", "2024-01-31T08:15:00+25:00" })
    void timestampFormsRefused(String text) {
        assertThat(RecordCheck.isTimestamp(text)).isFalse();
    }

    @Test
    void numbersAsTextAsAwsExamplesSendThem() {
        assertThat(RecordCheck.isDecimal("100.0")).isTrue();
        assertThat(RecordCheck.isDecimal("-1e3")).isTrue();
        assertThat(RecordCheck.isDecimal(".5")).isTrue();
        assertThat(RecordCheck.isDecimal("1e999")).isFalse();
        assertThat(RecordCheck.isDecimal("NaN")).isFalse();
        assertThat(RecordCheck.isDecimal("1,5")).isFalse();
        assertThat(RecordCheck.isInteger("2147483647", Integer.MIN_VALUE, Integer.MAX_VALUE)).isTrue();
        assertThat(RecordCheck.isInteger("2147483648", Integer.MIN_VALUE, Integer.MAX_VALUE)).isFalse();
        assertThat(RecordCheck.isInteger("12.0", Long.MIN_VALUE, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void offIsNotACheck() {
        assertThatThrownBy(() -> RecordCheck.check(DataRecords.scan("{}"), LINES, RecordCheckMode.OFF, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Set.of(RecordCheckMode.values())).hasSize(3);
    }
}
