package io.github.camelawsevents.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoredCopiesTest {

    @Test
    void copiesAfterALostResponseAreExplainedAndCountedAsDuplicates() {
        StoredCopies copies = new StoredCopies(3);
        copies.add(0, true, "1/a/1/true");
        copies.add(0, true, "2/a/2/true");
        copies.add(0, false, "3/a/3/false");
        copies.add(1, false, "4/b/1/false");

        assertThat(copies.total()).isEqualTo(4);
        assertThat(copies.distinct().cardinality()).isEqualTo(2);
        assertThat(copies.duplicates()).isEqualTo(2);
        assertThat(copies.unexplained()).isZero();
        assertThat(copies.unexplainedEvents().isEmpty()).isTrue();
        assertThat(copies.anyCopyLost(0)).isTrue();
        assertThat(copies.anyCopyLost(1)).isFalse();
        assertThat(copies.anyCopyLost(2)).isFalse();
    }

    @Test
    void aCopyStoredAfterAnAnsweredOneIsUnexplainedEvenWhenALaterCopyWasLost() {
        StoredCopies copies = new StoredCopies(2);
        copies.add(1, false, "1/a/1/false");
        copies.add(1, true, "5/b/1/true"); // sent again although the first was answered
        copies.add(1, false, "6/b/2/false"); // the SDK's retry of the lost one: explained

        assertThat(copies.duplicates()).isEqualTo(2);
        assertThat(copies.unexplained()).isEqualTo(1);
        assertThat(copies.unexplainedEvents().stream().boxed().toList()).containsExactly(1);
        assertThat(copies.anyCopyLost(1)).isTrue();
        assertThat(copies.unexplainedProvenance(10))
                .containsExactly(Map.entry(1, List.of("1/a/1/false", "5/b/1/true", "6/b/2/false")));
    }

    @Test
    void numbersOutsideTheEventsAreCountedApart() {
        StoredCopies copies = new StoredCopies(2);
        copies.add(-1, false, "1/a/1/false");
        copies.add(2, false, "1/a/1/false");
        copies.add(0, false, "1/a/1/false");

        assertThat(copies.total()).isEqualTo(3);
        assertThat(copies.outOfRange()).isEqualTo(2);
        assertThat(copies.duplicates()).isZero();
    }

    @Test
    void theReportShowsAtMostTheRequestedNumberOfEvents() {
        StoredCopies copies = new StoredCopies(20);
        for (int n = 0; n < 20; n++) {
            copies.add(n, false, n + "/a/1/false");
            copies.add(n, false, (100 + n) + "/b/1/false");
        }
        assertThat(copies.unexplained()).isEqualTo(20);
        assertThat(copies.unexplainedProvenance(10)).hasSize(10).containsKey(0).doesNotContainKey(10);
    }
}
