package io.github.camelawsevents.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediansTest {

    @Test
    void oddCountTakesTheMiddleValueWhateverTheOrder() {
        assertThat(Medians.median(9, 1, 5)).isEqualTo(5);
        assertThat(Medians.median(7)).isEqualTo(7);
    }

    @Test
    void evenCountTakesTheMeanOfTheTwoMiddleValues() {
        assertThat(Medians.median(4, 1, 3, 100)).isEqualTo(3.5);
    }

    @Test
    void oneOutlierDoesNotMoveTheMedian() {
        assertThat(Medians.median(10, 11, 1_000_000)).isEqualTo(11);
    }

    @Test
    void inputIsNotReordered() {
        double[] values = {3, 1, 2};
        Medians.median(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void medianOfAMetricOverItems() {
        assertThat(Medians.median(List.of("a", "bbb", "cc"), String::length)).isEqualTo(2);
    }

    @Test
    void medianOfNothingIsRefused() {
        assertThatThrownBy(Medians::median).isInstanceOf(IllegalArgumentException.class);
    }
}
