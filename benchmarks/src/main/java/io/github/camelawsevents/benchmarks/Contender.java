package io.github.camelawsevents.benchmarks;

/**
 * One way of delivering events: a Camel route, a hand-written loop, or the bare SDK. The harness starts it once,
 * runs it several times (warm-up, then measured repetitions) and closes it.
 */
public interface Contender extends AutoCloseable {

    /** Builds clients and routes against the emulator. Not measured. */
    void start(EmulatorControl.Info emulator) throws Exception;

    /**
     * Delivers events {@code first} to {@code first + count - 1} (see {@link SampleEvents}) and returns once every
     * one of them completed, recording each event's end-to-end latency. Numbers never repeat within a JVM, so no
     * two repetitions send the same event.
     *
     * @return how many events failed and how many the service acknowledged
     */
    RunOutcome run(long first, int count, LatencyRecorder latencies) throws Exception;

    @Override
    void close() throws Exception;
}
