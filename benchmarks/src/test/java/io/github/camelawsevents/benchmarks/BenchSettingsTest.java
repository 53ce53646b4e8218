package io.github.camelawsevents.benchmarks;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSettingsTest {

    private static BenchSettings settings(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return BenchSettings.from(p);
    }

    @Test
    void smokeModeIsSmallAndInProcess() {
        BenchSettings s = settings("bench.mode", "smoke");
        assertThat(s.events()).isLessThan(1_000);
        assertThat(s.repetitions()).isEqualTo(1);
        assertThat(s.fork()).isEqualTo(BenchSettings.Fork.SCALE);
        assertThat(s.latenciesMs()).containsExactly(0, 20);
    }

    @Test
    void emptyValuesMeanTheModesDefaultsAsMavenPassesThem() {
        BenchSettings s = settings("bench.mode", "full", "bench.events", "", "bench.latencyMs", " ");
        assertThat(s.events()).isEqualTo(50_000);
        assertThat(s.latenciesMs()).containsExactly(0, 20);
        assertThat(s.fork()).isEqualTo(BenchSettings.Fork.ALL);
        assertThat(s.scaleEvents()).containsExactly(10_000, 100_000, 1_000_000);
    }

    @Test
    void propertiesOverrideTheMode() {
        BenchSettings s = settings("bench.mode", "smoke", "bench.events", "100_000", "bench.latencyMs", "0,5,20",
                "bench.contenders", "peer, partner-limit", "bench.inFlight", "16", "bench.scnInFlight", "8");
        assertThat(s.events()).isEqualTo(100_000);
        assertThat(s.latenciesMs()).containsExactly(0, 5, 20);
        assertThat(s.runs("peer")).isTrue();
        assertThat(s.runs("scn-loop")).isFalse();
        assertThat(s.partnerInFlight()).isEqualTo(16);
        assertThat(s.scnInFlight()).isEqualTo(8);
    }

    @Test
    void theSupplyChainRecordCheckIsOffUnlessAsked() {
        assertThat(settings().scnRecordCheck()).isEqualTo("OFF");
        assertThat(settings("bench.scnRecordCheck", "warn_unknown").scnRecordCheck()).isEqualTo("WARN_UNKNOWN");
        assertThatThrownBy(() -> settings("bench.scnRecordCheck", "on"))
                .hasMessageContaining("bench.scnRecordCheck must be OFF, WARN_UNKNOWN or STRICT");
    }

    @Test
    void aCellTravelsToAForkedWorkerAsArgumentsAndBack() {
        Cell cell = new Cell("scn-aggregated", 20, List.of(new Cell.Run(10_000, 3), new Cell.Run(1_000_000, 1)), 5_000,
                700_000_000L, true);
        assertThat(Cell.fromArgs(("port " + cell.toArgs()).split(" "), 1)).isEqualTo(cell);
    }

    @Test
    void eachRunOfACellGetsItsOwnSummary() {
        Cell cell = new Cell("c", 20, List.of(new Cell.Run(10_000, 2), new Cell.Run(1_000_000, 1)), 1, 1, true);
        Measurement small = SummaryTest.rep(1, 1, -1);
        Measurement large = new Measurement("c", 20, 1_000_000, 1_000_000, 0, 1_000_000, 5, 1, 1, 1, 1, 1, 1, -1);
        List<Summary> summaries = BenchmarkMain.summarise(cell, List.of(small, small, large));
        assertThat(summaries).extracting(Summary::events).containsExactly(10_000L, 1_000_000L);
        assertThat(summaries).extracting(Summary::repetitions).containsExactly(2, 1);
        assertThatThrownBy(() -> BenchmarkMain.summarise(cell, List.of(small, large)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongModeOrNumberIsRefusedWithItsName() {
        assertThatThrownBy(() -> settings("bench.mode", "quick")).hasMessageContaining("bench.mode");
        assertThatThrownBy(() -> settings("bench.events", "many")).hasMessageContaining("bench.events");
        assertThatThrownBy(() -> settings("bench.fork", "some")).hasMessageContaining("bench.fork");
    }

    @Test
    void thePlanCutsNToWhatRequestsInFlightCarryWhenLatencyIsAddedAndNeverReusesEventNumbers() {
        BenchSettings s = settings("bench.mode", "full", "bench.contenders", "peer,scn-groups-8,partner-limit",
                "bench.scaleContenders", "partner-limit", "bench.scale", "10000,1000000");
        List<Cell> cells = BenchmarkMain.plan(s);
        // 10 s at 20 ms per round trip: 500 events with one in flight, 4,000 with 8, all 50,000 with 32 x 20
        assertThat(cells).extracting(Cell::toString).containsExactly(
                "peer @0ms N=50000 x3", "partner-limit @0ms N=50000 x3", "scn-groups-8 @0ms N=50000 x3",
                "peer @20ms N=500 x3", "partner-limit @20ms N=50000 x3", "scn-groups-8 @20ms N=4000 x3",
                "partner-limit @0ms N=10000 x3, N=1000000 x1");
        assertThat(cells).extracting(Cell::eventBase).doesNotHaveDuplicates();
        assertThat(cells.get(6).scale()).isTrue();
        assertThat(cells.get(6).repetitions()).isEqualTo(4);
        assertThat(cells.get(5).scale()).isFalse();
    }
}
