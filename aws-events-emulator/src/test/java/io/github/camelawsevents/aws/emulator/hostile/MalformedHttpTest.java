package io.github.camelawsevents.aws.emulator.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.RejectedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelawsevents.aws.emulator.hostile.Wire.assertAwsShapedError;
import static io.github.camelawsevents.aws.emulator.hostile.Wire.exchange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed HTTP, truncated and oversized requests over raw sockets: each gets an AWS-shaped error (status, error type
 * readable by both protocols' clients, message), is recorded as a rejection, stores nothing, and the emulator keeps
 * serving.
 */
class MalformedHttpTest {

    /** Short, so the test of a stalled request needs no long wait; no sleep anywhere: the read blocks on the answer. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().requestTimeout(REQUEST_TIMEOUT));

    @AfterEach
    void stillServingAndNothingStoredByTheHostileRequest() {
        assertThat(AWS.emulator().partnerEvents().count()).isZero();
        assertThat(AWS.emulator().supplyChain().count()).isZero();
        Wire.assertStillServing(AWS.emulator());
    }

    @Test
    void aGarbageRequestLineIsABadRequest() {
        assertSingleError("NOT HTTP AT ALL\r\n\r\n", 400, "BadRequestException");
    }

    @Test
    void aHeaderWithoutAColonIsABadRequest() {
        assertSingleError("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nthis is no header\r\nContent-Length: 0\r\n\r\n",
                400, "BadRequestException");
    }

    @Test
    void anInvalidContentLengthIsABadRequest() {
        assertSingleError("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n{}", 400,
                "BadRequestException");
        assertSingleError("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n{}", 400,
                "BadRequestException");
        assertSingleError("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                400, "BadRequestException");
    }

    @Test
    void anInvalidChunkIsABadRequest() {
        assertSingleError("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                400, "BadRequestException");
    }

    @Test
    void anOverlongHeaderOrRequestLineIsABadRequest() {
        assertSingleError("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
                          + "\r\nContent-Length: 0\r\n\r\n", 400, "BadRequestException");
        // the request line may hold a ListDataIntegrationEvents nextToken of 65,535 characters, percent-encoded
        assertSingleError("GET /" + "a".repeat(AwsEventsEmulator.MAX_INITIAL_LINE_BYTES) + " HTTP/1.1\r\nHost: 127.0.0.1"
                          + "\r\n\r\n", 400, "BadRequestException");
    }

    @Test
    void aBodyCutShortBeforeTheClientShutsItsOutputIsABadRequest() {
        byte[] full = Wire.goodPartnerRequest(AWS.emulator());
        byte[] truncated = Arrays.copyOf(full, full.length - 10);
        List<Wire.Response> responses = exchange(AWS.emulator(), truncated, true, WAIT);
        assertThat(responses).singleElement().satisfies(r -> {
            assertAwsShapedError(r);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorType()).isEqualTo("BadRequestException");
        });
        assertRecorded(400, "BadRequestException");
    }

    @Test
    void headersCutShortBeforeTheClientShutsItsOutputAreABadRequest() {
        List<Wire.Response> responses = exchange(AWS.emulator(),
                Wire.utf8("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Tar"), true, WAIT);
        assertThat(responses).singleElement().satisfies(r -> {
            assertAwsShapedError(r);
            assertThat(r.errorType()).isEqualTo("BadRequestException");
        });
    }

    @Test
    void aBodyThatStopsArrivingIsAnsweredAfterTheRequestTimeout() {
        byte[] full = Wire.goodScnRequest(AWS.emulator());
        byte[] truncated = Arrays.copyOf(full, full.length - 5);
        // the client keeps its connection open and sends nothing more: the read blocks until the 408 arrives
        List<Wire.Response> responses = exchange(AWS.emulator(), truncated, false, WAIT);
        assertThat(responses).singleElement().satisfies(r -> {
            assertAwsShapedError(r);
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.errorType()).isEqualTo("RequestTimeoutException");
            assertThat(r.header("connection")).isEqualToIgnoringCase("close");
        });
        assertRecorded(408, "RequestTimeoutException");
    }

    @Test
    void anIdleKeepAliveConnectionIsNotTimedOut() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(AWS.emulator().host(), AWS.emulator().port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(Wire.goodPartnerRequest(AWS.emulator()));
            assertThat(Wire.read(socket.getInputStream()).status()).isEqualTo(200);
            // wait past the request timeout on the same connection by doing a full round trip on another one first
            long deadline = System.nanoTime() + REQUEST_TIMEOUT.multipliedBy(3).toNanos();
            while (System.nanoTime() < deadline) {
                Wire.assertStillServing(AWS.emulator());
            }
            socket.getOutputStream().write(Wire.goodPartnerRequest(AWS.emulator()));
            assertThat(Wire.read(socket.getInputStream()).status()).as("the idle connection still works")
                    .isEqualTo(200);
        }
        AWS.emulator().reset();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() {
        String head = "POST " + Wire.SCN_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: " + (AwsEventsEmulator.MAX_REQUEST_BODY_BYTES + 1) + "\r\n\r\n{";
        List<Wire.Response> responses = exchange(AWS.emulator(), Wire.utf8(head), false, WAIT);
        assertThat(responses).singleElement().satisfies(r -> {
            assertAwsShapedError(r);
            assertThat(r.status()).isEqualTo(413);
        });
        assertRecorded(413, "RequestEntityTooLarge");
    }

    @Test
    void onlyBlankLinesThenCloseIsJustAClose() {
        assertThat(exchange(AWS.emulator(), Wire.utf8("\r\n\r\n\r\n"), true, WAIT)).isEmpty();
    }

    private static void assertSingleError(String request, int status, String errorType) {
        List<Wire.Response> responses = exchange(AWS.emulator(), request.getBytes(StandardCharsets.ISO_8859_1), true,
                WAIT);
        assertThat(responses).as("answers to %s", abbreviate(request)).singleElement().satisfies(r -> {
            assertAwsShapedError(r);
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.errorType()).isEqualTo(errorType);
        });
        assertRecorded(status, errorType);
    }

    private static void assertRecorded(int status, String errorType) {
        List<RejectedRequest> rejected = AWS.emulator().rejectedRequests();
        assertThat(rejected).isNotEmpty();
        RejectedRequest last = rejected.get(rejected.size() - 1);
        assertThat(last.status()).isEqualTo(status);
        assertThat(last.errorType()).isEqualTo(errorType);
    }

    private static String abbreviate(String s) {
        return s.length() < 100 ? s : s.substring(0, 100) + "...";
    }
}
