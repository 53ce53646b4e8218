package io.github.camelawsevents.aws.scn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All 16 event types with AWS's own example records (ASC-DATA-MODEL.md §4), against an emulator that checks the
 * required columns of the fixed entities; and the dataset target rules.
 */
class EventTypesRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension STRICT = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().strictRecords(true));

    /** Event type → (event group, record), as in AWS's SendDataIntegrationEvent examples. */
    static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("scn.data.forecast", new String[] { "forecastId",
                "{\"snapshot_date\": \"1672470400000\", \"product_id\": \"product-id-test-123\", \"site_id\": \"site-id-test-123\", \"region_id\": \"region-id-test-123\", \"product_group_id\": \"product-group-id-test-123\", \"forecast_start_dttm\": \"1672470400000\", \"forecast_end_dttm\": \"1672470400000\" }" });
        EXAMPLES.put("scn.data.inventorylevel", new String[] { "inventoryLevelId",
                "{\"snapshot_date\": \"1672470400000\", \"site_id\": \"site-id-test-123\", \"product_id\": \"product-id-test-123\", \"on_hand_inventory\": \"100.0\", \"inv_condition\": \"good\", \"lot_number\": \"lot-number-test-123\"}" });
        EXAMPLES.put("scn.data.inboundorder", new String[] { "inboundOrderId",
                "{\"id\": \"inbound-order-id-test-123\", \"tpartner_id\": \"partner-id-test-123\" }" });
        EXAMPLES.put("scn.data.inboundorderline", new String[] { "inboundOrderLineId",
                "{\"id\": \"inbound-order-line-id-test-123\", \"order_id\": \"order-id-test-123\", \"tpartner_id\": \"partner-id-test-123\", \"product_id\": \"product-id-test-123\", \"quantity_submitted\": \"100.0\" }" });
        EXAMPLES.put("scn.data.inboundorderlineschedule", new String[] { "inboundOrderLineScheduleId",
                "{\"id\": \"inbound-order-line-schedule-id-test-123\", \"order_id\": \"order-id-test-123\", \"order_line_id\": \"order-line-id-test-123\", \"product_id\": \"product-id-test-123\"}" });
        EXAMPLES.put("scn.data.outboundorderline", new String[] { "outboundOrderLineId",
                "{\"id\": \"outbound-orderline-id-test-123\", \"cust_order_id\": \"cust-order-id-test-123\", \"product_id\": \"product-id-test-123\" }" });
        EXAMPLES.put("scn.data.outboundshipment", new String[] { "outboundShipmentId",
                "{\"id\": \"outbound-shipment-id-test-123\", \"cust_order_id\": \"cust-order-id-test-123\", \"cust_order_line_id\": \"cust-order-line-id-test-123\", \"product_id\": \"product-id-test-123\" }" });
        EXAMPLES.put("scn.data.processheader", new String[] { "processHeaderId",
                "{\"process_id\": \"process-id-test-123\" }" });
        EXAMPLES.put("scn.data.processoperation", new String[] { "processOperationId",
                "{\"process_operation_id\": \"process-operation-id-test-123\", \"process_id\": \"process-id-test-123\" }" });
        EXAMPLES.put("scn.data.processproduct", new String[] { "processProductId",
                "{\"process_product_id\": \"process-product-id-test-123\", \"process_id\": \"process-id-test-123\" }" });
        EXAMPLES.put("scn.data.reservation", new String[] { "reservationId",
                "{\"reservation_id\": \"reservation-id-test-123\", \"reservation_detail_id\": \"reservation-detail-id-test-123\" }" });
        EXAMPLES.put("scn.data.shipment", new String[] { "shipmentId",
                "{\"id\": \"shipment-id-test-123\", \"supplier_tpartner_id\": \"supplier-tpartner-id-test-123\", \"product_id\": \"product-id-test-123\", \"order_id\": \"order-id-test-123\", \"order_line_id\": \"order-line-id-test-123\", \"package_id\": \"package-id-test-123\" }" });
        EXAMPLES.put("scn.data.shipmentstop", new String[] { "shipmentStopId",
                "{\"shipment_stop_id\": \"shipment-stop-id-test-123\", \"shipment_id\": \"shipment-id-test-123\" }" });
        EXAMPLES.put("scn.data.shipmentstoporder", new String[] { "shipmentStopOrderId",
                "{\"shipment_stop_order_id\": \"shipment-stop-order-id-test-123\", \"shipment_stop_id\": \"shipment-stop-id-test-123\", \"shipment_id\": \"shipment-id-test-123\" }" });
        EXAMPLES.put("scn.data.supplyplan", new String[] { "supplyPlanId",
                "{\"supply_plan_id\": \"supply-plan-id-test-123\" }" });
    }

    @Override
    protected AwsEventsEmulator emulator() {
        return STRICT.emulator();
    }

    @Test
    void everyFixedEventTypeDeliversAwsExampleRecordToItsEntity() {
        assertThat(EXAMPLES.keySet()).containsExactlyElementsOf(ScnConstraints.EVENT_TYPES.subList(0, 15));
        EXAMPLES.forEach((type, example) -> {
            Exchange out = send(SCN + "?eventType=" + type + "&eventGroupId=" + example[0], example[1], Map.of());
            assertThat(out.getException()).as(type).isNull();
        });
        List<ScnEvent> events = stored();
        assertThat(events).extracting(ScnEvent::eventType).containsExactlyElementsOf(EXAMPLES.keySet());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.data()).isEqualTo(EXAMPLES.get(e.eventType())[1]);
            assertThat(e.eventGroupId()).isEqualTo(EXAMPLES.get(e.eventType())[0]);
            assertThat(e.datasetIdentifier()).isNull();
        });
    }

    @Test
    void theDatasetEventTypeSendsItsTargetAndOperation() {
        for (String operation : ScnConstraints.OPERATION_TYPES) {
            Exchange out = send(SCN + "?eventType=scn.data.dataset&eventGroupId=my-batch&datasetIdentifier="
                                + DEFAULT_DATASET + "&operationType=" + operation,
                    "[{\"order_id\":\"1\",\"connection_id\":\"mine\"}]", Map.of());
            assertThat(out.getException()).isNull();
        }
        assertThat(stored()).extracting(ScnEvent::operationType).containsExactly("APPEND", "UPSERT", "DELETE");
        assertThat(stored()).allSatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("scn.data.dataset");
            assertThat(e.datasetIdentifier()).isEqualTo(DEFAULT_DATASET);
        });
    }

    @Test
    void theDatasetTargetMayComeFromHeaders() {
        Exchange out = send(SCN + "?eventGroupId=g", "{\"a\":1}", Map.of(
                AwsScnEventConstants.EVENT_TYPE, "scn.data.dataset",
                AwsScnEventConstants.DATASET_IDENTIFIER, DEFAULT_DATASET,
                AwsScnEventConstants.DATASET_OPERATION_TYPE, "UPSERT"));
        assertThat(out.getException()).isNull();
        assertThat(stored()).singleElement().satisfies(e -> {
            assertThat(e.datasetIdentifier()).isEqualTo(DEFAULT_DATASET);
            assertThat(e.operationType()).isEqualTo("UPSERT");
        });
    }

    @Test
    void aDatasetEventWithoutACompleteTargetIsRefusedBeforeSending() {
        assertRefused(SCN + "?eventType=scn.data.dataset&eventGroupId=g", Map.of(), "datasetTarget.datasetIdentifier");
        assertRefused(SCN + "?eventType=scn.data.dataset&eventGroupId=g&datasetIdentifier=" + DEFAULT_DATASET,
                Map.of(), "datasetTarget.operationType");
    }

    @Test
    void aTargetWithAFixedEventTypeIsRefusedBeforeSending() {
        assertRefused(SCN + "?eventType=scn.data.inboundorder&eventGroupId=g",
                Map.of(AwsScnEventConstants.DATASET_IDENTIFIER, DEFAULT_DATASET,
                        AwsScnEventConstants.DATASET_OPERATION_TYPE, "APPEND"),
                "datasetTarget");
        // an endpoint for datasets whose message says it is a fixed type
        assertRefused(SCN + "?eventType=scn.data.dataset&eventGroupId=g&datasetIdentifier=" + DEFAULT_DATASET
                      + "&operationType=APPEND",
                Map.of(AwsScnEventConstants.EVENT_TYPE, "scn.data.inboundorder"), "datasetTarget");
    }

    @Test
    void connectionIdIsRefusedForAscDatasetsAndAcceptedForOthers() {
        String record = "{\"id\":\"o-1\",\"tpartner_id\":\"p\",\"connection_id\":\"c\"}";
        Exchange fixed = send(SCN + "?eventType=scn.data.inboundorder&eventGroupId=g", record, Map.of());
        assertThat(fixed.getException()).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("connection_id");
        Exchange asc = send(SCN + "?eventType=scn.data.dataset&eventGroupId=g&operationType=UPSERT"
                            + "&datasetIdentifier=" + ASC_DATASET, record, Map.of());
        assertThat(asc.getException()).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("connection_id");
        assertThat(emulator().stats().totalRequests()).isZero();
        Exchange custom = send(SCN + "?eventType=scn.data.dataset&eventGroupId=g&operationType=UPSERT"
                               + "&datasetIdentifier=" + DEFAULT_DATASET, record, Map.of());
        assertThat(custom.getException()).isNull();
        assertThat(stored()).hasSize(1);
    }

    private void assertRefused(String uri, Map<String, Object> headers, String field) {
        Exchange out = send(uri, "{\"a\":1}", headers);
        assertThat(out.getException()).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.getField()).isEqualTo(field));
        assertThat(emulator().stats().totalRequests()).isZero();
    }
}
