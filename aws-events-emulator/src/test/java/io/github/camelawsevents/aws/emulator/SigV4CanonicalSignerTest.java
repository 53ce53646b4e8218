package io.github.camelawsevents.aws.emulator;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SigV4CanonicalSignerTest {

    static final String SUITE_KEY = "AKIDEXAMPLE";
    static final String SUITE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Clock SUITE_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

    /** The AWS Signature Version 4 test suite: requests that sign only host and x-amz-date, as botocore does. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "get-vanilla, GET, /, 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            "get-vanilla-query-order-key-case, GET, /?Param2=value2&Param1=value1, "
                    + "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            "post-vanilla, POST, /, 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"})
    void verifiesTheAwsTestSuiteVectors(String name, String method, String uri, String signature) {
        SigV4Verifier verifier = new SigV4Verifier(SUITE_KEY, SUITE_SECRET, "us-east-1", SUITE_TIME);

        assertThat(verifier.verify(method, uri, suiteHeaders(signature), new byte[0], "service", "X")).isNull();
        AwsServiceError wrong = verifier.verify(method, uri, suiteHeaders(signature.replace('5', '6')), new byte[0],
                "service", "X");
        assertThat(wrong).isNotNull();
        assertThat(wrong.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(verifier.verify(method, uri, suiteHeaders(signature), "x".getBytes(StandardCharsets.UTF_8),
                "service", "X")).as("a body that was not signed").isNotNull();
    }

    private static HttpHeaders suiteHeaders(String signature) {
        return new DefaultHttpHeaders()
                .add("Host", "example.amazonaws.com")
                .add("X-Amz-Date", "20150830T123600Z")
                .add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=" + signature);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST|/api-data/data-integration/instance/8928ae12-15e5-4441-825d-ec2184f0a43a/data-integration-events",
            "GET|/api-data/data-integration/instance/8928ae12-15e5-4441-825d-ec2184f0a43a/data-integration-events"
                    + "?maxResults=7&eventType=scn.data.dataset&nextToken=b2Zmc2V0Ojc%3D",
            "GET|/a%20b/c%2Fd/~e_f.g-h?b=2&a=1&a=0&empty=&sp=x%20y&plus=1%2B1&u=%C3%A9",
            "POST|/"})
    void agreesWithTheSdkSignerOnSdkSignedRequests(String method, String pathAndQuery) {
        byte[] body = "{\"k\":\"v é\"}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2024-06-01T10:00:00Z");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://127.0.0.1:4566" + pathAndQuery))
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Amz-Target", "AWSEvents.PutPartnerEvents")
                .putHeader("X-Custom", "  spaced   out  value ")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIAEXAMPLE", "secret"))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "events")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        String authorization = signed.request().firstMatchingHeader("Authorization").orElseThrow();
        String sdkSignature = authorization.substring(authorization.indexOf("Signature=") + 10);
        String[] signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";");
        HttpHeaders received = new DefaultHttpHeaders(false);
        signed.request().headers().forEach((name, values) -> values.forEach(v -> received.add(name, v)));

        String ours = new SigV4CanonicalSigner("secret").signature(method, pathAndQuery, received, signedHeaders, body,
                true, "20240601T100000Z", "20240601", "eu-west-1", "events");

        assertThat(ours).isEqualTo(sdkSignature);
    }

    @Test
    void normalisesPathsAndQueriesAsTheRulesSay() {
        assertThat(SigV4CanonicalSigner.canonicalPath("")).isEqualTo("/");
        assertThat(SigV4CanonicalSigner.canonicalPath("/a/./b/../c/")).isEqualTo("/a/c/");
        assertThat(SigV4CanonicalSigner.canonicalPath("/a%20b")).isEqualTo("/a%2520b");
        assertThat(SigV4CanonicalSigner.canonicalQuery("b=2&a=1&a=0&c")).isEqualTo("a=0&a=1&b=2&c=");
        assertThat(SigV4CanonicalSigner.canonicalQuery("x=a%20b&y=a+b")).isEqualTo("x=a%20b&y=a%2Bb");
    }
}
