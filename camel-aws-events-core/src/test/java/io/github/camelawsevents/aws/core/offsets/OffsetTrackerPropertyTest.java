package io.github.camelawsevents.aws.core.offsets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any interleaving of starts, completions in any order and failures: the committable offset is always the lowest
 * offset started and not completed (or the one after the last started), never moves back, and never covers a record
 * that is in flight or failed.
 */
class OffsetTrackerPropertyTest {

    private static final PartitionId P = new PartitionId("t", 0);

    @Property(tries = 500, seed = "19")
    void theCommitNeverCoversARecordNotCompleted(@ForAll("gaps") List<Integer> gaps, @ForAll long seed,
                                                  @ForAll @IntRange(min = 0, max = 30) int failurePercent) {
        Random random = new Random(seed);
        OffsetTracker tracker = new OffsetTracker();
        TreeSet<Long> notCompleted = new TreeSet<>();
        List<Long> inFlight = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        long offset = 0;
        long last = -1;
        long lastCommittable = -1;
        int toStart = gaps.size();
        while (toStart > 0 || !inFlight.isEmpty() || !failed.isEmpty()) {
            int action = random.nextInt(3);
            if (action == 0 && toStart > 0) {
                offset += gaps.get(gaps.size() - toStart);
                toStart--;
                tracker.started(P, offset);
                notCompleted.add(offset);
                inFlight.add(offset);
                last = offset;
            } else if (action == 1 && !inFlight.isEmpty()) {
                long done = inFlight.remove(random.nextInt(inFlight.size()));
                if (random.nextInt(100) < failurePercent) {
                    assertThat(tracker.failed(P, done)).isTrue();
                    failed.add(done);
                } else {
                    assertThat(tracker.completed(P, done)).isTrue();
                    notCompleted.remove(done);
                }
            } else if (action == 2 && !failed.isEmpty()) {
                long deadLettered = failed.remove(random.nextInt(failed.size()));
                assertThat(tracker.completed(P, deadLettered)).isTrue();
                notCompleted.remove(deadLettered);
            } else {
                continue;
            }
            OptionalLong committable = tracker.committableOffset(P);
            if (last < 0) {
                assertThat(committable).isEmpty();
                continue;
            }
            long expected = notCompleted.isEmpty() ? last + 1 : notCompleted.first();
            assertThat(committable).isEqualTo(OptionalLong.of(expected));
            assertThat(committable.getAsLong()).isGreaterThanOrEqualTo(lastCommittable);
            lastCommittable = committable.getAsLong();
            assertThat(tracker.inFlight()).isEqualTo(inFlight.size());
            assertThat(tracker.failed(P)).isEqualTo(failed.size());
        }
        if (last >= 0) {
            assertThat(tracker.committableOffset(P)).isEqualTo(OptionalLong.of(last + 1));
        }
    }

    @Property(tries = 200, seed = "1919")
    void revokedPartitionsIgnoreWhatCompletesLaterAndOthersAreUntouched(
            @ForAll @IntRange(min = 1, max = 200) int records, @ForAll long seed) {
        Random random = new Random(seed);
        OffsetTracker tracker = new OffsetTracker();
        PartitionId kept = new PartitionId("t", 1);
        List<Long> offsets = new ArrayList<>();
        for (long o = 0; o < records; o++) {
            tracker.started(P, o);
            tracker.started(kept, o);
            offsets.add(o);
        }
        Collections.shuffle(offsets, random);
        int before = random.nextInt(records + 1);
        for (int i = 0; i < before; i++) {
            tracker.completed(P, offsets.get(i));
        }
        long atRevocation = tracker.committableOffset(P).getAsLong();
        assertThat(tracker.revoke(List.of(P))).containsEntry(P, atRevocation);
        for (int i = before; i < records; i++) {
            assertThat(tracker.completed(P, offsets.get(i))).isFalse();
        }
        assertThat(tracker.toCommit()).doesNotContainKey(P);
        assertThat(tracker.inFlight()).isEqualTo(records);
        assertThat(tracker.committableOffset(kept)).isEqualTo(OptionalLong.of(0));
    }

    @Provide
    Arbitrary<List<Integer>> gaps() {
        // mostly consecutive offsets, some gaps (compaction, transaction markers)
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, 5)))
                .list().ofMinSize(0).ofMaxSize(300);
    }
}
