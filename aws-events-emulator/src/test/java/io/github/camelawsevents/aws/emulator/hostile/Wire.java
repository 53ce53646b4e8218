package io.github.camelawsevents.aws.emulator.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 at the byte level against an emulator on 127.0.0.1: write any bytes (well-formed or not), optionally shut
 * the output (half-close), and read back the responses, whatever they are. Also builds SigV4-signed requests with the
 * SDK's signer.
 */
final class Wire {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String SCN_PATH = "/api-data/data-integration/instance/" + INSTANCE + "/data-integration-events";
    static final String SOURCE = "aws.partner/example.com/orders/created";
    static final String PARTNER_BODY = "{\"Entries\":[{\"Source\":\"" + SOURCE
                                       + "\",\"DetailType\":\"t\",\"Detail\":\"{\\\"a\\\":1}\"}]}";
    static final String SCN_BODY = "{\"eventType\":\"scn.data.inboundorder\",\"eventGroupId\":\"g\","
                                   + "\"data\":\"{\\\"id\\\":\\\"1\\\",\\\"tpartner_id\\\":\\\"p\\\"}\"}";
    static final String JSON_11 = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Wire() {
    }

    /** One HTTP response as read from the socket. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The AWS error type: the X-Amzn-ErrorType header (restJson1) or __type in the body (awsJson1_1). */
        String errorType() {
            String header = header("x-amzn-errortype");
            if (header != null) {
                return header.split(":")[0];
            }
            JsonNode json = json();
            return json != null && json.hasNonNull("__type") ? json.get("__type").asText() : null;
        }

        JsonNode json() {
            try {
                return body.length == 0 ? null : MAPPER.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + bodyText();
        }
    }

    /**
     * Asserts what every error of the emulator must look like: a 4xx status, and either the empty-bodied 413 of the
     * size rule, or a JSON body with a message and an error type a client of either protocol can read.
     */
    static void assertAwsShapedError(Response r) {
        assertThat(r.status()).as("status of %s", r).isBetween(400, 499);
        if (r.status() == 413) {
            assertThat(r.body()).as("413 body").isEmpty();
            return;
        }
        assertThat(r.header("content-type")).as("content type of %s", r).isNotNull();
        JsonNode json = r.json();
        assertThat(json).as("JSON error body of %s", r).isNotNull();
        assertThat(json.isObject()).isTrue();
        assertThat(json.has("message")).as("message in %s", r).isTrue();
        assertThat(r.errorType()).as("error type of %s", r).isNotBlank();
        assertThat(r.header("x-amzn-requestid")).as("request id of %s", r).isNotBlank();
    }

    /** Sends {@code request}, shuts the output when {@code halfClose}, and reads responses until EOF or timeout. */
    static List<Response> exchange(AwsEventsEmulator emulator, byte[] request, boolean halfClose, Duration timeout) {
        try (Socket socket = new Socket(emulator.host(), emulator.port())) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            List<Response> responses = new ArrayList<>();
            while (true) {
                Response r;
                try {
                    r = read(in);
                } catch (SocketTimeoutException e) {
                    if (halfClose) {
                        throw new AssertionError("the emulator neither answered nor closed within " + timeout
                                                 + " (got " + responses + ")");
                    }
                    return responses;
                }
                if (r == null) {
                    return responses;
                }
                if (r.status() >= 200) {
                    responses.add(r);
                }
                if (!halfClose && r.status() >= 200) {
                    return responses;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One response, or null at a clean end of stream. */
    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a response head: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length").get(0)) : 0;
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed inside a response body");
        }
        return new Response(status, headers, body);
    }

    /** A raw request with the given head lines and body, Content-Length set from the body. */
    static byte[] request(String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        sb.append("Host: 127.0.0.1\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** The headers of a request signed for {@code service} with the emulator's keys (Host and Content-Length aside). */
    static Map<String, String> signedHeaders(AwsEventsEmulator emulator, String method, String path,
                                             Map<String, String> headers, byte[] body, String service, Clock clock) {
        SdkHttpRequest.Builder sdk = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://127.0.0.1" + path));
        headers.forEach(sdk::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(emulator.accessKey(), emulator.secretKey()))
                .request(sdk.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, emulator.region())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        Map<String, String> out = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                out.put(name, String.join(",", values));
            }
        });
        return out;
    }

    static Map<String, String> eventBridgeHeaders(String operation) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Amz-Target", "AWSEvents." + operation);
        h.put("Content-Type", JSON_11);
        return h;
    }

    static Map<String, String> jsonHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return h;
    }

    /** A well-formed, correctly signed PutPartnerEvents (or unsigned, for an emulator that does not check). */
    static byte[] goodPartnerRequest(AwsEventsEmulator emulator) {
        byte[] body = PARTNER_BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = eventBridgeHeaders("PutPartnerEvents");
        if (emulator.verifiesSignatures()) {
            headers = signedHeaders(emulator, "POST", "/", headers, body, "events", Clock.systemUTC());
        }
        return request("POST", "/", headers, body);
    }

    /** A well-formed, correctly signed SendDataIntegrationEvent (or unsigned, for an emulator that does not check). */
    static byte[] goodScnRequest(AwsEventsEmulator emulator) {
        byte[] body = SCN_BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = jsonHeaders();
        if (emulator.verifiesSignatures()) {
            headers = signedHeaders(emulator, "POST", SCN_PATH, headers, body, "scn", Clock.systemUTC());
        }
        return request("POST", SCN_PATH, headers, body);
    }

    /** The emulator still serves: a well-formed request of each API is accepted on a new connection. */
    static void assertStillServing(AwsEventsEmulator emulator) {
        long partner = emulator.partnerEvents().count();
        long scn = emulator.supplyChain().count();
        List<Response> p = exchange(emulator, goodPartnerRequest(emulator), false, Duration.ofSeconds(10));
        assertThat(p).as("answer to a good PutPartnerEvents").singleElement()
                .satisfies(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
        List<Response> s = exchange(emulator, goodScnRequest(emulator), false, Duration.ofSeconds(10));
        assertThat(s).as("answer to a good SendDataIntegrationEvent").singleElement()
                .satisfies(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
        assertThat(emulator.partnerEvents().count()).isEqualTo(partner + 1);
        assertThat(emulator.supplyChain().count()).isEqualTo(scn + 1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
