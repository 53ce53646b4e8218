package io.github.camelawsevents.aws.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HeapWatch reports a peak at least the heap in use, and stops its sampler thread on close. */
class HeapWatchTest {

    @Test
    void thePeakIsAtLeastTheHeapInUseAndCloseStopsTheSampler() {
        HeapWatch heap = HeapWatch.start();
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[64 * 1024];
        }
        long used = heap.used();
        heap.close();
        assertThat(garbage[63]).hasSize(64 * 1024);
        assertThat(used).isPositive();
        assertThat(heap.peakBytes()).isGreaterThanOrEqualTo(used);
        assertThat(heap.peakAfterGcBytes()).isGreaterThanOrEqualTo(-1);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("heap-watch-sampler"));
        assertThat(HeapWatch.retainedAfterFullGc()).isPositive();
    }
}
