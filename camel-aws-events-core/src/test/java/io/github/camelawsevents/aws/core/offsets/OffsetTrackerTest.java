package io.github.camelawsevents.aws.core.offsets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OffsetTrackerTest {

    private static final PartitionId P0 = new PartitionId("orders", 0);
    private static final PartitionId P1 = new PartitionId("orders", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void aPartitionWithNothingStartedHasNothingToCommit() {
        assertThat(tracker.committableOffset(P0)).isEmpty();
        assertThat(tracker.toCommit()).isEmpty();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void theCommittableOffsetIsTheFirstRecordNotCompleted() {
        for (long offset = 10; offset < 15; offset++) {
            tracker.started(P0, offset);
        }
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(10));
        assertThat(tracker.toCommit()).as("where consumption started is committed already").isEmpty();

        tracker.completed(P0, 12);
        tracker.completed(P0, 14);
        assertThat(tracker.committableOffset(P0)).as("10 is still in flight").isEqualTo(OptionalLong.of(10));

        tracker.completed(P0, 10);
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(11));

        tracker.completed(P0, 11);
        assertThat(tracker.committableOffset(P0)).as("12 completed before: 13 is the first open").isEqualTo(OptionalLong.of(13));

        tracker.completed(P0, 13);
        assertThat(tracker.committableOffset(P0)).as("all completed: the offset after the last started")
                .isEqualTo(OptionalLong.of(15));
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void gapsInOffsetsDoNotHoldTheCommitBack() {
        tracker.started(P0, 3);
        tracker.started(P0, 7);
        tracker.started(P0, 8);
        tracker.completed(P0, 3);
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(7));
        tracker.completed(P0, 8);
        tracker.completed(P0, 7);
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(9));
    }

    @Test
    void aFailedRecordHoldsItsPartitionBackButNotOthers() {
        tracker.started(P0, 0);
        tracker.started(P0, 1);
        tracker.started(P1, 0);
        tracker.failed(P0, 0);
        tracker.completed(P0, 1);
        tracker.completed(P1, 0);

        assertThat(tracker.toCommit()).isEqualTo(Map.of(P1, 1L));
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(0));
        assertThat(tracker.inFlight()).as("a failed record is not in flight").isZero();
        assertThat(tracker.failed(P0)).isEqualTo(1);
    }

    @Test
    void aFailedRecordThatCompletesLaterReleasesTheCommit() {
        tracker.started(P0, 0);
        tracker.started(P0, 1);
        tracker.failed(P0, 0);
        tracker.completed(P0, 1);
        assertThat(tracker.completed(P0, 0)).as("dead-lettered after it failed").isTrue();
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(2));
        assertThat(tracker.failed(P0)).isZero();
    }

    @Test
    void toCommitReportsAnOffsetOnceUntilItMovesOn() {
        tracker.started(P0, 0);
        tracker.started(P0, 1);
        tracker.completed(P0, 0);
        assertThat(tracker.toCommit()).isEqualTo(Map.of(P0, 1L));
        tracker.committed(P0, 1);
        assertThat(tracker.toCommit()).isEmpty();
        tracker.completed(P0, 1);
        assertThat(tracker.toCommit()).isEqualTo(Map.of(P0, 2L));
    }

    @Test
    void aCompletionTwiceOrOfARecordNeverStartedChangesNothing() {
        tracker.started(P0, 0);
        tracker.started(P0, 1);
        assertThat(tracker.completed(P0, 0)).isTrue();
        assertThat(tracker.completed(P0, 0)).isFalse();
        assertThat(tracker.completed(P0, 5)).isFalse();
        assertThat(tracker.failed(P0, 0)).isFalse();
        assertThat(tracker.completed(P1, 0)).isFalse();
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(1));
        assertThat(tracker.inFlight()).isEqualTo(1);
    }

    @Test
    void offsetsOfAPartitionStartInOrder() {
        tracker.started(P0, 5);
        assertThatThrownBy(() -> tracker.started(P0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 5 of orders-0");
        assertThatThrownBy(() -> tracker.started(P0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tracker.started(P0, -1)).isInstanceOf(IllegalArgumentException.class);
        tracker.started(P1, 2); // each partition has its own order
    }

    @Test
    void revokingForgetsThePartitionAndIgnoresLateCompletions() {
        tracker.started(P0, 0);
        tracker.started(P0, 1);
        tracker.started(P1, 0);
        tracker.completed(P0, 0);

        assertThat(tracker.revoke(List.of(P0))).isEqualTo(Map.of(P0, 1L));
        assertThat(tracker.inFlight()).isEqualTo(1);
        assertThat(tracker.completed(P0, 1)).as("another consumer owns it now").isFalse();
        assertThat(tracker.committableOffset(P0)).isEmpty();
        assertThat(tracker.partitions()).containsExactly(P1);

        tracker.started(P0, 1); // assigned again: consumption starts over from the committed offset
        assertThat(tracker.committableOffset(P0)).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void awaitIdleReturnsOnceTheRecordsOfThosePartitionsAreDone() throws Exception {
        tracker.started(P0, 0);
        tracker.started(P1, 0);
        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return tracker.awaitIdle(List.of(P0), 30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(idle).isNotDone();
        tracker.failed(P0, 0);
        await().atMost(Duration.ofSeconds(10)).until(idle::isDone);
        assertThat(idle.get()).as("P1 is not among them; a failed record will not complete").isTrue();
    }

    @Test
    void awaitIdleGivesUpAtItsDeadline() throws Exception {
        tracker.started(P0, 0);
        assertThat(tracker.awaitIdle(List.of(P0), 1, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(tracker.awaitIdle(List.of(P1), 1, TimeUnit.MILLISECONDS)).isTrue();
    }
}
