package io.github.camelawsevents.examples;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample files speak the AWS Supply Chain data model: only the entities' real column names (ASC-DATA-MODEL §6),
 * every primary-key column filled, values that cast to the column types, unique primary keys, and no connection_id.
 */
class SampleDataTest {

    private static final Set<String> INBOUND_ORDER_STRING = Set.of("id", "company_id", "order_type", "order_status",
            "to_site_id", "tpartner_id", "order_currency_uom", "vendor_currency_uom", "incoterm", "incoterm2",
            "incoterm_location_1", "incoterm_location_2", "shipping_instr_code", "payment_terms_code",
            "std_terms_agreement", "std_terms_agreement_ver", "agreement_number", "inbound_order_url", "source",
            "source_event_id");
    private static final Set<String> INBOUND_ORDER_DOUBLE = Set.of("exchange_rate");
    private static final Set<String> INBOUND_ORDER_TIMESTAMP = Set.of("order_creation_date", "exchange_rate_date",
            "submitted_date", "agreement_start_date", "agreement_end_date", "source_update_dttm");

    private static final Set<String> LINE_STRING = Set.of("id", "order_id", "company_id", "tpartner_id", "product_id",
            "product_group_id", "supplier_product_id", "order_type", "external_line_number", "status", "from_site_id",
            "to_site_id", "vendor_status", "cost_uom", "quantity_uom", "incoterm", "incoterm2", "incoterm_location_1",
            "incoterm_location_2", "requisition_number", "reservation_id", "reference_object", "reference_object_type",
            "reference_object_id", "reference_detail_id", "inbound_order_line_url", "source", "sap_lips__vbeln",
            "sap_vttp__tknum", "source_event_id");
    private static final Set<String> LINE_DOUBLE = Set.of("cost", "submitted_cost", "submitted_cost_vendor",
            "shipping_cost", "tax_cost", "quantity_submitted", "quantity_confirmed", "quantity_received");
    private static final Set<String> LINE_TIMESTAMP = Set.of("line_creation_date", "submitted_date",
            "expected_delivery_date", "confirmation_date", "earliest_ship_date", "latest_ship_date",
            "earliest_delivery_date", "latest_delivery_date", "order_receive_date", "source_update_dttm");

    private static final Set<String> SHIPMENT_STRING = Set.of("id", "packaging_hierarchy_type", "supplier_tpartner_id",
            "supplier_description", "company_id", "customer_description", "ship_from_site_id",
            "ship_from_site_description", "ship_from_site_address_1", "ship_from_site_address_2",
            "ship_from_site_address_city", "ship_from_site_address_state", "ship_from_site_address_country",
            "ship_from_site_address_zip", "ship_to_site_id", "ship_to_site_description", "ship_to_site_address_1",
            "ship_to_site_address_2", "ship_to_site_address_city", "ship_to_site_address_state",
            "ship_to_site_address_country", "ship_to_site_address_zip", "origin_port", "destination_port",
            "transportation_mode", "routing_sequence", "routing_description", "carrier_id", "carrier_description",
            "service_level", "transportation_id", "transportation_description", "conveyance_id",
            "bill_of_lading_number", "master_bill_of_lading_number", "carrier_reference_number",
            "shipper_reference_number", "equipment_code", "equipment_number", "seal_number", "equipment_type",
            "package_type", "weight_qualifier", "weight_uom", "volume_uom", "shipment_status", "latest_milestone",
            "incoterms", "line_id", "product_id", "product_description", "tp_product_id", "upc", "uom", "hts_code",
            "order_id", "order_type", "order_customer_tpartner_id", "order_supplier_tpartner_id", "order_line_id",
            "ship_to_site", "package_id", "sap_vttp__vbeln", "sap_but021_fs__addrnumber", "sap_t001w__adrnr",
            "sap_vttk__bev1_rpmowa", "source_event_id", "source");
    private static final Set<String> SHIPMENT_DOUBLE = Set.of("package_quantity", "weight", "volume", "units_shipped");
    private static final Set<String> SHIPMENT_TIMESTAMP = Set.of("creation_date", "planned_ship_date",
            "actual_ship_date", "planned_delivery_date", "actual_delivery_date", "carrier_eta_date",
            "latest_milestone_date", "source_update_dttm");

