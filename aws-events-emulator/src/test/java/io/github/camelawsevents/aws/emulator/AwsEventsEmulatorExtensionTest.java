package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class AwsEventsEmulatorExtensionTest {

    static final AtomicReference<URI> ENDPOINT = new AtomicReference<>();
    static final java.util.List<AwsEventsEmulator> SEEN_PER_TEST = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void runsOneEmulatorPerClassResetsItBeforeEachTestAndClosesItAfterAll() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ExampleTests.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        URI endpoint = ENDPOINT.get();
        assertThat(endpoint).isNotNull();
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .as("closed after all tests").isInstanceOf(IOException.class);
    }

    @Test
    void anInstanceFieldRegistrationRunsOneEmulatorPerTestAndClosesIt() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InstanceFieldTests.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN_PER_TEST).hasSize(2);
        for (AwsEventsEmulator seen : SEEN_PER_TEST) {
            URI endpoint = seen.endpoint();
            assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void theEmulatorIsUnavailableOutsideTheLifecycle() {
        assertThatThrownBy(() -> new AwsEventsEmulatorExtension().emulator()).isInstanceOf(IllegalStateException.class);
    }

    /** Run by the test kit only. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ExampleTests {
        @RegisterExtension
        static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(
                AwsEventsEmulator.builder().region("eu-west-1"));

        @Test
        @Order(1)
        void storesAnEvent(AwsEventsEmulator emulator) {
            assertThat(emulator).isSameAs(AWS.emulator());
            ENDPOINT.set(emulator.endpoint());
            assertThat(emulator.region()).isEqualTo("eu-west-1");
            try (SupplyChainClient scn = SdkClients.supplyChain(emulator)) {
                scn.sendDataIntegrationEvent(inboundOrder().build());
            }
            assertThat(emulator.supplyChain().count()).isEqualTo(1);
            emulator.faults().set(FaultSettings.builder().serverErrorRate(1).build());
        }

        @Test
        @Order(2)
        void seesAFreshEmulatorAtTheSameEndpoint() {
            assertThat(AWS.emulator().endpoint()).isEqualTo(ENDPOINT.get());
            assertThat(AWS.emulator().supplyChain().count()).isZero();
            assertThat(AWS.emulator().faults().current()).isEqualTo(FaultSettings.NONE);
        }

        @Test
        @Order(3)
        void stillRunning() {
            assertThat(AWS.emulator().endpoint()).isEqualTo(ENDPOINT.get());
        }
    }

    /** Run by the test kit only. */
    static class InstanceFieldTests {
        @RegisterExtension
        final AwsEventsEmulatorExtension aws = new AwsEventsEmulatorExtension();

        @Test
        void first(AwsEventsEmulator emulator) {
            SEEN_PER_TEST.add(emulator);
        }

        @Test
        void second() {
            SEEN_PER_TEST.add(aws.emulator());
        }
    }
}
