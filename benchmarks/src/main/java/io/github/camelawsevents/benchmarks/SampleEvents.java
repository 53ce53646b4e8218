package io.github.camelawsevents.benchmarks;

/**
 * The events every contender sends: the same sequence for everyone, made on the fly from the event number (nothing
 * is held in memory, so a run of a million events needs no more heap than one of a thousand).
 *
 * <p>Partner events are SaaS order events (about 330 bytes of Detail). Supply Chain events are inventory-level
 * records ({@code scn.data.inventorylevel}, the real {@code inv_level} column names), one record per event; the
 * records of one site form one event group.
 */
public final class SampleEvents {

    /** The partner event source of every partner event. */
    public static final String PARTNER_SOURCE = "aws.partner/example.com/acme-saas/orders";
    /**
     * The Source the peer sends with PutEvents: a custom source, since PutEvents does not let a caller write as a
     * partner ({@code aws.partner/...}) source. Same length class as {@link #PARTNER_SOURCE}.
     */
    public static final String PUT_EVENTS_SOURCE = "com.example.acme-saas.orders";
    public static final String DETAIL_TYPE = "Order Created";
    public static final String RESOURCE = "arn:aws:acme-saas:us-east-1:123456789012:tenant/tenant-0042";

    /** A Supply Chain instance id (lower-case UUID). */
    public static final String SCN_INSTANCE = "8e5c6a4d-2b1f-4c3e-9a7d-5f0b1e2c3d4a";
    public static final String SCN_EVENT_TYPE = "scn.data.inventorylevel";

    private static final String[] STATUSES = {"CREATED", "PAID", "PACKED", "SHIPPED"};
    private static final String[] CONDITIONS = {"Unrestricted", "Inspection", "Returns", "Blocked"};

    private SampleEvents() {
    }

    /** The Detail (JSON text) of partner event {@code n}. */
    public static String partnerDetail(long n) {
        int lines = 1 + (int) (n % 3);
        StringBuilder sb = new StringBuilder(400);
        sb.append("{\"orderId\":\"ORD-").append(pad(n, 10))
                .append("\",\"tenantId\":\"tenant-").append(pad(n % 97, 4))
                .append("\",\"status\":\"").append(STATUSES[(int) (n % STATUSES.length)])
                .append("\",\"currency\":\"EUR\",\"lines\":[");
        long cents = 0;
        for (int i = 0; i < lines; i++) {
            long unit = 199 + (n * 31 + i * 17) % 9800;
            int qty = 1 + (int) ((n + i) % 5);
            cents += unit * qty;
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"sku\":\"SKU-").append(pad((n * 7 + i) % 100_000, 6))
                    .append("\",\"quantity\":").append(qty)
                    .append(",\"unitPrice\":").append(money(unit)).append('}');
        }
        sb.append("],\"total\":").append(money(cents))
                .append(",\"createdAt\":\"2025-11-24T12:").append(pad((n / 60) % 60, 2)).append(':')
                .append(pad(n % 60, 2)).append("Z\"}");
        return sb.toString();
    }

    /** The event group (site) of Supply Chain event {@code n} when the events are spread over {@code groups}. */
    public static String scnGroup(long n, int groups) {
        return "site-" + pad(n % groups, 3);
    }

    /** The record (JSON object text) of Supply Chain event {@code n}, an inventory level of site {@code site}. */
    public static String scnRecord(long n, String site) {
        return "{\"snapshot_date\":\"2025-11-24T00:00:00Z\",\"site_id\":\"" + site
               + "\",\"product_id\":\"P-" + pad(n % 1_000_000, 7)
               + "\",\"company_id\":\"acme\",\"on_hand_inventory\":" + (n % 5000)
               + ",\"allocated_inventory\":" + (n % 300)
               + ",\"quantity_uom\":\"EA\",\"inv_condition\":\"" + CONDITIONS[(int) (n % CONDITIONS.length)]
               + "\",\"lot_number\":\"LOT-" + pad(n, 10) + "\"}";
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Cents as a decimal amount, e.g. 12345 as 123.45 (no Formatter: the harness's own cost stays small). */
    private static String money(long cents) {
        long rest = cents % 100;
        return (cents / 100) + (rest < 10 ? ".0" : ".") + rest;
    }
}
