package io.github.camelawsevents.examples;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.FaultSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorSettingsTest {

    @Test
    void eachApiGetsItsOwnFaults() {
        EmulatorSettings settings = EmulatorSettings.from(lookup(Map.of(
                "examples.emulator.seed", "7",
                "examples.emulator.strictRecords", "false",
                "examples.emulator.supplyChain.serverErrorRate", "0.05",
                "examples.emulator.partnerEvents.entryThrottleRate", "0.1",
                "examples.emulator.partnerEvents.latencyMs", "3")));

        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.strictRecords()).isFalse();
        assertThat(settings.supplyChain()).isEqualTo(FaultSettings.builder().serverErrorRate(0.05)
                .appliesTo(Api.SUPPLY_CHAIN).build());
        assertThat(settings.partnerEvents()).isEqualTo(FaultSettings.builder().entryThrottleRate(0.1)
                .latency(Duration.ofMillis(3)).appliesTo(Api.PARTNER_EVENTS).build());
    }

    @Test
    void withoutPropertiesTheEmulatorIsStrictSeededAndFaultless() {
        EmulatorSettings settings = EmulatorSettings.from(lookup(Map.of()));

        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.strictRecords()).isTrue();
        assertThat(settings.supplyChain().isNone()).isTrue();
        assertThat(settings.partnerEvents().isNone()).isTrue();
    }

    @Test
    void aRateThatIsNotANumberIsRefusedByName() {
        assertThatThrownBy(() -> EmulatorSettings.from(lookup(Map.of(
                "examples.emulator.partnerEvents.entryThrottleRate", "ten percent"))))
                .hasMessage("examples.emulator.partnerEvents.entryThrottleRate must be a number within 0..1,"
                            + " was 'ten percent'");
    }

    private static Function<String, Optional<String>> lookup(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
