package io.github.camelawsevents.aws.emulator.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies for each write operation, on well-formed HTTP with the right target and content type: random and
 * malformed JSON, members of the wrong type, numbers such as {@code 1e999999999} where a timestamp belongs, invalid
 * UTF-8, deep nesting, huge strings. Each gets a 200 or an AWS-shaped 4xx within the time limit (never a 5xx from the
 * emulator itself, never a hang), and the emulator answers the next good request.
 */
class HostileBodiesPropertyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static AwsEventsEmulator emulator;

    @BeforeContainer
    static void start() {
        emulator = AwsEventsEmulator.builder().verifySignatures(false).strictRecords(true).start();
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @BeforeTry
    void reset() {
        emulator.reset();
    }

    @Property(tries = 300, seed = "31337")
    void partnerEventsBodies(@ForAll("partnerBodies") byte[] body) {
        check(Wire.request("POST", "/", Wire.eventBridgeHeaders("PutPartnerEvents"), body), body);
    }

    @Property(tries = 150, seed = "31338")
    void putEventsBodies(@ForAll("partnerBodies") byte[] body) {
        check(Wire.request("POST", "/", Wire.eventBridgeHeaders("PutEvents"), body), body);
    }

    @Property(tries = 300, seed = "31339")
    void supplyChainBodies(@ForAll("scnBodies") byte[] body) {
        check(Wire.request("POST", Wire.SCN_PATH, Wire.jsonHeaders(), body), body);
    }

    private static void check(byte[] request, byte[] body) {
        List<Wire.Response> responses = Wire.exchange(emulator, request, false, WAIT);
        assertThat(responses).as("an answer within %s to %s", WAIT, preview(body)).hasSize(1);
        Wire.Response r = responses.get(0);
        if (r.status() != 200) {
            Wire.assertAwsShapedError(r);
            assertThat(r.status()).as("%s for %s", r, preview(body)).isIn(400, 409, 413, 415);
            assertThat(emulator.rejectedRequests()).isNotEmpty();
        }
        Wire.assertStillServing(emulator);
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + body.length + " bytes)";
    }

    // ---- generators ----

    @Provide
    Arbitrary<byte[]> partnerBodies() {
        Arbitrary<String> entry = Arbitraries.oneOf(
                object(Map.of("Source", sources(), "DetailType", texts(), "Detail", details(), "Time", times(),
                        "Resources", Arbitraries.oneOf(anyJson(2), texts().list().ofMaxSize(3).map(HostileBodiesPropertyTest::array)),
                        "EventBusName", texts())),
                anyJson(3));
        Arbitrary<String> entries = Arbitraries.oneOf(
                entry.list().ofMaxSize(25).map(HostileBodiesPropertyTest::array),
                anyJson(3));
        Arbitrary<String> json = Arbitraries.oneOf(
                entries.map(e -> "{\"Entries\":" + e + "}"),
                entries.map(e -> "{\"Entries\":" + e + ",\"Entries\":[]}"),
                anyJson(4));
        return bodies(json);
    }

    @Provide
    Arbitrary<byte[]> scnBodies() {
        Arbitrary<String> target = Arbitraries.oneOf(
                object(Map.of("datasetIdentifier", Arbitraries.oneOf(texts().map(HostileBodiesPropertyTest::quote),
                                Arbitraries.just("\"arn:aws:scn:us-east-1:123456789012:instance/" + Wire.INSTANCE
                                                 + "/namespaces/default/datasets/d\"")),
                        "operationType", Arbitraries.of("\"APPEND\"", "\"UPSERT\"", "\"x\"", "1", "null"))),
                anyJson(2));
        Arbitrary<String> json = Arbitraries.oneOf(
                object(Map.of(
                        "eventType", Arbitraries.oneOf(Arbitraries.of("\"scn.data.inboundorder\"", "\"scn.data.dataset\"",
                                "\"scn.data.forecast\"", "\"nope\"", "7", "null", "[]"), anyJson(1)),
                        "data", Arbitraries.oneOf(anyJson(3).map(HostileBodiesPropertyTest::quote),
                                Arbitraries.just(quote("{\"id\":\"1\",\"tpartner_id\":\"p\"}")),
                                Arbitraries.just(quote("[{\"id\":\"1\",\"connection_id\":\"c\"}]")), anyJson(2),
                                Arbitraries.integers().between(1_048_570, 1_048_580)
                                        .map(n -> quote("{\"id\":\"" + "x".repeat(Math.max(0, n - 10)) + "\"}"))),
                        "eventGroupId", Arbitraries.oneOf(texts().map(HostileBodiesPropertyTest::quote),
                                Arbitraries.integers().between(254, 257).map(n -> quote("g".repeat(n))), anyJson(1)),
                        "eventTimestamp", times(),
                        "clientToken", Arbitraries.oneOf(Arbitraries.integers().between(0, 130)
                                .map(n -> quote("t".repeat(n))), Arbitraries.just(quote("\uD83D\uDE00".repeat(20))),
                                anyJson(1)),
                        "datasetTarget", target,
                        "extra", anyJson(2))),
                anyJson(4));
        return bodies(json);
    }

    /** JSON text as UTF-8, sometimes truncated, sometimes with invalid UTF-8 or NUL bytes spliced in, or pure noise. */
    private static Arbitrary<byte[]> bodies(Arbitrary<String> json) {
        Arbitrary<byte[]> exact = json.map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = json.flatMap(s -> Arbitraries.integers().between(0, s.length())
                .map(n -> s.substring(0, n).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> spliced = json.flatMap(s -> Arbitraries.integers().between(0, s.length())
                .flatMap(at -> Arbitraries.of(new byte[] { (byte) 0xC3 }, new byte[] { (byte) 0xFF, (byte) 0xFE },
                                new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { 0 },
                                new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 })
                        .map(bad -> splice(s.substring(0, at).getBytes(StandardCharsets.UTF_8), bad,
                                s.substring(at).getBytes(StandardCharsets.UTF_8)))));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> deep = Arbitraries.integers().between(900, 5000)
                .map(n -> ("{\"Entries\":" + "[".repeat(n) + "]".repeat(n) + "}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, exact), net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(2, spliced), net.jqwik.api.Tuple.of(1, noise),
                net.jqwik.api.Tuple.of(1, deep));
    }

    private static byte[] splice(byte[] a, byte[] b, byte[] c) {
        byte[] out = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    private static Arbitrary<String> sources() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"" + Wire.SOURCE + "\"", "\"aws.partner/a\"", "\"\"", "\"aws.partner/a/" + "b".repeat(250)
                        + "\"", "\"aws.partner/a/" + "b".repeat(241) + "\"", "\"aws.partner/a/" + "b".repeat(242) + "\""),
                texts().map(HostileBodiesPropertyTest::quote), anyJson(1));
    }

    private static Arbitrary<String> details() {
        return Arbitraries.oneOf(
                anyJson(3).map(HostileBodiesPropertyTest::quote),
                Arbitraries.just(quote("{\"a\":1}")),
                Arbitraries.integers().between(262_100, 262_200).map(n -> quote("{\"x\":\"" + "y".repeat(n) + "\"}")),
                anyJson(2));
    }

    private static Arbitrary<String> times() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e999999999", "-1e999999999", "1e-999999999", "-1e-999999999", "1E+2147483647",
                        "9223372036854775808", "-9223372036854775809", "1.7e308", "1700000000.123456789123",
                        "0", "-0.0", "253402300800", "\"2024-05-01T10:15:30Z\"", "null", "true", "[]", "{}",
                        "1" + "0".repeat(999), "0." + "0".repeat(990) + "1"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().filter(Double::isFinite).map(String::valueOf));
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(4),
                Arbitraries.of("", " ", "\u0000", "\uD83D\uDE00", "é", "x".repeat(129), "x".repeat(128),
                        "\uD83D\uDE00".repeat(65)));
    }

    /** Any JSON value of at most {@code depth} levels (strings, numbers, literals, arrays, objects). */
    private static Arbitrary<String> anyJson(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                texts().map(HostileBodiesPropertyTest::quote),
                Arbitraries.of("0", "-1", "1e999999999", "1.5", "true", "false", "null", "1e-400",
                        "123456789012345678901234567890"),
                Arbitraries.integers().map(String::valueOf));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> anyJson(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(HostileBodiesPropertyTest::array)),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(texts(), inner).ofMaxSize(4)
                        .map(m -> {
                            StringBuilder sb = new StringBuilder("{");
                            m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(quote(k)).append(':')
                                    .append(v));
                            return sb.append('}').toString();
                        })));
    }

    /** An object whose members each appear or not, with a generated value. */
    private static Arbitrary<String> object(Map<String, Arbitrary<String>> members) {
        Arbitrary<String> result = Arbitraries.just("");
        for (Map.Entry<String, Arbitrary<String>> member : members.entrySet()) {
            Arbitrary<String> value = member.getValue().injectNull(0.2);
            result = result.flatMap(prefix -> value.map(v -> v == null ? prefix
                    : prefix + (prefix.isEmpty() ? "" : ",") + quote(member.getKey()) + ":" + v));
        }
        return result.map(body -> "{" + body + "}");
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
