package io.github.camelawsevents.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AimsTest {

    static Summary at(String id, int latencyMs, long events, double eventsPerSecond, double cpu, double heapMb,
            double liveMb) {
        return new Summary(id, latencyMs, events, 3, eventsPerSecond, 1, cpu, 1, 1, 1, heapMb, liveMb, 1, true);
    }

    @Test
    void aRatioAtTheAimIsMetAndBelowItIsNot() {
        Summary peer = at("peer", 0, 1, 1_000, 1, 1, 1);
        assertThat(Aims.atLeast("x", at("a", 0, 1, 10_000, 1, 1, 1), peer, 10).met()).isTrue();
        assertThat(Aims.atLeast("x", at("a", 0, 1, 9_999, 1, 1, 1), peer, 10).met()).isFalse();
        assertThat(Aims.atLeast("x", at("a", 0, 1, 9_999, 1, 1, 1), null, 10).met()).isNull();
    }

    @Test
    void cpuWithinTwentyFivePercentOfTheLimit() {
        Summary limit = at("limit", 0, 1, 1, 40, 1, 1);
        assertThat(Aims.cpuWithin("x", at("a", 0, 1, 1, 50, 1, 1), limit, 1.25).met()).isTrue();
        assertThat(Aims.cpuWithin("x", at("a", 0, 1, 1, 50.1, 1, 1), limit, 1.25).met()).isFalse();
    }

    @Test
    void everyAimIsListedAndTheOnesWithoutDataAreNotMeasured() {
        List<Aims.Outcome> outcomes = Aims.evaluate(List.of(
                at(Contenders.PEER, 0, 1, 1_000, 100, 1, 1),
                at(Contenders.PARTNER_AGGREGATED, 0, 1, 20_000, 50, 1, 1),
                at(Contenders.PARTNER_LIMIT, 0, 1, 25_000, 45, 1, 1),
                at(Contenders.PARTNER_PER_EXCHANGE, 0, 1, 21_000, 50, 1, 1)), List.of());
        // aggregated vs peer (0, 20 ms), aggregated vs limit (events, CPU), per exchange vs limit (0 ms: 0.84, under
        // 0.9; 20 ms; CPU), a step after the producer vs without (20 ms), Supply Chain coalesced and 64 groups
        assertThat(outcomes).extracting(Aims.Outcome::met)
                .containsExactly(true, null, true, true, false, null, true, null, null, null);
        assertThat(outcomes.get(0).measured()).contains("20,000", "1,000", "20.0×");
    }

    @Test
    void theLimitIsAlsoComparedOnTheLongestRunsOfTheScaleTable() {
        List<Summary> scale = List.of(
                at(Contenders.PARTNER_AGGREGATED, 0, 10_000, 20_000, 50, 1, 1),
                at(Contenders.PARTNER_LIMIT, 0, 10_000, 25_000, 45, 1, 1),
                at(Contenders.PARTNER_AGGREGATED, 0, 1_000_000, 30_000, 40, 1, 1),
                at(Contenders.PARTNER_LIMIT, 0, 1_000_000, 32_000, 35, 1, 1),
                at(Contenders.PARTNER_AGGREGATED, 0, 2_000_000, 30_000, 40, 1, 1));
        List<Summary[]> pairs = Aims.largestCommonRuns(scale, Contenders.PARTNER_AGGREGATED, Contenders.PARTNER_LIMIT);
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0)[0].events()).isEqualTo(1_000_000);
        assertThat(pairs.get(0)[1].eventsPerSecond()).isEqualTo(32_000);
        assertThat(Aims.evaluate(List.of(), scale)).extracting(Aims.Outcome::aim)
                .anyMatch(aim -> aim.contains("at 0 ms, 1,000,000 events"));
    }

    @Test
    void memoryIsFlatWhenTheLargestRunStaysWithinAQuarterOfTheSmallest() {
        List<Aims.Outcome> outcomes = Aims.flatMemory(List.of(
                at("a", 0, 10_000, 1, 1, 100, 30), at("a", 0, 1_000_000, 1, 1, 110, 37),
                at("b", 0, 10_000, 1, 1, 100, 30), at("b", 0, 1_000_000, 1, 1, 180, 90),
                at("c", 0, 10_000, 1, 1, 100, 30)));
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).met()).isTrue();
        assertThat(outcomes.get(0).measured()).contains("100 → 110 MB", "30 → 37 MB");
        assertThat(outcomes.get(1).met()).isFalse();
    }
}
