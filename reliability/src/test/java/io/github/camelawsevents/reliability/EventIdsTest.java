package io.github.camelawsevents.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void groupsAreSpreadOverAllGroupsAndDependOnlyOnSeedAndNumber() {
        long groupsUsed = IntStream.range(0, 10_000).map(n -> EventIds.group(42, n, 64)).distinct().count();
        assertThat(groupsUsed).isEqualTo(64);
        assertThat(EventIds.group(42, 1234, 64)).isEqualTo(EventIds.group(42, 1234, 64));
    }

    @Test
    void garbageRateIsRoughlyTheRequestedPerMille() {
        long garbage = IntStream.range(0, 100_000).filter(n -> EventIds.garbage(42, n, 10)).count();
        assertThat(garbage).isBetween(800L, 1200L);
        assertThat(IntStream.range(0, 1000).noneMatch(n -> EventIds.garbage(42, n, 0))).isTrue();
    }

    @Test
    void readsTheNumberOfAMember() {
        assertThat(EventIds.number("{\"order_id\":\"o-7\",\"seq\":3,\"n\":7}", "n")).isEqualTo(7);
        assertThat(EventIds.number("{\"order_id\":\"o-7\",\"seq\":3,\"n\":7}", "seq")).isEqualTo(3);
        assertThat(EventIds.number("{\"x\":1}", "n")).isEqualTo(-1);
        assertThat(EventIds.number(null, "n")).isEqualTo(-1);
    }
}
