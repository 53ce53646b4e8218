package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.scn.DatasetLoadRules.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static io.github.camelawsevents.aws.scn.DatasetLoadRules.delayBeforePoll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure rules of confirming dataset loads: the poll schedule and what a status or error means. */
class DatasetLoadRulesTest {

    @Test
    void pollsDoubleFromTheFirstIntervalUpToTheCap() {
        long[] delays = new long[8];
        for (int poll = 1; poll <= delays.length; poll++) {
            delays[poll - 1] = delayBeforePoll(poll, 1000, 30_000, 0, Long.MAX_VALUE);
        }
        assertThat(delays).containsExactly(1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000);
    }

    @Test
    void theLastPollGoesWhenTheTimeLimitRunsOutAndNoneAfterIt() {
        assertThat(delayBeforePoll(6, 1000, 30_000, 290_000, 300_000)).isEqualTo(10_000);
        assertThat(delayBeforePoll(6, 1000, 30_000, 300_000, 300_000)).isZero();
        assertThat(delayBeforePoll(6, 1000, 30_000, 400_000, 300_000)).isZero();
        assertThat(delayBeforePoll(1, 1000, 30_000, 0, 0)).isZero(); // timeout 0: ask once, at once
    }

    @Test
    void theDefaultsAskAnEventAtMostFourteenTimesInFiveMinutes() {
        long elapsed = 0;
        int polls = 0;
        while (true) {
            polls++;
            elapsed += delayBeforePoll(polls, 1000, 30_000, elapsed, 300_000);
            if (elapsed >= 300_000) {
                break;
            }
        }
        assertThat(polls).isEqualTo(14);
    }

    @Property
    void aDelayIsNeverNegativeAboveTheCapOrPastTheLimit(@ForAll @IntRange(min = 1, max = 10_000) int poll,
                                                        @ForAll @LongRange(min = 0, max = 100_000) long first,
                                                        @ForAll @LongRange(min = 0, max = 1_000_000) long extra,
                                                        @ForAll @LongRange(min = 0, max = 10_000_000) long elapsed,
                                                        @ForAll @LongRange(min = 0, max = 10_000_000) long timeout) {
        long max = first + extra;
        long delay = delayBeforePoll(poll, first, max, elapsed, timeout);
        assertThat(delay).isBetween(0L, max);
        assertThat(elapsed + delay).isLessThanOrEqualTo(Math.max(elapsed, timeout));
        if (elapsed + max <= timeout && poll <= 20) {
            // far from the limit: the doubling schedule, capped
            assertThat(delay).isEqualTo(Math.min(max, first << (poll - 1)));
        }
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> delayBeforePoll(0, 1, 2, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> delayBeforePoll(1, 3, 2, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStatusMapsToItsVerdict() {
        for (DatasetLoadTimeoutAction action : DatasetLoadTimeoutAction.values()) {
            for (boolean reached : new boolean[] { false, true }) {
                assertThat(DatasetLoadRules.ofStatus("SUCCEEDED", reached, action)).isEqualTo(Verdict.SUCCEEDED);
                assertThat(DatasetLoadRules.ofStatus("FAILED", reached, action)).isEqualTo(Verdict.FAILED);
            }
            for (String running : new String[] { "IN_PROGRESS", null, "SOMETHING_NEW" }) {
                assertThat(DatasetLoadRules.ofStatus(running, false, action)).isEqualTo(Verdict.POLL_AGAIN);
            }
        }
        assertThat(DatasetLoadRules.ofStatus("IN_PROGRESS", true, DatasetLoadTimeoutAction.FAIL))
                .isEqualTo(Verdict.TIMED_OUT);
        assertThat(DatasetLoadRules.ofStatus("IN_PROGRESS", true, DatasetLoadTimeoutAction.COMPLETE))
                .isEqualTo(Verdict.COMPLETE_IN_PROGRESS);
        assertThat(DatasetLoadRules.ofStatus(null, true, DatasetLoadTimeoutAction.COMPLETE))
                .isEqualTo(Verdict.COMPLETE_IN_PROGRESS);
    }

    @Test
    void aPassingErrorIsAskedAgainWhileTimeIsLeftAnythingElseFails() {
        assertThat(DatasetLoadRules.ofError(true, false)).isEqualTo(Verdict.POLL_AGAIN);
        assertThat(DatasetLoadRules.ofError(true, true)).isEqualTo(Verdict.NOT_CONFIRMED);
        assertThat(DatasetLoadRules.ofError(false, false)).isEqualTo(Verdict.NOT_CONFIRMED);
        assertThat(DatasetLoadRules.ofError(false, true)).isEqualTo(Verdict.NOT_CONFIRMED);
    }

    @Test
    void theWorstStatusIsReported() {
        assertThat(DatasetLoadRules.rank("FAILED")).isGreaterThan(DatasetLoadRules.rank("IN_PROGRESS"));
        assertThat(DatasetLoadRules.rank("IN_PROGRESS")).isGreaterThan(DatasetLoadRules.rank("SUCCEEDED"));
        assertThat(DatasetLoadRules.rank("SUCCEEDED")).isGreaterThan(DatasetLoadRules.rank(null));
    }
}
