package io.github.camelawsevents.aws.emulator;

import io.netty.handler.codec.http.HttpHeaders;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Verifies AWS Signature Version 4 by re-signing the incoming request with the SDK's own
 * {@link AwsV4HttpSigner}: the signing clock fixed to the request's {@code X-Amz-Date}, the request rebuilt from
 * the method, {@code http://} + the Host header + the raw path and query, and only the headers named in
 * {@code SignedHeaders}; region and service from the credential scope; the body signed as payload unless
 * {@code x-amz-content-sha256} is {@code UNSIGNED-PAYLOAD}. Signatures are compared in constant time.
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** The service's tolerance for a request's clock. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";

    private final String accessKey;
    private final AwsCredentialsIdentity identity;
    private final String region;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final SigV4CanonicalSigner canonicalSigner;

    SigV4Verifier(String accessKey, String secretKey, String region) {
        this(accessKey, secretKey, region, Clock.systemUTC());
    }

    /** With the clock the 15-minute window is measured against (tests use the published vectors' date). */
    SigV4Verifier(String accessKey, String secretKey, String region, Clock clock) {
        this.accessKey = accessKey;
        this.identity = AwsCredentialsIdentity.create(accessKey, secretKey);
        this.region = region;
        this.clock = clock;
        this.canonicalSigner = new SigV4CanonicalSigner(secretKey);
    }

    /**
     * Checks the request's signature.
     *
     * @param service        the signing name the operation requires ({@code scn} or {@code events})
     * @param unknownKeyType the error type for an unknown access key ({@code UnrecognizedClientException} for
     *                       EventBridge, {@code AccessDeniedException} for Supply Chain)
     * @return {@code null} when the signature is valid, else the error to answer with
     */
    AwsServiceError verify(String method, String rawUri, HttpHeaders headers, byte[] body, String service,
            String unknownKeyType) {
        String authorization = headers.get("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return forbidden("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            return forbidden("IncompleteSignatureException",
                    "Authorization header requires the " + ALGORITHM + " algorithm");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return forbidden("IncompleteSignatureException", "Authorization header requires 'Credential', "
                    + "'Signature' and 'SignedHeaders' parameters");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return forbidden("IncompleteSignatureException",
                    "Credential must have the form <access key>/<date>/<region>/<service>/aws4_request");
        }
        if (!accessKey.equals(scope[0])) {
            return forbidden(unknownKeyType, "The security token included in the request is invalid.");
        }
        String amzDate = headers.get("X-Amz-Date");
        if (amzDate == null) {
            return forbidden("IncompleteSignatureException", "Authorization requires an X-Amz-Date header");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return forbidden("IncompleteSignatureException", "X-Amz-Date must have the form yyyyMMddTHHmmssZ");
        }
        // The service's wording; with the Date header of the answer, the SDKs correct their clock from it
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_CLOCK_SKEW))) {
            return forbidden("InvalidSignatureException", "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_CLOCK_SKEW).atOffset(ZoneOffset.UTC)) + " ("
                    + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " - " + MAX_CLOCK_SKEW.toMinutes() + " min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            return forbidden("InvalidSignatureException", "Signature not yet current: " + amzDate
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_CLOCK_SKEW).atOffset(ZoneOffset.UTC))
                    + " (" + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " + " + MAX_CLOCK_SKEW.toMinutes()
                    + " min.)");
        }
        if (!amzDate.startsWith(scope[1])) {
            return forbidden("InvalidSignatureException",
                    "Credential should be scoped to a valid date: '" + amzDate.substring(0, 8) + "'.");
        }
        if (!service.equals(scope[3])) {
            return forbidden("InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!region.equals(scope[2])) {
            return forbidden("InvalidSignatureException",
                    "Credential should be scoped to a valid region: '" + region + "'.");
        }
        String host = headers.get("Host");
        if (host == null) {
            return forbidden("IncompleteSignatureException", "The Host header is required");
        }
        String contentSha256 = headers.get("x-amz-content-sha256");
        if (contentSha256 != null && contentSha256.startsWith("STREAMING-")) {
            return new AwsServiceError("InvalidRequestException", 400,
                    "aws-chunked streaming payloads (" + contentSha256 + ") are not supported by the emulator");
        }
        String[] signedHeaderNames = signedHeaders.split(";");
        for (String name : signedHeaderNames) {
            // a header the client signed must be in the request: AWS signs what it receives, so a missing one can
            // never match (the SDK signer used below would otherwise add x-amz-content-sha256 by itself)
            if (name.isEmpty() || headers.get(name) == null) {
                return forbidden("InvalidSignatureException", SIGNATURE_MISMATCH);
            }
        }
        boolean payloadSigning = !UNSIGNED_PAYLOAD.equals(contentSha256);
        String expected;
        try {
            if (List.of(signedHeaderNames).contains("x-amz-content-sha256")) {
                expected = expectedSignature(method, host, rawUri, headers, signedHeaderNames, body, scope[2],
                        scope[3], signedAt, payloadSigning);
            } else {
                expected = canonicalSigner.signature(method, rawUri, headers, signedHeaderNames, body, payloadSigning,
                        amzDate, scope[1], scope[2], scope[3]);
            }
        } catch (RuntimeException e) {
            return forbidden("InvalidSignatureException", SIGNATURE_MISMATCH);
        }
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return forbidden("InvalidSignatureException", SIGNATURE_MISMATCH);
        }
        return null;
    }

    /** The signature the SDK's own signer gives the request rebuilt from what was received. */
    String expectedSignature(String method, String host, String rawUri, HttpHeaders headers,
            String[] signedHeaderNames, byte[] body, String scopeRegion, String scopeService, Instant signedAt,
            boolean payloadSigning) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + host + rawUri));
        for (String name : signedHeaderNames) {
            for (String value : headers.getAll(name)) {
                request.appendHeader(name, value);
            }
        }
        SignedRequest signed = signer.sign(r -> r
                .identity(identity)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scopeService)
                .putProperty(AwsV4HttpSigner.REGION_NAME, scopeRegion)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning));
        String authorization = signed.request().firstMatchingHeader("Authorization").orElse(null);
        if (authorization == null) {
            return null;
        }
        int at = authorization.indexOf("Signature=");
        return at < 0 ? null : authorization.substring(at + "Signature=".length()).trim();
    }

    private static AwsServiceError forbidden(String type, String message) {
        return new AwsServiceError(type, 403, message);
    }
}
