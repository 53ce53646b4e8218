package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/1.1 details: Expect: 100-continue, oversized bodies, keep-alive, pipelining, injected latency order. */
class HttpBehaviourTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().verifySignatures(false));

    static final String PATH = SignatureVerificationTest.SCN_PATH;

    @Test
    void honoursExpect100Continue() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(AWS.emulator().endpoint() + PATH))
                .expectContinue(true).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SignatureVerificationTest.SCN_BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
    }

    @Test
    void everyAnswerCarriesAnRfc1123DateHeaderTheSdksCorrectTheirClockFrom() throws Exception {
        java.util.function.Consumer<HttpResponse<String>> hasDate = r -> {
            String date = r.headers().firstValue("Date").orElse(null);
            assertThat(date).as("Date of a %d", r.statusCode()).isNotNull();
            java.time.Instant sent = java.time.ZonedDateTime.parse(date,
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(Duration.between(sent, java.time.Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        };
        hasDate.accept(RawHttp.send(AWS.emulator(), "POST", PATH, RawHttp.jsonHeaders(),
                SignatureVerificationTest.SCN_BODY, null));
        hasDate.accept(RawHttp.send(AWS.emulator(), "POST", PATH, RawHttp.jsonHeaders(), "{}", null));
        hasDate.accept(RawHttp.send(AWS.emulator(), "GET", "/_emulator", java.util.Map.of(), null, null));
        hasDate.accept(RawHttp.send(AWS.emulator(), "POST", "/", RawHttp.eventBridgeHeaders("PutPartnerEvents"),
                "{\"Entries\":[{\"Source\":\"" + PartnerEventsTest.SOURCE + "\",\"DetailType\":\"t\",\"Detail\":"
                        + Json.quote(PartnerEventsTest.detail(262_145)) + "}]}", null));
        try (AwsEventsEmulator signed = AwsEventsEmulator.startDefault()) {
            HttpResponse<String> forbidden = RawHttp.send(signed, "POST", PATH, RawHttp.jsonHeaders(),
                    SignatureVerificationTest.SCN_BODY, null);
            assertThat(forbidden.statusCode()).isEqualTo(403);
            hasDate.accept(forbidden);
        }
    }

    @Test
    void aBodyOverTheServerLimitIs413AndRecorded() throws IOException {
        // a raw socket that sends the whole oversized body, then reads: the server answers 413 as soon as it sees the
        // Content-Length, and keeps reading (and dropping) the body, so the answer is never lost to a reset
        int length = AwsEventsEmulator.MAX_REQUEST_BODY_BYTES + 1;
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: " + length + "\r\n\r\n";
        try (Socket socket = new Socket(AWS.emulator().host(), AWS.emulator().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent));
            }
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 413 ");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("\r\ndate: ");
            assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).as("the body").isEmpty();
        }
        assertThat(AWS.emulator().rejectedRequests()).singleElement().satisfies(r -> {
            assertThat(r.api()).isEqualTo("SendDataIntegrationEvent");
            assertThat(r.status()).isEqualTo(413);
        });
        assertThat(AWS.emulator().stats().rejected(Api.SUPPLY_CHAIN)).isEqualTo(1);
    }

    @Test
    void answersPipelinedRequestsInOrderEvenWhenTheFirstIsDelayed() throws IOException {
        AWS.emulator().faults().set(FaultSettings.builder().randomLatency(Duration.ZERO, Duration.ofMillis(200)).build());
        String body = "{\"Entries\":[{\"Source\":\"" + PartnerEventsTest.SOURCE + "\",\"DetailType\":\"t\",\"Detail\":\"{}\"}]}";
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String target = i % 2 == 0 ? "PutPartnerEvents" : "Nope";
            requests.append("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSEvents.").append(target)
                    .append("\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ")
                    .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
        }
        try (Socket socket = new Socket(AWS.emulator().host(), AWS.emulator().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String responses = readResponses(socket.getInputStream(), 5);
            assertThat(responses.split("HTTP/1.1 ")).filteredOn(s -> !s.isEmpty()).extracting(s -> s.substring(0, 3))
                    .containsExactly("200", "400", "200", "400", "200");
        }
    }

    private static String readResponses(InputStream in, int count) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (sb.toString().split("HTTP/1.1 ").length - 1 < count || !lastComplete(sb.toString())) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            sb.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static boolean lastComplete(String s) {
        int last = s.lastIndexOf("HTTP/1.1 ");
        int headersEnd = s.indexOf("\r\n\r\n", last);
        if (headersEnd < 0) {
            return false;
        }
        String headers = s.substring(last, headersEnd).toLowerCase();
        int cl = headers.indexOf("content-length: ");
        int length = Integer.parseInt(headers.substring(cl + 16).split("\r\n")[0].trim());
        return s.length() - (headersEnd + 4) >= length;
    }
}
