package io.github.camelawsevents.reliability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapComparisonTest {

    private static ScenarioResult run(long events, double peakAfterGc, double before, double retained) {
        return new ScenarioResult("partner-faults: x", "d").metric("component", "aws-partner-events")
                .metric("events", events).metric("peak heap (MB)", 300.0).metric("peak heap after GC (MB)", peakAfterGc)
                .metric("heap before run (MB)", before).metric("heap retained after run (MB)", retained);
    }

    @Test
    void aSmallRunThatEndedBeforeAnyGcIsJudgedByItsHeapAfterTheClosingGc() {
        ScenarioResult small = run(10_000, -1, 12, 20);
        ScenarioResult full = run(100_000, 25.8, 12, 21);
        ScenarioResult r = HeapComparison.compare(small, full);
        assertThat(r.passed()).as(r.failures()).isTrue();
        assertThat(r.metric("peak heap after GC (MB), small / full")).isEqualTo("20.0 / 25.8");
    }

    @Test
    void aHeapThatGrowsWithTheEventsFails() {
        ScenarioResult small = run(10_000, 20, 12, 14);
        ScenarioResult full = run(100_000, 120, 12, 14);
        assertThat(HeapComparison.compare(small, full).passed()).isFalse();
    }

    @Test
    void whatIsLeftPerEventAfterTheRunFails() {
        ScenarioResult small = run(10_000, 20, 12, 14);
        ScenarioResult full = run(100_000, 22, 12, 60);
        assertThat(HeapComparison.compare(small, full).passed()).isFalse();
    }
}
