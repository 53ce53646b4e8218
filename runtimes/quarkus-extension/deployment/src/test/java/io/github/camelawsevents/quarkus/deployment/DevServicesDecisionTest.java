package io.github.camelawsevents.quarkus.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When Dev Services start the emulator, case by case, without booting Quarkus. */
class DevServicesDecisionTest {

    private static final Function<String, Optional<String>> NOTHING = key -> Optional.empty();

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = { "DEVELOPMENT", "TEST" })
    void startsInDevAndTestModeWhenNothingIsConfigured(LaunchMode mode) {
        assertThat(DevServicesDecision.decide(mode, true, NOTHING).start()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = { "NORMAL", "RUN" })
    void neverStartsInProdMode(LaunchMode mode) {
        DevServicesDecision decision = DevServicesDecision.decide(mode, true, NOTHING);

        assertThat(decision.start()).isFalse();
        assertThat(decision.reason()).contains(mode.name());
    }

    @Test
    void thePropertyTurnsItOff() {
        DevServicesDecision decision = DevServicesDecision.decide(LaunchMode.DEVELOPMENT, false, NOTHING);

        assertThat(decision.start()).isFalse();
        assertThat(decision.reason()).contains("quarkus.camel-aws-events.devservices.enabled");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "camel.component.aws-scn-event.uri-endpoint-override", "camel.component.aws-scn-event.uriEndpointOverride",
            "camel.component.aws-scn-event.access-key", "camel.component.aws-scn-event.secretKey",
            "camel.component.aws-scn-event.session-token", "camel.component.aws-scn-event.profile-credentials-name",
            "camel.component.aws-scn-event.supply-chain-client", "camel.component.aws-scn-event.supplyChainClient",
            "camel.component.aws-partner-events.uri-endpoint-override", "camel.component.aws-partner-events.accessKey",
            "camel.component.aws-partner-events.secret-key", "camel.component.aws-partner-events.event-bridge-client",
            "camel.component.aws-partner-events.eventBridgeClient" })
    void anEndpointCredentialsOrAClientOfEitherComponentKeepsItOff(String key) {
        DevServicesDecision decision = DevServicesDecision.decide(LaunchMode.TEST, true,
                config(Map.of(key, "#bean-or-value")));

        assertThat(decision.start()).isFalse();
        assertThat(decision.reason()).isEqualTo(key + " is set");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "camel.component.aws-scn-event.override-endpoint", "camel.component.aws-scn-event.overrideEndpoint",
            "camel.component.aws-scn-event.use-default-credentials-provider",
            "camel.component.aws-scn-event.useProfileCredentialsProvider",
            "camel.component.aws-scn-event.use-session-credentials",
            "camel.component.aws-partner-events.override-endpoint",
            "camel.component.aws-partner-events.use-default-credentials-provider",
            "camel.component.aws-partner-events.use-profile-credentials-provider",
            "camel.component.aws-partner-events.useSessionCredentials" })
    void aCredentialsProviderOrEndpointSwitchSetToTrueKeepsItOffAndFalseDoesNot(String key) {
        assertThat(DevServicesDecision.decide(LaunchMode.DEVELOPMENT, true, config(Map.of(key, "true"))).start())
                .isFalse();
        assertThat(DevServicesDecision.decide(LaunchMode.DEVELOPMENT, true, config(Map.of(key, "false"))).start())
                .isTrue();
    }

    @Test
    void otherComponentOptionsAndBlankValuesDoNotCount() {
        Map<String, String> config = Map.of(
                "camel.component.aws-scn-event.region", "eu-west-1",
                "camel.component.aws-scn-event.max-in-flight-requests", "8",
                "camel.component.aws-partner-events.detail-type", "OrderEvent",
                "camel.component.aws-partner-events.access-key", " ");

        assertThat(DevServicesDecision.decide(LaunchMode.TEST, true, config(config)).start()).isTrue();
    }

    @Test
    void theEmulatorTakesTheConfiguredRegionSupplyChainFirst() {
        assertThat(DevServicesDecision.configuredRegion(NOTHING)).isEmpty();
        assertThat(DevServicesDecision.configuredRegion(config(Map.of(
                "camel.component.aws-partner-events.region", "eu-central-1")))).contains("eu-central-1");
        assertThat(DevServicesDecision.configuredRegion(config(Map.of(
                "camel.component.aws-partner-events.region", "eu-central-1",
                "camel.component.aws-scn-event.region", "eu-west-1")))).contains("eu-west-1");
    }

    @Test
    void bothComponentsAreGivenTheEmulatorsEndpointRegionAndCredentials() {
        assertThat(CamelAwsEventsDevServicesProcessor.componentConfig().keySet()).containsExactly(
                "camel.component.aws-scn-event.override-endpoint",
                "camel.component.aws-scn-event.uri-endpoint-override",
                "camel.component.aws-scn-event.region",
                "camel.component.aws-scn-event.access-key",
                "camel.component.aws-scn-event.secret-key",
                "camel.component.aws-partner-events.override-endpoint",
                "camel.component.aws-partner-events.uri-endpoint-override",
                "camel.component.aws-partner-events.region",
                "camel.component.aws-partner-events.access-key",
                "camel.component.aws-partner-events.secret-key");
    }

    private static Function<String, Optional<String>> config(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
