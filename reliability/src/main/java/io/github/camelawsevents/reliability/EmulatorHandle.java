package io.github.camelawsevents.reliability;

import java.net.URI;

/**
 * A running emulator the scenarios send to: its endpoint and credentials, and its inspection API over HTTP
 * ({@link #control()}). The same scenarios run against an emulator in this JVM (the JUnit tests) or in a JVM of its
 * own (the suite, so that the emulator's stored payloads do not count in the route's heap figures).
 */
public interface EmulatorHandle extends AutoCloseable {

    URI endpoint();

    String region();

    String accessKey();

    String secretKey();

    /** The fault seed the emulator was started with. */
    long seed();

    /** Where the emulator runs, for the report. */
    String description();

    /** The emulator's own HTTP API under {@code /_emulator}. */
    EmulatorControl control();

    @Override
    void close();
}
