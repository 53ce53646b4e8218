package io.github.camelawsevents.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {

    /** 10,000 events in {@code seconds}, using {@code cpuMs} of CPU, 500 requests. */
    static Measurement rep(double seconds, double cpuMs, long liveBytes) {
        return new Measurement("c", 20, 10_000, 10_000, 0, 10_000, 500, (long) (seconds * 1e9), (long) (cpuMs * 1e6),
                2_000_000_000L, 3_000, 9_000, 100L << 20, liveBytes);
    }

    @Test
    void derivedFiguresUseTheWallTimeAndTheEventCount() {
        Measurement m = rep(2, 500, -1);
        assertThat(m.eventsPerSecond()).isEqualTo(5_000);
        assertThat(m.requestsPerSecond()).isEqualTo(250);
        assertThat(m.cpuMsPerThousand()).isEqualTo(50);
        assertThat(m.emulatorCpuMsPerThousand()).isEqualTo(200);
    }

    @Test
    void eachMetricIsTheMedianOfTheRepetitions() {
        Summary s = Summary.of(List.of(rep(1, 900, -1), rep(4, 100, -1), rep(2, 500, -1)));
        assertThat(s.repetitions()).isEqualTo(3);
        assertThat(s.eventsPerSecond()).isEqualTo(5_000);
        assertThat(s.cpuMsPerThousand()).isEqualTo(50);
        assertThat(s.seconds()).isEqualTo(2);
        assertThat(s.p50Ms()).isEqualTo(3);
        assertThat(s.p99Ms()).isEqualTo(9);
        assertThat(s.heapPeakMb()).isEqualTo(100);
        assertThat(s.complete()).isTrue();
    }

    @Test
    void liveHeapIsTheMedianOfTheRepetitionsThatSawAGcOrMinusOne() {
        assertThat(Summary.of(List.of(rep(1, 1, -1), rep(1, 1, -1))).liveHeapMb()).isEqualTo(-1);
        assertThat(Summary.of(List.of(rep(1, 1, -1), rep(1, 1, 30L << 20), rep(1, 1, 10L << 20))).liveHeapMb())
                .isEqualTo(20);
    }

    @Test
    void oneIncompleteRepetitionMakesTheSummaryIncomplete() {
        Measurement lost = new Measurement("c", 20, 10_000, 9_000, 0, 10_000, 500, 1, 1, 1, 1, 1, 1, -1);
        Measurement failed = new Measurement("c", 20, 10_000, 10_000, 3, 9_997, 500, 1, 1, 1, 1, 1, 1, -1);
        assertThat(lost.complete()).isFalse();
        assertThat(failed.complete()).isFalse();
        assertThat(Summary.of(List.of(rep(1, 1, -1), lost)).complete()).isFalse();
    }

    @Test
    void aggregatedSupplyChainRunIsCompleteWhenTheEmulatorAcceptedEveryAcknowledgedEvent() {
        // 10,000 records travelled as 10 events of 1,000 records
        Measurement m = new Measurement("c", 0, 10_000, 10, 0, 10, 10, 1, 1, 1, 1, 1, 1, -1);
        assertThat(m.complete()).isTrue();
    }

    @Test
    void repetitionsOfDifferentRunsAreNotMixed() {
        Measurement other = new Measurement("d", 20, 10_000, 10_000, 0, 10_000, 500, 1, 1, 1, 1, 1, 1, -1);
        assertThatThrownBy(() -> Summary.of(List.of(rep(1, 1, -1), other)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultLineReadsBackAsTheSameMeasurement() {
        Measurement m = rep(1.5, 321.5, 42L << 20);
        assertThat(Measurement.fromLine(m.toLine())).isEqualTo(m);
    }

    @Test
    void aTruncatedResultLineIsRefused() {
        String line = rep(1, 1, -1).toLine();
        assertThatThrownBy(() -> Measurement.fromLine(line.substring(0, line.indexOf(" requests="))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
