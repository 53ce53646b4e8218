package io.github.camelawsevents.scaleout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelawsevents.aws.testsupport.JitQuiet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link JitQuiet}: its rule, its warm-up rounds, and that it reads a child JVM's compilers. */
class JitQuietTest {

    @Test
    void quietIsLessThanTwoPercentOfThePeriodSpentCompiling() {
        assertTrue(JitQuiet.quiet(0, 2_000));
        assertTrue(JitQuiet.quiet(39, 2_000));
        assertFalse(JitQuiet.quiet(40, 2_000));
        assertFalse(JitQuiet.quiet(1_500, 2_000));
    }

    @Test
    void warmUpEndsWithTheFirstRoundAfterTheFirstInWhichEveryJvmWasQuiet() throws Exception {
        AtomicLong a = new AtomicLong();
        AtomicLong b = new AtomicLong();
        // JVM a compiles in rounds 0 and 1, JVM b in rounds 0 to 2; a round takes at least 1 ms, so a compile of
        // 1,000,000 ms is never quiet and 0 ms always is
        long[][] compiles = {{1_000_000, 1_000_000}, {1_000_000, 1_000_000}, {0, 1_000_000}, {0, 0}, {0, 0}};
        List<Integer> ran = new ArrayList<>();
        JitQuiet.WarmUp w = JitQuiet.warmUp(List.of(a::get, b::get), 1, 10, i -> {
            ran.add(i);
            a.addAndGet(compiles[i][0]);
            b.addAndGet(compiles[i][1]);
        });
        assertEquals(List.of(0, 1, 2, 3), ran);
        assertEquals(4, w.rounds());
        assertTrue(w.quiet());
        assertEquals(List.of(0L, 0L), w.lastRoundCompiledMillis());
    }

    @Test
    void theFirstRoundNeverCountsAsQuiet() throws Exception {
        JitQuiet.WarmUp w = JitQuiet.warmUp(List.of(() -> 0L), 1, 5, i -> { });
        assertEquals(2, w.rounds());
        assertTrue(w.quiet());
    }

    @Test
    void warmUpStopsAfterMaxRoundsAndSaysItWasNotQuiet() throws Exception {
        AtomicLong clock = new AtomicLong();
        JitQuiet.WarmUp w = JitQuiet.warmUp(List.of(clock::get), 1, 3, i -> clock.addAndGet(1_000_000));
        assertEquals(3, w.rounds());
        assertFalse(w.quiet());
        assertEquals(List.of(1_000_000L), w.lastRoundCompiledMillis());
    }

    @Test
    void withoutClocksTheMinimumOfRounds() throws Exception {
        List<Integer> ran = new ArrayList<>();
        JitQuiet.WarmUp w = JitQuiet.warmUp(List.of(), 1, 4, ran::add);
        assertEquals(List.of(0), ran);
        assertFalse(w.quiet());
        ran.clear();
        JitQuiet.warmUp(List.of(), 3, 4, ran::add);
        assertEquals(List.of(0, 1, 2), ran);
        assertThrows(IllegalArgumentException.class, () -> JitQuiet.warmUp(List.of(), 0, 4, ran::add));
        assertThrows(IllegalArgumentException.class, () -> JitQuiet.warmUp(List.of(), 3, 2, ran::add));
    }

    @Test
    void aQuietRoundBeforeTheMinimumDoesNotEndTheWarmUp() throws Exception {
        JitQuiet.WarmUp w = JitQuiet.warmUp(List.of(() -> 0L), 4, 8, i -> { });
        assertEquals(4, w.rounds());
        assertTrue(w.quiet());
    }

    @Test
    void readsTheCompilersOfAChildJvm() throws Exception {
        try (ChildJvm child = ChildJvm.start("jit-quiet-child", List.of("-Xmx64m"), Busy.class.getName(),
                List.of())) {
            child.awaitLine("busy", 60);
            try (JitQuiet.CompileClock clock = JitQuiet.attached(child.pid())) {
                long first = clock.millis();
                assertTrue(first > 0, "compilation time " + first);
                assertTrue(clock.millis() >= first);
            }
        }
    }

    /** A JVM that compiles a loop, says so, and then does nothing until it is ended. */
    public static final class Busy {
        public static void main(String[] args) throws InterruptedException {
            long sum = 0;
            for (int i = 0; i < 50_000_000; i++) {
                sum += Integer.toString(i).length();
            }
            System.out.println("busy " + sum);
            Thread.currentThread().join();
        }
    }
}
