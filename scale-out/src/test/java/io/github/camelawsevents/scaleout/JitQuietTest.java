package io.github.camelawsevents.scaleout;

import java.util.List;

import io.github.camelawsevents.aws.testsupport.JitQuiet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link JitQuiet}: its rule, and that it reads a child JVM's compilers (what the throughput sizes rely on). */
class JitQuietTest {

    @Test
    void quietIsLessThanTwoPercentOfTheWindowSpentCompiling() {
        assertTrue(JitQuiet.quiet(0, 2_000));
        assertTrue(JitQuiet.quiet(39, 2_000));
        assertFalse(JitQuiet.quiet(40, 2_000));
        assertFalse(JitQuiet.quiet(1_500, 2_000));
    }

    @Test
    void readsTheCompilersOfAChildJvmAndWaitsUntilTheyAreQuiet() throws Exception {
        try (ChildJvm child = ChildJvm.start("jit-quiet-child", List.of("-Xmx64m"), Idle.class.getName(),
                List.of())) {
            child.awaitLine("idle", 60);
            try (JitQuiet.CompileClock clock = JitQuiet.attached(child.pid())) {
                long first = clock.millis();
                assertTrue(first >= 0, "compilation time " + first);
                // an idle JVM has nothing left to compile within a few windows
                List<Long> lastWindow = JitQuiet.await(List.of(clock));
                assertEquals(1, lastWindow.size());
                assertTrue(JitQuiet.quiet(lastWindow.get(0), JitQuiet.WINDOW_MILLIS), "last window " + lastWindow);
                assertTrue(clock.millis() >= first);
            }
        }
    }

    /** A JVM that says it is up and then does nothing until it is ended. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("idle");
            Thread.currentThread().join();
        }
    }
}
