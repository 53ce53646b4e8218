package io.github.camelawsevents.aws.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchesTest {

    private static final BatchLimits TWENTY_BY_256K = new BatchLimits(20, 262_144, 0, 0);

    private static List<Integer> sizes(int count, int size) {
        return new ArrayList<>(Collections.nCopies(count, size));
    }

    @Test
    void splitsByCountAtTheLimitAndOnePast() {
        assertThat(Batches.split(sizes(1, 10), Integer::longValue, TWENTY_BY_256K)).extracting(List::size)
                .containsExactly(1);
        assertThat(Batches.split(sizes(20, 10), Integer::longValue, TWENTY_BY_256K)).extracting(List::size)
                .containsExactly(20);
        assertThat(Batches.split(sizes(21, 10), Integer::longValue, TWENTY_BY_256K)).extracting(List::size)
                .containsExactly(20, 1);
        assertThat(Batches.split(sizes(45, 10), Integer::longValue, TWENTY_BY_256K)).extracting(List::size)
                .containsExactly(20, 20, 5);
    }

    @Test
    void emptyInputGivesNoBatch() {
        assertThat(Batches.split(List.<Integer> of(), Integer::longValue, TWENTY_BY_256K)).isEmpty();
    }

    @Test
    void splitsBySizeExactlyAtTheLimit() {
        // two items of half the limit fit exactly; a third starts a new batch
        List<Integer> items = sizes(3, 131_072);
        assertThat(Batches.split(items, Integer::longValue, TWENTY_BY_256K)).extracting(List::size)
                .containsExactly(2, 1);
        // one byte more and each item stands alone
        List<Integer> bigger = List.of(131_072, 131_073, 131_071);
        assertThat(Batches.split(bigger, Integer::longValue, TWENTY_BY_256K)).extracting(List::size)
                .containsExactly(1, 2);
    }

    @Test
    void anItemOfExactlyTheLimitFitsAloneAndOneMoreIsRefused() {
        assertThat(Batches.split(List.of(262_144), Integer::longValue, TWENTY_BY_256K)).hasSize(1);
        assertThatThrownBy(() -> Batches.split(List.of(1, 262_145), Integer::longValue, TWENTY_BY_256K))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Item 1");
    }

    @Test
    void jsonArrayOverheadAndSeparatorsAreCounted() {
        // "[" + a + "," + b + "]" : 2 + 4 + 1 + 4 = 11
        BatchLimits array = new BatchLimits(Integer.MAX_VALUE, 11, 2, 1);
        assertThat(Batches.split(List.of(4, 4), Integer::longValue, array)).hasSize(1);
        BatchLimits tight = new BatchLimits(Integer.MAX_VALUE, 10, 2, 1);
        assertThat(Batches.split(List.of(4, 4), Integer::longValue, tight)).hasSize(2);
        assertThat(array.maxItemSize()).isEqualTo(9);
    }

    @Test
    void batchesKeepOrderAndCoverEveryItemOnce() {
        List<Integer> items = IntStream.range(0, 1000).map(i -> 1 + (i * 7919) % 50_000).boxed().toList();
        List<List<Integer>> batches = Batches.split(items, Integer::longValue, TWENTY_BY_256K);
        List<Integer> flattened = batches.stream().flatMap(List::stream).toList();
        assertThat(flattened).isEqualTo(items);
        for (List<Integer> batch : batches) {
            assertThat(batch.size()).isBetween(1, 20);
            assertThat(batch.stream().mapToLong(Integer::longValue).sum()).isLessThanOrEqualTo(262_144);
        }
        // greedy: no batch could have taken the first item of the next
        for (int i = 0; i + 1 < batches.size(); i++) {
            List<Integer> batch = batches.get(i);
            long sum = batch.stream().mapToLong(Integer::longValue).sum();
            int next = batches.get(i + 1).get(0);
            assertThat(batch.size() == 20 || sum + next > 262_144).isTrue();
        }
    }

    @Test
    void budgetTellsWhetherTheNextItemFits() {
        BatchLimits.Budget budget = new BatchLimits(2, 10, 2, 1).newBudget();
        assertThat(budget.isEmpty()).isTrue();
        assertThat(budget.size()).isEqualTo(2);
        assertThat(budget.fits(8)).isTrue();
        assertThat(budget.fits(9)).isFalse();
        budget.add(3);
        assertThat(budget.fits(4)).isTrue();
        assertThat(budget.fits(5)).isFalse();
        budget.add(4);
        assertThat(budget.items()).isEqualTo(2);
        assertThat(budget.size()).isEqualTo(10);
        assertThat(budget.fits(0)).isFalse();
        budget.reset();
        assertThat(budget.items()).isZero();
    }

    @Test
    void limitsRejectNonsense() {
        assertThatThrownBy(() -> new BatchLimits(0, 1, 0, 0)).hasMessageContaining("maxItems");
        assertThatThrownBy(() -> new BatchLimits(1, 0, 0, 0)).hasMessageContaining("maxSize");
        assertThatThrownBy(() -> new BatchLimits(1, 1, -1, 0)).hasMessageContaining("negative");
    }
}
