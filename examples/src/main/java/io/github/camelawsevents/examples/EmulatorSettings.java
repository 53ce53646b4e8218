package io.github.camelawsevents.examples;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.FaultSettings;

/**
 * How the application starts its emulator, from the {@code examples.emulator.*} properties: the fault seed, whether
 * Supply Chain records must carry their entity's key columns ({@code strictRecords}), and the faults of each API, so a
 * run shows the components retrying:
 * <pre>
 * examples.emulator.seed=42
 * examples.emulator.strictRecords=true
 * examples.emulator.supplyChain.serverErrorRate=0.05
 * examples.emulator.partnerEvents.entryThrottleRate=0.1
 * </pre>
 * Fault names per API ({@code supplyChain}, {@code partnerEvents}): {@code requestThrottleRate},
 * {@code serverErrorRate}, {@code entryThrottleRate}, {@code entryInternalFailureRate}, {@code latencyMs}.
 *
 * @param seed          the seed of every fault decision
 * @param strictRecords whether records of the fixed Supply Chain event types must carry their key columns
 * @param supplyChain   the faults of SendDataIntegrationEvent
 * @param partnerEvents the faults of PutPartnerEvents
 */
public record EmulatorSettings(long seed, boolean strictRecords, FaultSettings supplyChain,
        FaultSettings partnerEvents) {

    static final String PREFIX = "examples.emulator.";

    /** Reads the settings through {@code property} (a property name to its value, if set). */
    public static EmulatorSettings from(Function<String, Optional<String>> property) {
        long seed = property.apply(PREFIX + "seed").map(String::trim).map(Long::parseLong).orElse(42L);
        boolean strict = property.apply(PREFIX + "strictRecords").map(v -> Boolean.parseBoolean(v.trim()))
                .orElse(true);
        return new EmulatorSettings(seed, strict, faults(property, "supplyChain", Api.SUPPLY_CHAIN),
                faults(property, "partnerEvents", Api.PARTNER_EVENTS));
    }

    /** Starts an emulator on a free loopback port with these settings. */
    public AwsEventsEmulator start() {
        AwsEventsEmulator emulator = AwsEventsEmulator.builder().seed(seed).strictRecords(strictRecords).start();
        emulator.faults().add(supplyChain);
        emulator.faults().add(partnerEvents);
        return emulator;
    }

    private static FaultSettings faults(Function<String, Optional<String>> property, String api, Api appliesTo) {
        String p = PREFIX + api + ".";
        FaultSettings.Builder b = FaultSettings.builder().appliesTo(appliesTo);
        rate(property, p + "requestThrottleRate").ifPresent(b::requestThrottleRate);
        rate(property, p + "serverErrorRate").ifPresent(b::serverErrorRate);
        rate(property, p + "entryThrottleRate").ifPresent(b::entryThrottleRate);
        rate(property, p + "entryInternalFailureRate").ifPresent(b::entryInternalFailureRate);
        property.apply(p + "latencyMs").map(String::trim).map(Long::parseLong).map(Duration::ofMillis)
                .ifPresent(b::latency);
        return b.build();
    }

    private static Optional<Double> rate(Function<String, Optional<String>> property, String name) {
        return property.apply(name).map(String::trim).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number within 0..1, was '" + v + "'", e);
            }
        });
    }
}
