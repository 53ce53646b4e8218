package io.github.camelawsevents.aws.emulator.hostile;

import java.net.InetAddress;
import java.time.Duration;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator binds the loopback address unless told otherwise, and verifies signatures by default. */
class LoopbackDefaultsTest {

    @Test
    void bindsLoopbackAndVerifiesSignaturesByDefault() throws Exception {
        try (AwsEventsEmulator emulator = AwsEventsEmulator.startDefault()) {
            assertThat(emulator.host()).isEqualTo(AwsEventsEmulator.DEFAULT_HOST).isEqualTo("127.0.0.1");
            assertThat(InetAddress.getByName(emulator.host()).isLoopbackAddress()).isTrue();
            assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(emulator.verifiesSignatures()).isTrue();
            assertThat(AwsEventsEmulator.builder().start()).satisfies(other -> {
                try (other) {
                    assertThat(other.host()).isEqualTo("127.0.0.1");
                    assertThat(other.verifiesSignatures()).isTrue();
                }
            });
            Wire.assertStillServing(emulator);
        }
    }

    @Test
    void bindsWhereItIsToldTo() {
        // another loopback address: told otherwise, it binds there (and only there)
        try (AwsEventsEmulator emulator = AwsEventsEmulator.builder().host("127.0.0.2").start()) {
            assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.2");
            assertThat(Wire.exchange(emulator, Wire.goodPartnerRequest(emulator), false, Duration.ofSeconds(10)))
                    .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
            // nothing listens on 127.0.0.1 at that port
            assertThat(canConnect("127.0.0.1", emulator.port())).isFalse();
        }
    }

    private static boolean canConnect(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
