package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.Batches;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer's split: the core's greedy batching over this API's entry sizes and limits. */
class RequestBatchingTest {

    private static List<List<Integer>> split(long[] sizes, BatchLimits limits) {
        List<Integer> positions = IntStream.range(0, sizes.length).boxed().toList();
        return Batches.split(positions, p -> sizes[p], limits);
    }

    @ParameterizedTest
    @CsvSource({ "1,1", "19,1", "20,1", "21,2", "40,2", "45,3", "1000,50" })
    void smallEntriesAreSplitByCount(int entries, int requests) {
        long[] sizes = new long[entries];
        java.util.Arrays.fill(sizes, 100);
        List<List<Integer>> batches = split(sizes, EntryRules.requestLimits(20, 262_144));
        assertThat(batches).hasSize(requests);
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(20));
        assertThat(batches.stream().flatMap(List::stream).toList())
                .as("every position once, in order").isEqualTo(IntStream.range(0, entries).boxed().toList());
    }

    @Test
    void aRequestMayTotalOneByteUnderTheLimitButNotTheLimit() {
        BatchLimits limits = EntryRules.requestLimits(20, 262_144);
        assertThat(split(new long[] { 131_072, 131_071 }, limits)).hasSize(1);
        assertThat(split(new long[] { 131_072, 131_072 }, limits)).hasSize(2);
        assertThat(split(new long[] { 262_143 }, limits)).hasSize(1);
    }

    @Test
    void bigEntriesAreSplitBySizeAndNoRequestReachesTheLimit() {
        long[] sizes = new long[30];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 10_000 + (i * 7919L) % 90_000;
        }
        List<List<Integer>> batches = split(sizes, EntryRules.requestLimits(20, 262_144));
        List<Long> totals = new ArrayList<>();
        for (List<Integer> batch : batches) {
            totals.add(batch.stream().mapToLong(p -> sizes[p]).sum());
        }
        assertThat(totals).allSatisfy(t -> assertThat(t).isLessThan(262_144));
        // greedy: each batch but the last could not take the next entry
        for (int b = 0; b < batches.size() - 1; b++) {
            int next = batches.get(b + 1).get(0);
            assertThat(totals.get(b) + sizes[next]).isGreaterThanOrEqualTo(262_144);
        }
    }

    @Test
    void aConfiguredEntryCountAndSizeAreBothHonoured() {
        long[] sizes = new long[10];
        java.util.Arrays.fill(sizes, 300);
        assertThat(split(sizes, EntryRules.requestLimits(3, 100_000))).extracting(List::size)
                .containsExactly(3, 3, 3, 1);
        assertThat(split(sizes, EntryRules.requestLimits(20, 1000))).extracting(List::size)
                .containsExactly(3, 3, 3, 1);
        assertThat(split(sizes, EntryRules.requestLimits(20, 901))).extracting(List::size)
                .containsExactly(3, 3, 3, 1);
        assertThat(split(sizes, EntryRules.requestLimits(20, 900))).extracting(List::size)
                .as("900 bytes would equal the limit").containsExactly(2, 2, 2, 2, 2);
    }
}
