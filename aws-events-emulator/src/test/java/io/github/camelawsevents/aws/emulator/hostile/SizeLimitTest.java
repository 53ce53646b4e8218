package io.github.camelawsevents.aws.emulator.hostile;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP size limit sits above the largest request the model allows under the worst legal escaping: a
 * SendDataIntegrationEvent whose data has the full 1,048,576 characters (code points), all but 9 of them in the astral
 * planes, each written as two {@code \\uXXXX} escapes by a client that escapes non-ASCII text (12 bytes a character,
 * as the AWS CLI sends it), is accepted; one byte over the limit is a 413 with an empty body.
 */
class SizeLimitTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().verifySignatures(false));

    @Test
    void theLargestValidRequestFitsAndOneByteOverTheLimitDoesNot() throws Exception {
        String data = "{\"ab\":\"" + "\uD83D\uDE00".repeat(1_048_567) + "\"}";
        assertThat(data.codePointCount(0, data.length())).isEqualTo(1_048_576);
        ObjectNode request = JsonMapper.builder().build().createObjectNode()
                .put("eventType", "scn.data.dataset")
                .put("eventGroupId", "\u00e9".repeat(255))
                .put("clientToken", "\u00e9".repeat(126))
                .put("data", data);
        request.putObject("datasetTarget")
                .put("datasetIdentifier", "arn:aws:scn:us-east-1:123456789012:instance/" + Wire.INSTANCE
                                          + "/namespaces/default/datasets/" + "\u00e9".repeat(900))
                .put("operationType", "APPEND");
        byte[] body = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writeValueAsBytes(request);
        assertThat(body.length).as("the request as a client escaping non-ASCII writes it")
                .isGreaterThan(12 * 1024 * 1024).isLessThanOrEqualTo(AwsEventsEmulator.MAX_REQUEST_BODY_BYTES);
        List<Wire.Response> accepted = Wire.exchange(AWS.emulator(),
                Wire.request("POST", Wire.SCN_PATH, Wire.jsonHeaders(), body), false, Duration.ofSeconds(30));
        assertThat(accepted).singleElement().satisfies(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));

        // the declared length alone is refused: the body is never read
        String head = "POST " + Wire.SCN_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: " + (AwsEventsEmulator.MAX_REQUEST_BODY_BYTES + 1) + "\r\n\r\n";
        List<Wire.Response> refused = Wire.exchange(AWS.emulator(), Wire.utf8(head), false, Duration.ofSeconds(30));
        assertThat(refused).singleElement().satisfies(r -> {
            Wire.assertAwsShapedError(r);
            assertThat(r.status()).isEqualTo(413);
        });
    }
}
