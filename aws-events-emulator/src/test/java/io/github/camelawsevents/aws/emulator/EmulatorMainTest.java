package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorMainTest {

    @Test
    void parsesEveryOption() {
        AwsEventsEmulator.Builder builder = EmulatorMain.parse(List.of("--port", "0", "--host=127.0.0.1",
                "--region", "eu-west-1", "--access-key", "AKIAMAIN000000000000", "--secret-key", "main-secret",
                "--no-verify-signatures", "--count-only", "--strict-records", "--seed", "9", "--latency-ms", "5",
                "--random-latency-ms", "1-3", "--throttle-rate", "0.1", "--server-error-rate", "0.2",
                "--entry-throttle-rate", "0.3", "--entry-internal-failure-rate", "0.4", "--drop-connection-rate", "0.01",
                "--lost-response-rate", "0.02", "--error-after-store-rate", "0.03", "--requests-per-second", "50",
                "--throttle-burst-ms", "10000/500", "--io-threads", "1", "--idempotency-token-capacity", "10",
                "--eventbridge-request-size-limit", "1048576", "--oversized-request-answer", "empty_413"));
        try (AwsEventsEmulator emulator = builder.start()) {
            assertThat(emulator.region()).isEqualTo("eu-west-1");
            assertThat(emulator.accessKey()).isEqualTo("AKIAMAIN000000000000");
            assertThat(emulator.secretKey()).isEqualTo("main-secret");
            assertThat(emulator.verifiesSignatures()).isFalse();
            assertThat(emulator.isCountOnly()).isTrue();
            assertThat(emulator.isStrictRecords()).isTrue();
            assertThat(emulator.eventBridgeRequestSizeLimit()).isEqualTo(1_048_576);
            assertThat(emulator.oversizedRequestAnswer()).isEqualTo(OversizedRequestAnswer.EMPTY_413);
            assertThat(emulator.faults().seed()).isEqualTo(9);
            FaultSettings f = emulator.faults().current();
            assertThat(f.latency()).isEqualTo(Duration.ofMillis(5));
            assertThat(f.randomLatencyMin()).isEqualTo(Duration.ofMillis(1));
            assertThat(f.randomLatencyMax()).isEqualTo(Duration.ofMillis(3));
            assertThat(f.requestThrottleRate()).isEqualTo(0.1);
            assertThat(f.serverErrorRate()).isEqualTo(0.2);
            assertThat(f.entryThrottleRate()).isEqualTo(0.3);
            assertThat(f.entryInternalFailureRate()).isEqualTo(0.4);
            assertThat(f.dropConnectionRate()).isEqualTo(0.01);
            assertThat(f.lostResponseRate()).isEqualTo(0.02);
            assertThat(f.errorAfterStoreRate()).isEqualTo(0.03);
            assertThat(f.requestsPerSecond()).isEqualTo(50);
            assertThat(f.throttleBurst()).isEqualTo(new FaultSettings.ThrottleBurst(Duration.ofSeconds(10), Duration.ofMillis(500)));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EmulatorMain.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), emulator);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(emulator.endpoint().toString(), "eu-west-1",
                    "AKIAMAIN000000000000", "main-secret", "entries under 1048576 bytes a request, else 413");
        }
    }

    @Test
    void refusesUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> EmulatorMain.parse(List.of("--bogus", "1"))).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> EmulatorMain.parse(List.of("--port"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> EmulatorMain.parse(List.of("--port", "x"))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> EmulatorMain.parse(List.of("--throttle-rate", "2"))).hasMessageContaining("0..1");
        assertThatThrownBy(() -> EmulatorMain.parse(List.of("--oversized-request-answer", "500")))
                .hasMessageContaining("VALIDATION_EXCEPTION_400");
        assertThatThrownBy(() -> EmulatorMain.parse(List.of("--eventbridge-request-size-limit", "1048577")))
                .hasMessageContaining("1..1048576");
    }

    @Test
    void readsSystemPropertiesBeforeArguments() {
        System.setProperty("emulator.seed", "77");
        System.setProperty("emulator.count-only", "true");
        try {
            List<String> all = EmulatorMain.withSystemProperties(new String[] {"--seed", "78"});
            assertThat(all).containsSubsequence("--seed", "77", "--seed", "78").contains("--count-only");
        } finally {
            System.clearProperty("emulator.seed");
            System.clearProperty("emulator.count-only");
        }
    }
}
