package io.github.camelawsevents.aws.emulator;

import java.util.List;
import java.util.Map;

/**
 * Optional strictness for the 15 fixed Supply Chain event types ({@code strictRecords}): the columns each
 * record must carry with a non-empty value. The service documents no send-time check of records (it
 * validates at data-lake load); these are the User Guide primary-key columns of each entity plus
 * {@code on_hand_inventory} (inv_level) and {@code quantity_submitted} (inbound_order_line), the minimum a
 * record needs to load.
 */
final class AscRecordRules {

    static final Map<String, List<String>> REQUIRED_COLUMNS = Map.ofEntries(
            Map.entry("scn.data.forecast", List.of("snapshot_date", "product_id", "site_id", "region_id",
                    "product_group_id", "forecast_start_dttm", "forecast_end_dttm")),
            Map.entry("scn.data.inventorylevel", List.of("snapshot_date", "site_id", "product_id", "inv_condition",
                    "lot_number", "on_hand_inventory")),
            Map.entry("scn.data.inboundorder", List.of("id", "tpartner_id")),
            Map.entry("scn.data.inboundorderline", List.of("id", "order_id", "tpartner_id", "product_id",
                    "quantity_submitted")),
            Map.entry("scn.data.inboundorderlineschedule", List.of("id", "order_id", "order_line_id", "product_id")),
            Map.entry("scn.data.outboundorderline", List.of("id", "cust_order_id", "product_id")),
            Map.entry("scn.data.outboundshipment", List.of("id", "cust_order_id", "cust_order_line_id", "product_id")),
            Map.entry("scn.data.processheader", List.of("process_id")),
            Map.entry("scn.data.processoperation", List.of("process_operation_id", "process_id")),
            Map.entry("scn.data.processproduct", List.of("process_product_id", "process_id")),
            Map.entry("scn.data.reservation", List.of("reservation_id", "reservation_detail_id")),
            Map.entry("scn.data.shipment", List.of("id", "supplier_tpartner_id", "product_id", "order_id",
                    "order_line_id", "package_id")),
            Map.entry("scn.data.shipmentstop", List.of("shipment_stop_id", "shipment_id")),
            Map.entry("scn.data.shipmentstoporder", List.of("shipment_stop_order_id", "shipment_stop_id", "shipment_id")),
            Map.entry("scn.data.supplyplan", List.of("supply_plan_id")));

    /** The asc dataset each of the 15 fixed event types writes to. */
    static final Map<String, String> DATASETS = Map.ofEntries(
            Map.entry("scn.data.forecast", "forecast"), Map.entry("scn.data.inventorylevel", "inv_level"),
            Map.entry("scn.data.inboundorder", "inbound_order"),
            Map.entry("scn.data.inboundorderline", "inbound_order_line"),
            Map.entry("scn.data.inboundorderlineschedule", "inbound_order_line_schedule"),
            Map.entry("scn.data.outboundorderline", "outbound_order_line"),
            Map.entry("scn.data.outboundshipment", "outbound_shipment"),
            Map.entry("scn.data.processheader", "process_header"),
            Map.entry("scn.data.processoperation", "process_operation"),
            Map.entry("scn.data.processproduct", "process_product"), Map.entry("scn.data.reservation", "reservation"),
            Map.entry("scn.data.shipment", "shipment"), Map.entry("scn.data.shipmentstop", "shipment_stop"),
            Map.entry("scn.data.shipmentstoporder", "shipment_stop_order"),
            Map.entry("scn.data.supplyplan", "supply_plan"));

    /**
     * The schema the emulator gives an asc dataset created without one: the entity's required columns (dates as
     * TIMESTAMP, quantities as DOUBLE, the rest STRING) and the internal fields; null for a name that is no asc entity.
     * AWS's built-in schemas have many more optional columns, which the emulator does not know.
     */
    static List<EmulatedDataset.Field> builtInSchema(String datasetName) {
        String eventType = DATASETS.entrySet().stream().filter(e -> e.getValue().equals(datasetName))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (eventType == null) {
            return null;
        }
        List<EmulatedDataset.Field> fields = new java.util.ArrayList<>();
        for (String column : REQUIRED_COLUMNS.get(eventType)) {
            String type = column.endsWith("_date") || column.endsWith("_dttm") ? "TIMESTAMP"
                    : column.equals("on_hand_inventory") || column.equals("quantity_submitted") ? "DOUBLE" : "STRING";
            fields.add(new EmulatedDataset.Field(column, type, true));
        }
        fields.add(new EmulatedDataset.Field(CONNECTION_ID, "STRING", true));
        fields.add(new EmulatedDataset.Field("db_creation_dttm", "TIMESTAMP", false));
        fields.add(new EmulatedDataset.Field("db_updation_dttm", "TIMESTAMP", false));
        return fields;
    }

    /** The column the service fills for {@code asc} datasets and a client must not send. */
    static final String CONNECTION_ID = "connection_id";

    private AscRecordRules() {
    }
}
