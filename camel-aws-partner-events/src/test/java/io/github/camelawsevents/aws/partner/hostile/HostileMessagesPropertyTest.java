package io.github.camelawsevents.aws.partner.hostile;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsConfiguration;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsConstants;
import io.github.camelawsevents.aws.partner.PartnerEventDetail;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies and headers through a real route, the real AWS SDK and the emulator (signatures verified). Every
 * message ends, within a time limit, either as a correct send (the emulator accepted every entry and refused no
 * request: a refusal would be a rule the component could have checked) or as a {@link FieldValidationException}
 * naming the field, with nothing sent. Never another exception type (no NullPointerException, no
 * ClassCastException), never a hang, and the next good message always arrives.
 */
class HostileMessagesPropertyTest {

    static final String SOURCE = "aws.partner/example.com/orders/created";
    static final String URI = "aws-partner-events:" + SOURCE + "?detailType=OrderCreated";
    private static final long TIME_LIMIT_SECONDS = 30;

    private static AwsEventsEmulator emulator;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeContainer
    static void start() throws Exception {
        emulator = AwsEventsEmulator.builder().start();
        context = new DefaultCamelContext();
        AwsPartnerEventsComponent component = new AwsPartnerEventsComponent();
        configure(component.getConfiguration(), emulator);
        context.addComponent("aws-partner-events", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("hostile").to(URI);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    static void configure(AwsPartnerEventsConfiguration configuration, AwsEventsEmulator emulator) {
        configuration.setRegion(emulator.region());
        configuration.setOverrideEndpoint(true);
        configuration.setUriEndpointOverride(emulator.endpoint().toString());
        configuration.setAccessKey(emulator.accessKey());
        configuration.setSecretKey(emulator.secretKey());
        configuration.setEntryRetryBackoff(1);
        configuration.setEntryRetryMaxBackoff(5);
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

    @Property(tries = 400, seed = "20240501")
    void everyMessageIsSentCorrectlyOrRefusedWithTheField(@ForAll("bodies") Object body,
                                                          @ForAll("headers") Map<String, Object> headers)
            throws Exception {
        Exchange exchange = send(body, headers);
        Exception error = exchange.getException();
        assertThat(emulator.rejectedRequests()).as("requests the emulator refused (a check the component missed)")
                .isEmpty();
        if (error == null) {
            List<?> ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
            assertThat(ids).as("event ids").isNotNull().doesNotContainNull();
            assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(0);
            assertThat(emulator.partnerEvents().count()).as("entries stored").isEqualTo(ids.size());
            if (body instanceof String text && ids.size() == 1) {
                assertThat(emulator.partnerEvents().events()).extracting(PartnerEvent::detail).containsExactly(text);
            }
        } else {
            assertThat(error).as("the exchange's exception").isInstanceOf(FieldValidationException.class);
            assertThat(((FieldValidationException) error).getField()).as("the field named").isNotBlank();
            assertThat(error.getMessage()).startsWith("Invalid ");
            assertThat(emulator.partnerEvents().requestCount()).as("requests sent for a refused message").isZero();
        }
        assertTheNextMessageGoesThrough();
    }

    /** The defects this test found, one example each (each was sent, or failed untyped, before the fix). */
    @net.jqwik.api.Example
    void foundDefectsStayFixed() throws Exception {
        assertRefused(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' }, Map.of(), "Detail",
                "not valid UTF-8");
        assertRefused(PutPartnerEventsRequestEntry.builder().detail("{}").time(Instant.MAX).build(), Map.of(), "Time",
                "+1000000000");
        assertRefused("{}", Map.of(AwsPartnerEventsConstants.TIME, Double.NaN), AwsPartnerEventsConstants.TIME, "NaN");
        assertRefused("{}", Map.of(AwsPartnerEventsConstants.TIME, BigInteger.TWO.pow(64).add(BigInteger.valueOf(5))),
                AwsPartnerEventsConstants.TIME, "18446744073709551621");
        assertRefused("{}", Map.of(AwsPartnerEventsConstants.TIME, "+999999999-12-31T23:59:59Z"),
                AwsPartnerEventsConstants.TIME, "+999999999");
        assertRefused(new Cyclic(), Map.of(), "Detail", "cannot be written as JSON");
    }

    private static void assertRefused(Object body, Map<String, Object> headers, String field, String actual)
            throws Exception {
        emulator.reset();
        Exchange exchange = send(body, headers);
        assertThat(exchange.getException()).isInstanceOfSatisfying(FieldValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getActual()).contains(actual);
        });
        assertThat(emulator.partnerEvents().requestCount()).isZero();
        assertTheNextMessageGoesThrough();
    }

    static void assertTheNextMessageGoesThrough() throws Exception {
        long before = emulator.partnerEvents().count();
        Exchange good = send("{\"good\":true}", Map.of());
        assertThat(good.getException()).as("the next good message").isNull();
        assertThat(emulator.partnerEvents().count()).isEqualTo(before + 1);
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
        Arbitrary<Object> one = element();
        Arbitrary<Object> many = Arbitraries.oneOf(
                element().injectNull(0.05).list().ofMaxSize(45).map(Object.class::cast),
                element().list().ofMaxSize(5).map(l -> (Object) l.toArray()),
                entries().list().ofMaxSize(25).map(l -> (Object) PutPartnerEventsRequest.builder().entries(l).build()));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(8, one),
                Tuple.of(3, many));
    }

