package io.github.camelawsevents.benchmarks;

import java.util.Arrays;

/** The entry times ({@link System#nanoTime()}) of the events an aggregated exchange carries. Not thread-safe. */
final class TimestampList {

    private long[] values = new long[32];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return values[i];
    }
}
