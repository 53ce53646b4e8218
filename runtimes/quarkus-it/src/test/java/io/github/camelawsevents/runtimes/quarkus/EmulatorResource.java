package io.github.camelawsevents.runtimes.quarkus;

import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the emulator (loopback, port 0) before Quarkus boots and hands its coordinates to the application as the
 * {@code emulator.*} properties that {@code application.properties} refers to in its {@code %test} profile.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    private AwsEventsEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = AwsEventsEmulator.startDefault();
        return Map.of(
                "emulator.endpoint", emulator.endpoint().toString(),
                "emulator.region", emulator.region(),
                "emulator.access-key", emulator.accessKey(),
                "emulator.secret-key", emulator.secretKey());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(emulator,
                new TestInjector.AnnotatedAndMatchesType(InjectEmulator.class, AwsEventsEmulator.class));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
