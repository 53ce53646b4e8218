package io.github.camelawsevents.reliability;

import java.net.URI;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;

/** The emulator in this JVM (used by the JUnit tests: quick to start, nothing to fork). */
public final class InProcessEmulator implements EmulatorHandle {

    private final AwsEventsEmulator emulator;
    private final EmulatorControl control;

    private InProcessEmulator(AwsEventsEmulator emulator) {
        this.emulator = emulator;
        this.control = new EmulatorControl(emulator.endpoint());
    }

    /** Starts an emulator on a free loopback port with the given fault seed. */
    public static InProcessEmulator start(long seed) {
        return new InProcessEmulator(AwsEventsEmulator.builder().host("127.0.0.1").port(0).seed(seed).start());
    }

    @Override
    public URI endpoint() {
        return emulator.endpoint();
    }

    @Override
    public String region() {
        return emulator.region();
    }

    @Override
    public String accessKey() {
        return emulator.accessKey();
    }

    @Override
    public String secretKey() {
        return emulator.secretKey();
    }

    @Override
    public long seed() {
        return emulator.faults().seed();
    }

    @Override
    public String description() {
        return "in-process emulator";
    }

    @Override
    public EmulatorControl control() {
        return control;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
