package io.github.camelawsevents.aws.emulator.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
 * Random damage to well-formed requests at the byte level (cut anywhere, bytes replaced, inserted or dropped, request
 * lines and headers garbled), sent before the client shuts its output: every answer is a 200 or an AWS-shaped 4xx
 * (never a 5xx, never a hang), and the emulator keeps serving.
 */
class MalformedHttpPropertyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static AwsEventsEmulator emulator;

    @BeforeContainer
    static void start() {
        emulator = AwsEventsEmulator.builder().verifySignatures(false).requestTimeout(Duration.ofSeconds(2)).start();
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @BeforeTry
    void reset() {
        emulator.reset();
    }

    @Property(tries = 300, seed = "8086")
    void damagedRequestsGetAnAwsShapedAnswer(@ForAll("damaged") byte[] request) {
        List<Wire.Response> responses = Wire.exchange(emulator, request, true, WAIT);
        for (Wire.Response r : responses) {
            if (r.status() != 200) {
                Wire.assertAwsShapedError(r);
            }
        }
        Wire.assertStillServing(emulator);
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<byte[]> base = Arbitraries.oneOf(
                Arbitraries.just(Wire.goodPartnerRequest(emulator)),
                Arbitraries.just(Wire.goodScnRequest(emulator)),
                Arbitraries.of("GET /_emulator/stats HTTP/1.1\r\nHost: x\r\n\r\n",
                        "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSEvents.Nope\r\nContent-Length: 2\r\n\r\n{}",
                        "POST / HTTP/1.0\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSEvents.PutEvents"
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                        "GET /api-data/data-integration/instance/%zz/data-integration-events/%00 HTTP/1.1\r\n\r\n",
                        "GET /api-data/data-integration/instance/" + Wire.INSTANCE + "/data-integration-events"
                        + "?maxResults=%G1&nextToken=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                        "GET /_emulator/scn/events?limit=%zz&offset=-1 HTTP/1.1\r\nHost: x\r\n\r\n",
                        "DELETE / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}")
                        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)));
        return base.flatMap(b -> damage(b, 3));
    }

    private static Arbitrary<byte[]> damage(byte[] request, int rounds) {
        if (rounds == 0) {
            return Arbitraries.just(request);
        }
        Arbitrary<byte[]> once = Arbitraries.integers().between(0, request.length).flatMap(at -> Arbitraries.oneOf(
                // cut here
                Arbitraries.just(java.util.Arrays.copyOf(request, at)),
                // replace one byte
                Arbitraries.of((byte) 0, (byte) '\r', (byte) '\n', (byte) ':', (byte) ' ', (byte) 0xFF, (byte) 'x',
                        (byte) '9', (byte) '-').map(v -> replace(request, at, v)),
                // insert a fragment
                Arbitraries.of("\r\n", "\r\n\r\n", ":", "Content-Length: 99999999999\r\n", "Content-Length: 5\r\n",
                        "Transfer-Encoding: chunked\r\n", "Expect: 100-continue\r\n", "Connection: close\r\n",
                        "X-Amz-Target: AWSEvents.PutEvents\r\n", "\u0000", " HTTP/9.9", "%", "\uFFFD")
                        .map(f -> insert(request, at, f.getBytes(StandardCharsets.UTF_8))),
                // drop a stretch
                Arbitraries.integers().between(1, 40).map(n -> drop(request, at, n))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(request)),
                net.jqwik.api.Tuple.of(4, once.flatMap(b -> damage(b, rounds - 1))));
    }

    private static byte[] replace(byte[] in, int at, byte value) {
        byte[] out = in.clone();
        if (at < out.length) {
            out[at] = value;
        }
        return out;
    }

    private static byte[] insert(byte[] in, int at, byte[] fragment) {
        byte[] out = new byte[in.length + fragment.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(fragment, 0, out, at, fragment.length);
        System.arraycopy(in, at, out, at + fragment.length, in.length - at);
        return out;
    }

    private static byte[] drop(byte[] in, int at, int length) {
        int end = Math.min(in.length, at + length);
        byte[] out = new byte[in.length - (end - at)];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, end, out, at, in.length - end);
        return out;
    }
}
