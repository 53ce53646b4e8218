package io.github.camelawsevents.aws.core.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request-rate cap as a pure value over clock readings: no waiting in the test. */
class RequestRateTest {

    private static final long MS = 1_000_000L;

    @Test
    void noCapLetsEverythingGo() {
        RequestRate rate = new RequestRate(0, 1);
        for (int i = 0; i < 1000; i++) {
            assertThat(rate.waitNanos(0)).isZero();
            rate.take(0);
        }
        assertThat(rate.capped()).isFalse();
    }

    @Test
    void aBurstGoesAtOnceThenOneRequestPerIntervalOfTheRate() {
        RequestRate rate = new RequestRate(100, 10); // 10 ms per request, bursts of 10
        long now = 1_000 * MS;
        for (int i = 0; i < 10; i++) {
            assertThat(rate.waitNanos(now)).isZero();
            rate.take(now);
        }
        assertThat(rate.waitNanos(now)).as("the burst is spent").isEqualTo(10 * MS);
        assertThat(rate.waitNanos(now + 4 * MS)).isBetween(6 * MS - 1, 6 * MS + 1);
        assertThat(rate.waitNanos(now + 10 * MS)).isZero();
    }

    @Test
    void overAnySecondAtMostTheRatePlusTheBurstGo() {
        RequestRate rate = new RequestRate(460, 46);
        long start = 5_000 * MS;
        int sent = 0;
        // ask every 0.1 ms for one second: as fast as a busy sender could
        for (long t = start; t < start + 1_000 * MS; t += MS / 10) {
            if (rate.waitNanos(t) == 0) {
                rate.take(t);
                sent++;
            }
        }
        assertThat(sent).isBetween(460, 460 + 46);
    }

    @Test
    void aQuietSpellRefillsAtMostTheBurst() {
        RequestRate rate = new RequestRate(10, 2);
        long now = 0;
        rate.waitNanos(now);
        rate.take(now);
        rate.take(now);
        long later = now + 60_000 * MS;
        int atOnce = 0;
        while (rate.waitNanos(later) == 0) {
            rate.take(later);
            atOnce++;
        }
        assertThat(atOnce).isEqualTo(2);
    }
}
