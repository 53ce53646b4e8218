package io.github.camelawsevents.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {

    @Test
    void theEmulatorIsTheDefaultAndAwsIsNamedInAnyCase() {
        assertThat(Target.of(null)).isEqualTo(Target.EMULATOR);
        assertThat(Target.of(" ")).isEqualTo(Target.EMULATOR);
        assertThat(Target.of("emulator")).isEqualTo(Target.EMULATOR);
        assertThat(Target.of(" AWS ")).isEqualTo(Target.AWS);
    }

    @Test
    void anotherTargetIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> Target.of("localstack")).hasMessage(
                "examples.target must be emulator or aws, was 'localstack'");
    }
}
