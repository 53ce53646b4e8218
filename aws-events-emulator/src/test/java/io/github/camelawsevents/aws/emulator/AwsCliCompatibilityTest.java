package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI (botocore signs differently from the SDK for Java: it does not sign x-amz-content-sha256) against
 * the emulator with signatures verified. Runs only where an {@code aws} command is installed.
 */
class AwsCliCompatibilityTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();

    static boolean cliPresent;

    @BeforeAll
    static void findCli() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            cliPresent = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            cliPresent = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cliPresent = false;
        }
    }

    static Result aws(String secretKey, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", AWS.emulator().endpoint().toString(),
                "--region", AWS.emulator().region(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", AWS.emulator().accessKey());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", secretKey);
        pb.environment().remove("AWS_SESSION_TOKEN");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        pb.environment().put("AWS_MAX_ATTEMPTS", "1");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int exit, String output) {
    }

    @Test
    void theCliPutsPartnerEventsWithItsOwnSignatures() throws Exception {
        assumeTrue(cliPresent, "no aws command installed");
        Result ok = aws(AWS.emulator().secretKey(), "events", "put-partner-events", "--entries",
                "[{\"Source\":\"aws.partner/example.com/123/orders\",\"DetailType\":\"Order\",\"Detail\":\"{\\\"id\\\":1}\","
                        + "\"Time\":\"2024-01-01T00:00:00Z\",\"Resources\":[\"arn:x\"]},"
                        + "{\"Source\":\"aws.partner/example.com/123/orders\",\"DetailType\":\"Order\",\"Detail\":\"nope\"}]");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("\"FailedEntryCount\": 1", "MalformedDetail");
        assertThat(AWS.emulator().partnerEvents().events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(java.time.Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(e.resources()).containsExactly("arn:x");
        });

        Result wrongSecret = aws("wrong", "events", "put-partner-events", "--entries",
                "[{\"Source\":\"aws.partner/example.com/123/orders\",\"DetailType\":\"Order\",\"Detail\":\"{}\"}]");
        assertThat(wrongSecret.exit()).isNotZero();
        assertThat(wrongSecret.output()).contains("InvalidSignatureException");
    }

    @Test
    void theCliSendsAndListsSupplyChainEvents() throws Exception {
        assumeTrue(cliPresent, "no aws command installed");
        Result sent = aws(AWS.emulator().secretKey(), "supplychain", "send-data-integration-event",
                "--instance-id", SupplyChainSendTest.INSTANCE, "--event-type", "scn.data.inboundorder",
                "--event-group-id", "order-1", "--data", "{\"id\":\"order-1\",\"tpartner_id\":\"p1\"}",
                "--event-timestamp", "1515531081.123");
        assumeTrue(!sent.output().contains("Invalid choice"), "this CLI predates send-data-integration-event");
        assertThat(sent.exit()).as(sent.output()).isZero();
        assertThat(sent.output()).contains("\"eventId\"");

        Result listed = aws(AWS.emulator().secretKey(), "supplychain", "list-data-integration-events",
                "--instance-id", SupplyChainSendTest.INSTANCE, "--event-type", "scn.data.inboundorder");
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("order-1");

        Result refused = aws(AWS.emulator().secretKey(), "supplychain", "send-data-integration-event",
                "--instance-id", SupplyChainSendTest.INSTANCE, "--event-type", "scn.data.inboundorder",
                "--event-group-id", "order-1", "--data", "{\"connection_id\":\"x\"}");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("ValidationException");
    }
}
