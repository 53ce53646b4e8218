package io.github.camelawsevents.aws.scn.hostile;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.scn.AwsScnEventComponent;
import io.github.camelawsevents.aws.scn.AwsScnEventConfiguration;
import io.github.camelawsevents.aws.scn.AwsScnEventConstants;
import io.github.camelawsevents.aws.scn.ScnEventData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventType;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies and headers through a real route, the real AWS SDK and the emulator in strict mode (signatures
 * verified, records of the fixed types checked for their required columns). Every message ends, within a time limit,
 * as a correct send (every event stored, no request refused: a refusal would be a rule the component could have
 * checked) or as a {@link FieldValidationException} naming the field with nothing sent; never another exception type,
 * never a hang; and the next good message always arrives.
 */
class HostileMessagesPropertyTest {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String DATASET = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                  + "/namespaces/default/datasets/my_orders";
    static final String ASC_DATASET = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                      + "/namespaces/asc/datasets/inbound_order";
    /** Every required column of the 15 fixed types (strict mode), so one record fits any of them. */
    static final List<String> ALL_REQUIRED_COLUMNS = List.of("snapshot_date", "product_id", "site_id", "region_id",
            "product_group_id", "forecast_start_dttm", "forecast_end_dttm", "inv_condition", "lot_number",
            "on_hand_inventory", "id", "tpartner_id", "order_id", "quantity_submitted", "order_line_id",
            "cust_order_id", "cust_order_line_id", "process_id", "process_operation_id", "process_product_id",
            "reservation_id", "reservation_detail_id", "supplier_tpartner_id", "package_id", "shipment_stop_id",
            "shipment_id", "shipment_stop_order_id", "supply_plan_id");
    private static final long TIME_LIMIT_SECONDS = 30;

    private static AwsEventsEmulator emulator;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeContainer
    static void start() throws Exception {
        emulator = AwsEventsEmulator.builder().strictRecords(true).start();
        context = new DefaultCamelContext();
        AwsScnEventComponent component = new AwsScnEventComponent();
        configure(component.getConfiguration(), emulator);
        context.addComponent("aws-scn-event", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("hostile").to("aws-scn-event:" + INSTANCE);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    static void configure(AwsScnEventConfiguration configuration, AwsEventsEmulator emulator) {
        configuration.setRegion(emulator.region());
        configuration.setOverrideEndpoint(true);
        configuration.setUriEndpointOverride(emulator.endpoint().toString());
        configuration.setAccessKey(emulator.accessKey());
        configuration.setSecretKey(emulator.secretKey());
        configuration.setMaxAttempts(1);
    }

    @AfterContainer
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeTry
    void reset() {
        emulator.reset();
    }

    /** Hostile bodies, sent to datasets (whose records the service does not check for columns). */
    @Property(tries = 300, seed = "1048576")
    void hostileBodies(@ForAll("bodies") Object body, @ForAll boolean ascNamespace) throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put(AwsScnEventConstants.EVENT_TYPE, "scn.data.dataset");
        headers.put(AwsScnEventConstants.EVENT_GROUP_ID, "g");
        headers.put(AwsScnEventConstants.DATASET_IDENTIFIER, ascNamespace ? ASC_DATASET : DATASET);
        headers.put(AwsScnEventConstants.DATASET_OPERATION_TYPE, "UPSERT");
        check(body, headers);
    }

    /** Hostile headers (and header-like members of request bodies) around a record that fits every event type. */
    @Property(tries = 300, seed = "255")
    void hostileHeaders(@ForAll("headers") Map<String, Object> headers, @ForAll boolean withConnectionId,
                        @ForAll boolean asRequestBody) throws Exception {
        Map<String, Object> record = universalRecord();
        if (withConnectionId) {
            record.put("connection_id", "c-1");
        }
        Object body = record;
        if (asRequestBody) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("eventType", headers.getOrDefault(AwsScnEventConstants.EVENT_TYPE, "scn.data.inboundorder"));
            request.put("data", record);
            request.put("eventGroupId", headers.get(AwsScnEventConstants.EVENT_GROUP_ID));
            request.put("clientToken", headers.get(AwsScnEventConstants.CLIENT_TOKEN));
            request.put("eventTimestamp", headers.get(AwsScnEventConstants.EVENT_TIMESTAMP));
            body = request;
        }
        check(body, headers);
    }

