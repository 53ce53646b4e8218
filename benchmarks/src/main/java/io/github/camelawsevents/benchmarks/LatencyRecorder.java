package io.github.camelawsevents.benchmarks;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency of single events, recorded from any thread (SDK completion threads included) into an
 * HdrHistogram: fixed memory whatever the number of events, three significant digits.
 */
public final class LatencyRecorder {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(30);

    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    /** Records one event that entered at {@code startNanos} ({@link System#nanoTime()}) and completed now. */
    public void recordSince(long startNanos) {
        record(System.nanoTime() - startNanos);
    }

    /** Records one event's latency. */
    public void record(long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    public void reset() {
        histogram.reset();
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public long percentileMicros(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }
}