    private static final Set<String> INV_LEVEL_STRING = Set.of("site_id", "product_id", "company_id", "quantity_uom",
            "inv_condition", "lot_number", "source_event_id", "tpartner_id");
    private static final Set<String> INV_LEVEL_DOUBLE = Set.of("on_hand_inventory", "allocated_inventory",
            "bound_inventory");
    private static final Set<String> INV_LEVEL_TIMESTAMP = Set.of("snapshot_date", "expiry_date",
            "source_update_dttm");

    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void inboundOrdersUseTheInboundOrderColumnsAndTheirTypes() {
        List<Map<String, Object>> orders = SampleData.orders();
        assertThat(orders).hasSizeGreaterThanOrEqualTo(20);
        for (Map<String, Object> order : orders) {
            Map<String, Object> header = new LinkedHashMap<>(order);
            header.remove("lines");
            assertEntity("inbound_order " + order.get("id"), header, INBOUND_ORDER_STRING, INBOUND_ORDER_DOUBLE,
                    INBOUND_ORDER_TIMESTAMP, List.of("id", "tpartner_id"));
        }
        assertUnique(orders.stream().map(o -> List.of(o.get("id"))).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void orderLinesUseTheInboundOrderLineColumnsAndBelongToTheirOrder() {
        List<List<Object>> keys = new ArrayList<>();
        for (Map<String, Object> order : SampleData.orders()) {
            List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
            assertThat(lines).as("lines of %s", order.get("id")).isNotEmpty();
            for (Map<String, Object> line : lines) {
                assertEntity("inbound_order_line " + line.get("id"), line, LINE_STRING, LINE_DOUBLE, LINE_TIMESTAMP,
                        List.of("id", "order_id", "tpartner_id", "product_id", "quantity_submitted"));
                assertThat(line.get("order_id")).isEqualTo(order.get("id"));
                assertThat(line.get("tpartner_id")).isEqualTo(order.get("tpartner_id"));
                keys.add(List.of(line.get("id"), line.get("order_id"), line.get("tpartner_id"), line.get("product_id")));
            }
        }
        assertUnique(keys);
    }

    @Test
    void shipmentsUseTheShipmentColumnsAndShipOrderedLines() {
        List<Map<String, String>> rows = SampleData.csv("shipments.csv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        Set<String> orderLines = new HashSet<>();
        SampleData.orders().forEach(o -> ((List<?>) o.get("lines")).forEach(l -> orderLines.add(
                (String) ((Map<?, ?>) l).get("id"))));
        for (Map<String, String> row : rows) {
            assertEntity("shipment " + row.get("package_id"), row, SHIPMENT_STRING, SHIPMENT_DOUBLE,
                    SHIPMENT_TIMESTAMP,
                    List.of("id", "supplier_tpartner_id", "product_id", "order_id", "order_line_id", "package_id"));
            assertThat(orderLines).as("order lines").contains(row.get("order_line_id"));
        }
        assertUnique(rows.stream().map(r -> List.<Object>of(r.get("id"), r.get("supplier_tpartner_id"),
                r.get("product_id"), r.get("order_id"), r.get("order_line_id"), r.get("package_id"))).toList());
    }

    @Test
    void inventoryLevelsUseTheInvLevelColumnsWithUniqueKeys() {
        List<Map<String, String>> rows = SampleData.csv("inventory-levels.csv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        for (Map<String, String> row : rows) {
            assertEntity("inv_level " + row.get("site_id") + "/" + row.get("product_id"), row, INV_LEVEL_STRING,
                    INV_LEVEL_DOUBLE, INV_LEVEL_TIMESTAMP,
                    List.of("snapshot_date", "site_id", "product_id", "inv_condition", "lot_number",
                            "on_hand_inventory"));
        }
        assertUnique(rows.stream().map(r -> List.<Object>of(r.get("snapshot_date"), r.get("site_id"),
                r.get("product_id"), r.get("inv_condition"), r.get("lot_number"))).toList());
    }

    @Test
    void saasEventsAreBusinessEventsWithExactlyOneInvalidOne() {
        List<JsonNode> events = SampleData.saasEvents();
        assertThat(events).hasSizeGreaterThanOrEqualTo(100);
        Set<String> types = new HashSet<>();
        for (JsonNode e : events) {
            assertThat(e.path("id").asText()).startsWith("evt_");
            assertThat(Instant.parse(e.path("occurred_at").asText())).isNotNull();
            assertThat(e.path("data").isObject()).isTrue();
            types.add(e.path("type").asText());
        }
        assertThat(types).contains("order.created", "invoice.issued", "invoice.paid", "subscription.renewed", "");
        assertThat(events.stream().filter(e -> e.path("type").asText().isEmpty())).hasSize(1);
        assertUnique(events.stream().map(e -> List.<Object>of(e.path("id").asText())).toList());
    }

    private static void assertEntity(String what, Map<String, ?> record, Set<String> strings, Set<String> doubles,
            Set<String> timestamps, List<String> required) {
        for (Map.Entry<String, ?> e : record.entrySet()) {
            String column = e.getKey();
            String value = String.valueOf(e.getValue());
            if (doubles.contains(column)) {
                assertThat(Double.parseDouble(value)).as("%s %s", what, column).isNotNaN();
            } else if (timestamps.contains(column)) {
                assertThat(isTimestamp(value)).as("%s %s = %s is a timestamp", what, column, value).isTrue();
            } else {
                assertThat(strings).as("%s has column %s", what, column).contains(column);
            }
        }
        for (String column : required) {
            assertThat(record.get(column)).as("%s %s", what, column).isNotNull();
            assertThat(String.valueOf(record.get(column))).as("%s %s", what, column).isNotBlank();
        }
        assertThat(record).as(what).doesNotContainKey("connection_id");
    }

    private static boolean isTimestamp(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(value, SPACE_SEPARATED);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    private static void assertUnique(List<List<Object>> keys) {
        assertThat(new HashSet<>(keys)).as("distinct primary keys").hasSameSizeAs(keys);
    }
}
