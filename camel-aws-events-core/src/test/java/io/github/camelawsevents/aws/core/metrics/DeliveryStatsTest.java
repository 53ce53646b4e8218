package io.github.camelawsevents.aws.core.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatsTest {

    private final DeliveryStats stats = new DeliveryStats(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"),
            ZoneOffset.UTC));

    @Test
    void countsItemsByOutcomeAndFailuresByErrorCode() {
        stats.requestAnswered(20, 1_000, null);
        stats.requestAnswered(3, 2_000, "ThrottlingException");
        stats.accepted(18);
        stats.retried(2);
        stats.failed("MalformedDetail", 1, "Detail is malformed.");
        stats.failed("ThrottlingException", 3, "Rate exceeded");
        stats.failed("MalformedDetail", 2, "Detail is malformed.");

        assertThat(stats.accepted()).isEqualTo(18);
        assertThat(stats.retried()).isEqualTo(2);
        assertThat(stats.failed()).isEqualTo(6);
        assertThat(stats.failedByCode()).containsExactly(java.util.Map.entry("MalformedDetail", 3L),
                java.util.Map.entry("ThrottlingException", 3L));
        assertThat(stats.requests()).isEqualTo(2);
        assertThat(stats.requestsFailed()).isEqualTo(1);
        assertThat(stats.requestItems()).isEqualTo(23);
    }

    @Test
    void keepsTheLastTenErrorsOldestFirstOnOneLineAndCutShort() {
        for (int i = 0; i < 15; i++) {
            stats.failed("E" + i, 1, "line one\nline two " + i);
        }
        stats.failed(null, 4, "x".repeat(1000));

        List<DeliveryStats.LastError> errors = stats.lastErrors();
        assertThat(errors).hasSize(DeliveryStats.LAST_ERRORS);
        assertThat(errors.get(0).errorCode()).isEqualTo("E6");
        assertThat(errors.get(0).message()).isEqualTo("line one line two 6");
        assertThat(errors.get(0).time()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        DeliveryStats.LastError last = errors.get(errors.size() - 1);
        assertThat(last.errorCode()).isEqualTo("unknown");
        assertThat(last.items()).isEqualTo(4);
        assertThat(last.message()).hasSize(DeliveryStats.MAX_MESSAGE + 1).endsWith("…");
    }

    @Test
    void countsExactlyUnderConcurrentUpdates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        stats.accepted(1);
                        stats.retried(2);
                        stats.failed(i % 2 == 0 ? "A" : "B", 1, "m");
                        stats.requestAnswered(1, 1, null);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stats.accepted()).isEqualTo(40_000);
        assertThat(stats.retried()).isEqualTo(80_000);
        assertThat(stats.failedByCode()).containsEntry("A", 20_000L).containsEntry("B", 20_000L);
        assertThat(stats.requests()).isEqualTo(40_000);
        // identical errors collapse: one line per code, every occurrence counted
        assertThat(stats.lastErrors()).hasSize(2).allSatisfy(e -> {
            assertThat(e.occurrences()).isEqualTo(20_000);
            assertThat(e.items()).isEqualTo(20_000);
        });
    }

    @Test
    void identicalErrorsAreOneLineWithACountAndTheirItemsSummed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
        DeliveryStats timed = new DeliveryStats(clock);
        for (int i = 0; i < 10; i++) {
            timed.failed("SdkClientException", 2, "Could not reach the endpoint http://127.0.0.1:1");
            clock.now = clock.now.plusSeconds(1);
        }
        timed.failed("ValidationException", 1, "bad record");
        clock.now = clock.now.plusSeconds(1);
        timed.failed("SdkClientException", 3, "Could not reach the endpoint http://127.0.0.1:1");

        List<DeliveryStats.LastError> errors = timed.lastErrors();
        assertThat(errors).extracting(DeliveryStats.LastError::errorCode)
                .containsExactly("ValidationException", "SdkClientException");
        DeliveryStats.LastError unreachable = errors.get(1);
        assertThat(unreachable.occurrences()).isEqualTo(11);
        assertThat(unreachable.items()).isEqualTo(23);
        assertThat(unreachable.firstTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(unreachable.time()).isEqualTo(Instant.parse("2026-01-02T03:04:16Z"));
        assertThat(errors.get(0).occurrences()).isEqualTo(1);
        assertThat(errors.get(0).firstTime()).isEqualTo(errors.get(0).time());
    }

    @Test
    void theSameCodeWithAnotherTextIsAnotherLine() {
        stats.failed("ValidationException", 1, "record 0 lacks id");
        stats.failed("ValidationException", 1, "record 0 lacks tpartner_id");
        stats.failed("ValidationException", 1, "record 0 lacks id");

        assertThat(stats.lastErrors()).extracting(DeliveryStats.LastError::message)
                .containsExactly("record 0 lacks tpartner_id", "record 0 lacks id");
        assertThat(stats.lastErrors().get(1).occurrences()).isEqualTo(2);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
