package io.github.camelawsevents.aws.emulator;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Hand-made HTTP requests against an emulator, optionally signed with the SDK's SigV4 signer. */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private RawHttp() {
    }

    /** The options of a signature, adjustable per test. */
    record Signing(String accessKey, String secretKey, String region, String service, Clock clock,
            boolean payloadSigning) {
        static Signing of(AwsEventsEmulator emulator, String service) {
            return new Signing(emulator.accessKey(), emulator.secretKey(), emulator.region(), service,
                    Clock.systemUTC(), true);
        }

        Signing service(String s) {
            return new Signing(accessKey, secretKey, region, s, clock, payloadSigning);
        }

        Signing clock(Clock c) {
            return new Signing(accessKey, secretKey, region, service, c, payloadSigning);
        }

        Signing unsignedPayload() {
            return new Signing(accessKey, secretKey, region, service, clock, false);
        }
    }

    static HttpResponse<String> send(AwsEventsEmulator emulator, String method, String pathAndQuery,
            Map<String, String> headers, String body, Signing signing) {
        return send(emulator, method, pathAndQuery, headers, body, signing, UnaryOperator.identity());
    }

    /**
     * Sends a request; when {@code signing} is not null it is signed first, and {@code bodyAfterSigning} may
     * change the body that is then actually sent (to tamper with a signed request).
     */
    static HttpResponse<String> send(AwsEventsEmulator emulator, String method, String pathAndQuery,
            Map<String, String> headers, String body, Signing signing, UnaryOperator<String> bodyAfterSigning) {
        URI uri = URI.create(emulator.endpoint() + pathAndQuery);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder sdk = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(sdk::putHeader);
        Map<String, List<String>> finalHeaders = sdk.build().headers();
        if (signing != null) {
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(signing.accessKey(), signing.secretKey()))
                    .request(sdk.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signing.clock())
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signing.payloadSigning()));
            finalHeaders = signed.request().headers();
        }
        String sentBody = bodyAfterSigning.apply(body == null ? "" : body);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, sentBody.isEmpty() && body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(sentBody));
        finalHeaders.forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> http.header(name, v));
            }
        });
        try {
            return CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned request (inspection endpoints, or emulators without signature checks). */
    static HttpResponse<String> send(AwsEventsEmulator emulator, String method, String pathAndQuery, String body) {
        return send(emulator, method, pathAndQuery, Map.of(), body, null);
    }

    static HttpResponse<String> get(AwsEventsEmulator emulator, String pathAndQuery) {
        return send(emulator, "GET", pathAndQuery, null);
    }

    static Map<String, String> eventBridgeHeaders(String operation) {
        return Map.of("X-Amz-Target", "AWSEvents." + operation, "Content-Type", "application/x-amz-json-1.1");
    }

    static Map<String, String> jsonHeaders() {
        return Map.of("Content-Type", "application/json");
    }
}