    /** One entry's worth of body: Detail text in any form, a record, an SDK entry, or a wrong type. */
    private Arbitrary<Object> element() {
        Arbitrary<Object> text = jsonText().map(Object.class::cast);
        Arbitrary<Object> bytes = Arbitraries.oneOf(
                jsonText().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                invalidUtf8());
        Arbitrary<Object> stream = bytes.map(b -> (Object) new ByteArrayInputStream((byte[]) b));
        Arbitrary<Object> records = Arbitraries.oneOf(
                maps().map(Object.class::cast),
                maps().map(m -> (Object) JsonNodeFactory.instance.pojoNode(m)),
                Arbitraries.just(JsonNodeFactory.instance.objectNode().put("n", 1)),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode().add(1)),
                Arbitraries.just(JsonNodeFactory.instance.textNode("{\"a\":1}")),
                jsonText().map(s -> (Object) new PartnerEventDetail(s)),
                Arbitraries.just(new Order("o-1", 3, List.of("x"))));
        Arbitrary<Object> wrongTypes = Arbitraries.of(42, -1.5d, Double.NaN, true, 'c', new Object(),
                Optional.empty(), Optional.of("x"), new StringBuilder("{\"sb\":1}"), new int[] { 1, 2 },
                BigInteger.TEN, Instant.EPOCH, Thread.State.NEW, new Cyclic());
        return Arbitraries.frequencyOf(
                Tuple.of(10, text), Tuple.of(3, bytes), Tuple.of(2, stream), Tuple.of(4, records),
                Tuple.of(3, entries().map(Object.class::cast)), Tuple.of(2, wrongTypes));
    }

    private Arbitrary<PutPartnerEventsRequestEntry> entries() {
        return Arbitraries.oneOf(
                Arbitraries.just(PutPartnerEventsRequestEntry.builder().detail("{\"e\":1}").build()),
                net.jqwik.api.Combinators.combine(
                        sources().injectNull(0.4), detailTypes().injectNull(0.4), jsonText().injectNull(0.1),
                        resources().injectNull(0.6), times().injectNull(0.6))
                        .as((source, type, detail, resources, time) -> {
                            PutPartnerEventsRequestEntry.Builder b = PutPartnerEventsRequestEntry.builder()
                                    .source(source).detailType(type).detail(detail);
                            if (resources != null) {
                                b.resources(resources);
                            }
                            if (time != null) {
                                b.time(time);
                            }
                            return b.build();
                        }));
    }

    /** JSON text of every kind: objects, malformed text, other roots, deep nesting, sizes at the limits. */
    static Arbitrary<String> jsonText() {
        Arbitrary<String> objects = Arbitraries.oneOf(
                Arbitraries.of("{}", "{\"a\":1}", " {\"a\" : [1, 2, {\"b\":null}]} ", "{\"emoji\":\"\uD83D\uDE00\"}",
                        "{\"lone\":\"\uD800\"}", "{\"nul\":\"\u0000\"}", "{\"esc\":\"\\u0000\\ud800\"}",
                        "{\"big\":1e999999999}", "{\"long\":" + "9".repeat(999) + "}",
                        "{\"dup\":1,\"dup\":2}", "{\"é\":\"ü\"}"),
                Arbitraries.strings().ofMaxLength(30).map(s -> "{\"s\":" + quote(s) + "}"));
        Arbitrary<String> malformed = Arbitraries.of("", " ", "\t\n", "{", "}", "{\"a\":}", "{'a':1}", "{a:1}",
                "{\"a\":1}}", "{\"a\":1} {}", "{\"a\":1}x", "{\"a\":1,}", "[1,]", "nul", "NaN", "{\"a\":NaN}",
                "\uFEFF{}", "{\"a\":\"unterminated}", "// comment\n{}", "{\"a\":01}");
        Arbitrary<String> otherRoots = Arbitraries.of("[]", "[{}]", "\"text\"", "42", "-0.0", "true", "null",
                "[{\"a\":1},{\"b\":2}]");
        Arbitrary<String> nested = Arbitraries.of(498, 499, 500, 501, 502, 2000, 20_000)
                .map(depth -> "{\"d\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");
        // entry size = Detail + Source (39) + DetailType (11) bytes; the request limit is 262144, strictly under
        Arbitrary<String> sized = Arbitraries.of(262_143, 262_144, 262_145, 131_072)
                .map(entrySize -> sizedDetail(entrySize - SOURCE.length() - "OrderCreated".length()));
        Arbitrary<String> random = Arbitraries.strings().ofMaxLength(60);
        return Arbitraries.frequencyOf(
                Tuple.of(8, objects), Tuple.of(4, malformed), Tuple.of(2, otherRoots), Tuple.of(1, nested),
                Tuple.of(1, sized), Tuple.of(2, random));
    }

    /** A Detail object of exactly {@code bytes} UTF-8 bytes, with multibyte characters near the end. */
    static String sizedDetail(int bytes) {
        String head = "{\"x\":\"";
        String tail = "\u00e9\"}"; // é is 2 bytes
        return head + "a".repeat(bytes - head.length() - 4) + tail;
    }

    private static Arbitrary<Object> invalidUtf8() {
        return Arbitraries.of(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' },
                new byte[] { '{', '}', (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, '"', '}' },
                new byte[] { (byte) 0xFE, (byte) 0xFF, '{', '}' }, new byte[0]);
    }

    private static Arbitrary<Map<String, Object>> maps() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0d, Long.MIN_VALUE, new BigDecimal("1e-400"),
                        new BigDecimal("1e999999999"), true, List.of(), Map.of(), Instant.EPOCH, Optional.empty())
                        .map(Object.class::cast));
        return Arbitraries.maps(Arbitraries.strings().ofMaxLength(10), values.injectNull(0.1)).ofMaxSize(5)
                .map(m -> (Map<String, Object>) new LinkedHashMap<>(m));
    }

    /** A bean that refers to itself: Jackson cannot write it (identity hashCode, so generators can hold it). */
    public static final class Cyclic {
        public Cyclic getSelf() {
            return this;
        }
    }

    /** A record body, written as JSON by the component. */
    public record Order(String id, int quantity, List<String> tags) {
    }

    // ---- headers ----

    @Provide
    Arbitrary<Map<String, Object>> headers() {
        return net.jqwik.api.Combinators.combine(
                sources().map(Object.class::cast).injectNull(0.7),
                Arbitraries.oneOf(detailTypes().map(Object.class::cast), Arbitraries.of(5, 7.5, true, List.of("x")))
                        .injectNull(0.7),
                Arbitraries.oneOf(resources().map(Object.class::cast),
                        Arbitraries.of(" arn:a , , arn:b ", "", ",", 42, Map.of("a", 1), Arrays.asList("arn:x", null),
                                Arrays.asList(1, 2), List.of(" "))).injectNull(0.7),
                Arbitraries.oneOf(times().map(Object.class::cast), hostileTimes()).injectNull(0.7))
                .as((source, type, resources, time) -> {
                    Map<String, Object> h = new HashMap<>();
                    put(h, AwsPartnerEventsConstants.SOURCE, source);
                    put(h, AwsPartnerEventsConstants.DETAIL_TYPE, type);
                    put(h, AwsPartnerEventsConstants.RESOURCES, resources);
                    put(h, AwsPartnerEventsConstants.TIME, time);
                    return h;
                });
    }

    private static void put(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    static Arbitrary<String> sources() {
        return Arbitraries.oneOf(
                Arbitraries.of(SOURCE, "aws.partner/a/b", "aws.partner/a", "aws.partner//b", "AWS.partner/a/b",
                        "aws.partner/a/b/", "aws.partner/a b/c", "", " ", "aws.partner/é/b",
                        "aws.partner/x/" + "y".repeat(242), "aws.partner/x/" + "y".repeat(243),
                        "aws.partner/x/" + "y".repeat(10_000)),
                Arbitraries.strings().ofMaxLength(30));
    }

    static Arbitrary<String> detailTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of("OrderCreated", "", " ", "x".repeat(128), "x".repeat(129), "\uD83D\uDE00".repeat(128),
                        "\uD83D\uDE00".repeat(129), "\uD800".repeat(128), "\u0000", "é".repeat(128)),
                Arbitraries.strings().ofMaxLength(140));
    }

    static Arbitrary<List<String>> resources() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(4),
                Arbitraries.just(List.of("arn:aws:s3:::bucket", "arn:aws:sqs:us-east-1:123456789012:q")),
                Arbitraries.just(List.of("r".repeat(262_000))),
                Arbitraries.just(new ArrayList<>(Arrays.asList("arn:a", null))));
    }

    static Arbitrary<Instant> times() {
        return Arbitraries.oneOf(
                Arbitraries.of(Instant.EPOCH, Instant.parse("2024-05-01T10:15:30Z"), Instant.MIN, Instant.MAX,
                        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("0000-01-01T00:00:00Z"),
                        Instant.parse("+10000-01-01T00:00:00Z"), Instant.ofEpochMilli(Long.MAX_VALUE)),
                Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L).map(Instant::ofEpochSecond));
    }

    static Arbitrary<Object> hostileTimes() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1.7e308, -0.0d, BigInteger.TWO.pow(70),
                        new BigDecimal("1e999999999"), "2024-05-01T10:15:30Z", "+999999999-12-31T23:59:59Z",
                        "yesterday", "", "1700000000", new Date(Long.MAX_VALUE), new Date(0), true, new Object(),
                        List.of(1))
                        .map(Object.class::cast));
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