    private static void check(Object body, Map<String, Object> headers) throws Exception {
        Exchange exchange = send(body, headers);
        Exception error = exchange.getException();
        assertThat(emulator.rejectedRequests()).as("requests the emulator refused (a check the component missed)")
                .isEmpty();
        if (error == null) {
            List<?> ids = exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_IDS, List.class);
            assertThat(ids).as("event ids").isNotEmpty().doesNotContainNull();
            assertThat(emulator.supplyChain().count()).as("events stored").isEqualTo(ids.size());
        } else {
            assertThat(error).as("the exchange's exception").isInstanceOf(FieldValidationException.class);
            assertThat(((FieldValidationException) error).getField()).as("the field named").isNotBlank();
            assertThat(error.getMessage()).startsWith("Invalid ");
            assertThat(emulator.stats().requests(Api.SUPPLY_CHAIN)).as("requests sent for a refused message")
                    .isZero();
        }
        assertTheNextMessageGoesThrough();
    }

    /** The defects this test found, one example each (each failed untyped, hung, or was refused by AWS before). */
    @net.jqwik.api.Example
    void foundDefectsStayFixed() throws Exception {
        Map<String, Object> dataset = Map.of(AwsScnEventConstants.EVENT_TYPE, "scn.data.dataset",
                AwsScnEventConstants.EVENT_GROUP_ID, "g", AwsScnEventConstants.DATASET_IDENTIFIER, DATASET,
                AwsScnEventConstants.DATASET_OPERATION_TYPE, "APPEND");
        // was a NullPointerException: the parser's nesting limit has no location
        assertRefused("{\"d\":" + "[".repeat(500) + "]".repeat(500) + "}", dataset, "data", "deeper nesting");
        // was a NumberFormatException (a double that overflowed to Infinity)
        assertRefused("{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":1e400}", dataset,
                "eventTimestamp", "Infinity");
        // was a hang: BigDecimal.setScale on 1e999999999 computes a billion-digit number
        assertRefused("{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":\"1e999999999\"}", dataset,
                "eventTimestamp", "1E+999999999");
        // was sent and refused by the service: 17 emoji are 34 UTF-16 units but 17 characters, under the minimum 33
        assertRefused("{\"eventType\":\"scn.data.dataset\",\"data\":{},\"clientToken\":\""
                      + "\uD83D\uDE00".repeat(17) + "\"}", dataset, "clientToken", "17 characters");
        // was silently sent with U+FFFD in place of the bad byte
        assertRefused(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' }, dataset, "data",
                "not valid UTF-8");
        assertRefused(SendDataIntegrationEventRequest.builder().data("{}").eventTimestamp(Instant.MAX).build(),
                dataset, "eventTimestamp", "+1000000000");
        // a short header token of emoji is padded to 33 characters, so the service takes it
        emulator.reset();
        Map<String, Object> withToken = new HashMap<>(dataset);
        withToken.put(AwsScnEventConstants.CLIENT_TOKEN, "\uD83D\uDE00".repeat(17));
        Exchange padded = send("{}", withToken);
        assertThat(padded.getException()).isNull();
        assertThat(emulator.rejectedRequests()).isEmpty();
        assertThat(emulator.supplyChain().count()).isEqualTo(1);
    }

    private static void assertRefused(Object body, Map<String, Object> headers, String field, String actual)
            throws Exception {
        emulator.reset();
        Exchange exchange = send(body, headers);
        assertThat(exchange.getException()).isInstanceOfSatisfying(FieldValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getActual()).contains(actual);
        });
        assertThat(emulator.stats().requests(Api.SUPPLY_CHAIN)).isZero();
        assertTheNextMessageGoesThrough();
    }

    static void assertTheNextMessageGoesThrough() throws Exception {
        long before = emulator.supplyChain().count();
        Exchange good = send(universalRecord(), Map.of(AwsScnEventConstants.EVENT_TYPE, "scn.data.inboundorder",
                AwsScnEventConstants.EVENT_GROUP_ID, "good"));
        assertThat(good.getException()).as("the next good message").isNull();
        assertThat(emulator.supplyChain().count()).isEqualTo(before + 1);
    }

    static Map<String, Object> universalRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        for (String column : ALL_REQUIRED_COLUMNS) {
            record.put(column, column.equals("on_hand_inventory") || column.equals("quantity_submitted") ? 1 : "v");
        }
        return record;
    }

    static Exchange send(Object body, Map<String, Object> headers) throws Exception {
        CompletableFuture<Exchange> future = template.asyncSend("direct:send", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
        try {
            return future.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the message did not complete within " + TIME_LIMIT_SECONDS + " s (a hang)");
        }
    }

    // ---- bodies ----

    @Provide
    Arbitrary<Object> bodies() {
        Arbitrary<Object> text = jsonText().map(Object.class::cast);
        Arbitrary<Object> bytes = Arbitraries.oneOf(jsonText().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                invalidUtf8());
        Arbitrary<Object> streams = Arbitraries.oneOf(
                bytes.map(b -> (Object) new ByteArrayInputStream((byte[]) b)),
                jsonText().map(s -> (Object) new StringReader(s)));
        Arbitrary<Object> records = Arbitraries.oneOf(
                maps().map(Object.class::cast),
                Arbitraries.just(JsonNodeFactory.instance.objectNode().put("n", 1)),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode()),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode().add(1)),
                Arbitraries.just(JsonNodeFactory.instance.textNode("{}")),
                Arbitraries.just(new Order("o-1", 2)),
                jsonText().filter(s -> s.startsWith("{")).map(s -> {
                    try {
                        return (Object) ScnEventData.of(s);
                    } catch (FieldValidationException e) {
                        return (Object) s;
                    }
                }));
        Arbitrary<Object> collections = Arbitraries.oneOf(
                Arbitraries.oneOf(maps().map(Object.class::cast), jsonText().map(Object.class::cast),
                                Arbitraries.of(1, List.of(), "[]", new Cyclic()))
                        .injectNull(0.05).list().ofMaxSize(30).map(Object.class::cast),
                maps().list().ofMaxSize(3).map(l -> (Object) l.toArray()));
        Arbitrary<Object> split = Arbitraries.integers().between(1, 3).map(n -> (Object) bigRecords(n));
        Arbitrary<Object> requests = Arbitraries.oneOf(
                jsonText().map(data -> (Object) ("{\"eventType\":\"scn.data.dataset\",\"data\":"
                                                 + quote(data) + "}")),
                Arbitraries.of("{\"eventType\":\"scn.data.dataset\",\"data\":5}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":1e999999999}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":\"1e999999999\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":1e400}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":-1e400}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":\"NaN\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":\"+999999999-12-31T23:59:59Z\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":\"" + "1".repeat(100_000) + "\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"eventTimestamp\":true}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"clientToken\":\"" + "\uD83D\uDE00".repeat(17)
                        + "\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"clientToken\":\"" + "t".repeat(32) + "\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"clientToken\":\"" + "t".repeat(33) + "\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"clientToken\":\"" + "t".repeat(127) + "\"}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"unknown\":1}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"datasetTarget\":[]}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"datasetTarget\":{\"x\":1}}",
                        "{\"eventType\":\"scn.data.dataset\",\"data\":{},\"instanceId\":\"NOT-A-UUID\"}",
                        "{\"eventType\":7,\"data\":{}}", "{\"eventType\":null,\"data\":null}")
                        .map(Object.class::cast),
                Arbitraries.just(SendDataIntegrationEventRequest.builder().data("{}").build()),
                Arbitraries.just(SendDataIntegrationEventRequest.builder().build()),
                Arbitraries.just(SendDataIntegrationEventRequest.builder().data("{}").eventType("nope")
                        .eventGroupId("").build()));
        Arbitrary<Object> wrongTypes = Arbitraries.of(42, -1.5d, true, 'c', new Object(), Optional.empty(),
                new int[] { 1 }, BigInteger.TEN, Instant.EPOCH, new Cyclic(), new StringBuilder("{\"sb\":1}"));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(null)), Tuple.of(10, text), Tuple.of(3, bytes), Tuple.of(2, streams),
                Tuple.of(4, records), Tuple.of(4, collections), Tuple.of(1, split), Tuple.of(4, requests),
                Tuple.of(2, wrongTypes));
    }

    /** Records whose JSON array is around the 1,048,576-character data limit, so the message is split. */
    static List<String> bigRecords(int count) {
        String one = "{\"x\":\"" + "a".repeat(1_048_576 / 2 - 10) + "\"}";
        return java.util.Collections.nCopies(count, one);
    }

    static Arbitrary<String> jsonText() {
        Arbitrary<String> objects = Arbitraries.oneOf(
                Arbitraries.of("{}", "{\"a\":1}", " {\"a\" : [1, {\"b\":null}]} ", "{\"e\":\"\uD83D\uDE00\"}",
                        "{\"lone\":\"\uD800\"}", "{\"nul\":\"\u0000\"}", "{\"big\":1e999999999}",
                        "{\"long\":" + "9".repeat(999) + "}", "{\"toolong\":" + "9".repeat(1001) + "}",
                        "{\"eventType\":\"x\",\"data\":\"{}\"}", "{\"connection_id\":\"c\"}",
                        "[{\"a\":1},{\"connection_id\":\"c\"}]", "[{\"a\":1}, {\"b\":2}]", "[{}]", " [ {} , {} ] "),
                Arbitraries.strings().ofMaxLength(30).map(s -> "{\"s\":" + quote(s) + "}"));
        Arbitrary<String> malformed = Arbitraries.of("", " ", "{", "[", "[{}", "{\"a\":}", "{a:1}", "{}}", "{} {}",
                "{}x", "[{},]", "nul", "NaN", "\uFEFF{}", "{\"a\":\"unterminated}", "[]", "[1]", "[[{}]]", "[null]",
                "\"text\"", "42", "true", "null");
        Arbitrary<String> nested = Arbitraries.of(498, 499, 500, 501, 5000)
                .map(depth -> "{\"d\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");
        Arbitrary<String> sized = Arbitraries.of(1_048_575, 1_048_576, 1_048_577)
                .map(n -> "{\"x\":\"" + "a".repeat(n - 8) + "\"}");
        Arbitrary<String> sizedInArray = Arbitraries.of(1_048_573, 1_048_574, 1_048_575)
                .map(n -> "[{\"x\":\"" + "a".repeat(n - 8) + "\"}]");
        Arbitrary<String> surrogates = Arbitraries.of(1_048_575, 1_048_576)
                .map(n -> "{\"x\":\"" + "\uD83D\uDE00".repeat((n - 8) / 2) + "a".repeat((n - 8) % 2) + "\"}");
        // the megabyte-sized texts are few: each costs a megabyte of signing and checking on both sides
        return Arbitraries.frequencyOf(
                Tuple.of(16, objects), Tuple.of(8, malformed), Tuple.of(2, nested),
                Tuple.of(1, Arbitraries.oneOf(sized, sizedInArray, surrogates)),
                Tuple.of(4, Arbitraries.strings().ofMaxLength(40)));
    }

    private static Arbitrary<Object> invalidUtf8() {
        return Arbitraries.of(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' },
                new byte[] { '{', '}', (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                new byte[] { (byte) 0xFE, (byte) 0xFF, '{', '}' }, new byte[0]);
    }

    private static Arbitrary<Map<String, Object>> maps() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, Long.MAX_VALUE, new BigDecimal("1e999999999"),
                        true, List.of(), Map.of(), Instant.EPOCH, Optional.empty(), "connection_id")
                        .map(Object.class::cast));
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10),
                Arbitraries.of("connection_id", "eventType", "data", "id"));
        return Arbitraries.maps(keys, values.injectNull(0.1)).ofMaxSize(5)
                .map(m -> (Map<String, Object>) new LinkedHashMap<>(m));
    }

    /** A record body written as JSON. */
    public record Order(String id, int quantity) {
    }

    /** A bean that refers to itself: Jackson cannot write it. */
    public static final class Cyclic {
        public Cyclic getSelf() {
            return this;
        }
    }

    // ---- headers ----

    @Provide
    Arbitrary<Map<String, Object>> headers() {
        Arbitrary<Object> eventTypes = Arbitraries.oneOf(
                Arbitraries.of("scn.data.inboundorder", "scn.data.forecast", "scn.data.supplyplan", "scn.data.dataset",
                        "SCN.DATA.INBOUNDORDER", "scn.data.unknown", "", " ", 7, DataIntegrationEventType.SCN_DATA_SHIPMENT,
                        DataIntegrationEventType.UNKNOWN_TO_SDK_VERSION).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(20).map(Object.class::cast));
        Arbitrary<Object> groups = Arbitraries.oneOf(
                Arbitraries.of("g", "", "x".repeat(255), "x".repeat(256), "\uD83D\uDE00".repeat(127),
                        "\uD83D\uDE00".repeat(128), "\u0000", 12345, List.of("a")).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(30).map(Object.class::cast));
        Arbitrary<Object> tokens = Arbitraries.oneOf(
                Arbitraries.of("", "t", "t".repeat(32), "t".repeat(33), "t".repeat(126), "t".repeat(127),
                        "\uD83D\uDE00".repeat(16), "\uD83D\uDE00".repeat(17), "\uD83D\uDE00".repeat(63),
                        "\uD83D\uDE00".repeat(64), " ", 42).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast));
        Arbitrary<Object> times = Arbitraries.oneOf(
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(Double.NaN, 1.7e308, BigInteger.TWO.pow(70), new BigDecimal("1e999999999"),
                        Instant.MAX, Instant.MIN, Instant.parse("9999-12-31T23:59:59Z"), new Date(Long.MAX_VALUE),
                        "2024-05-01T10:15:30Z", "+999999999-12-31T23:59:59Z", "yesterday", "", true, new Object())
                        .map(Object.class::cast));
        Arbitrary<Object> datasets = Arbitraries.of(DATASET, ASC_DATASET, "arn:aws:scn:x", "", "d".repeat(1012),
                "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE + "/namespaces/n/datasets/" + "d".repeat(940),
                "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE + "/namespaces/n/datasets/" + "d".repeat(950))
                .map(Object.class::cast);
        Arbitrary<Object> operations = Arbitraries.of("APPEND", "UPSERT", "DELETE", "upsert", "", "MERGE")
                .map(Object.class::cast);
        Arbitrary<Object> operationHeader = Arbitraries.of("sendDataIntegrationEvent", "getDataIntegrationEvent",
                "deleteEverything", "", 3).map(Object.class::cast);
        return Combinators.combine(eventTypes.injectNull(0.2), groups.injectNull(0.2), tokens.injectNull(0.6),
                times.injectNull(0.6), datasets.injectNull(0.6), operations.injectNull(0.6),
                operationHeader.injectNull(0.9))
                .as((type, group, token, time, dataset, operation, op) -> {
                    Map<String, Object> h = new HashMap<>();
                    put(h, AwsScnEventConstants.EVENT_TYPE, type);
                    put(h, AwsScnEventConstants.EVENT_GROUP_ID, group);
                    put(h, AwsScnEventConstants.CLIENT_TOKEN, token);
                    put(h, AwsScnEventConstants.EVENT_TIMESTAMP, time);
                    put(h, AwsScnEventConstants.DATASET_IDENTIFIER, dataset);
                    put(h, AwsScnEventConstants.DATASET_OPERATION_TYPE, operation);
                    put(h, AwsScnEventConstants.OPERATION, op);
                    return h;
                });
    }

    private static void put(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
