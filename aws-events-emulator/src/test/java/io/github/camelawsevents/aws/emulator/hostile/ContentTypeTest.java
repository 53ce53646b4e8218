package io.github.camelawsevents.aws.emulator.hostile;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong and missing Content-Types on correctly signed requests with a body: the Smithy rule for restJson1 (415
 * UnsupportedMediaTypeException), applied to both protocols with each protocol's own media type; parameters such as
 * charset and the case of the media type do not matter. Nothing is stored, and the emulator keeps serving.
 */
class ContentTypeTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();

    @AfterEach
    void stillServing() {
        Wire.assertStillServing(AWS.emulator());
    }

    @ParameterizedTest(name = "{0} with Content-Type ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "scn|application/json|200",
            "scn|application/json; charset=utf-8|200",
            "scn|APPLICATION/JSON|200",
            "scn|NONE|415",
            "scn|text/plain|415",
            "scn|application/x-amz-json-1.1|415",
            "scn|application/hal+json|415",
            "scn|''|415",
            "events|application/x-amz-json-1.1|200",
            "events|application/x-amz-json-1.1; charset=UTF-8|200",
            "events|NONE|415",
            "events|application/json|415",
            "events|application/x-amz-json-1.0|415",
            "events|text/xml|415",
    })
    void contentTypes(String service, String contentType, int expected) {
        boolean scn = service.equals("scn");
        String path = scn ? Wire.SCN_PATH : "/";
        byte[] body = Wire.utf8(scn ? Wire.SCN_BODY : Wire.PARTNER_BODY);
        Map<String, String> headers = new LinkedHashMap<>();
        if (!scn) {
            headers.put("X-Amz-Target", "AWSEvents.PutPartnerEvents");
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        Map<String, String> signed = Wire.signedHeaders(AWS.emulator(), "POST", path, headers, body, service,
                Clock.systemUTC());
        List<Wire.Response> responses = Wire.exchange(AWS.emulator(), Wire.request("POST", path, signed, body), false,
                Duration.ofSeconds(10));
        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(expected);
            if (expected != 200) {
                Wire.assertAwsShapedError(r);
                assertThat(r.errorType()).isEqualTo("UnsupportedMediaTypeException");
                assertThat(r.json().get("message").asText()).contains("Content-Type");
            }
        });
        long stored = scn ? AWS.emulator().supplyChain().count() : AWS.emulator().partnerEvents().count();
        assertThat(stored).isEqualTo(expected == 200 ? 1 : 0);
        if (expected != 200) {
            assertThat(AWS.emulator().rejectedRequests()).singleElement()
                    .satisfies(r -> assertThat(r.errorType()).isEqualTo("UnsupportedMediaTypeException"));
        }
        AWS.emulator().reset();
    }
}
