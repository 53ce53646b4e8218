package io.github.camelawsevents.aws.core.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker pool runs the rest of routes: it grows to its maximum before it queues (so N steps that wait run at once),
 * queues beyond that without refusing, and runs one more thread while one of its threads waits for a pending bound.
 */
class WorkerPoolTest {

    private static final ThreadFactory THREADS = task -> new Thread(task, "TestWorker");

    @Test
    void growsToItsMaximumBeforeItQueuesAndQueuesBeyondWithoutRefusing() throws Exception {
        WorkerPool pool = WorkerPool.own("Test", 1, 8, THREADS);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            pool.execute(() -> {
                running.incrementAndGet();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.incrementAndGet();
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 8);
        assertThat(pool.threads()).as("grown to the maximum while the first 8 wait").isEqualTo(8);
        assertThat(running.get()).as("the other 12 queue, none refused").isEqualTo(8);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 20);
        pool.shutdown();
    }

    @Test
    void aThreadWaitingForABoundLetsAnotherThreadRunWhatIsQueued() throws Exception {
        WorkerPool pool = WorkerPool.own("Test", 1, 1, THREADS);
        CountDownLatch waitingForBound = new CountDownLatch(1);
        CountDownLatch queuedRan = new CountDownLatch(1);
        pool.execute(() -> {
            WorkerPool.Blocking blocking = WorkerPool.blockingOnThisThread();
            try {
                waitingForBound.countDown();
                // the bound frees only when the queued task has run (as A -> B -> A routes need)
                queuedRan.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                blocking.end();
            }
        });
        assertThat(waitingForBound.await(10, TimeUnit.SECONDS)).isTrue();
        pool.execute(queuedRan::countDown);
        assertThat(queuedRan.await(10, TimeUnit.SECONDS)).as("ran beside the waiting thread").isTrue();
        pool.shutdown();
    }

    @Test
    void aThreadThatIsNotOneOfOurWorkersAddsNothing() {
        assertThat(WorkerPool.blockingOnThisThread()).isSameAs(WorkerPool.Blocking.NONE);
    }

    @Test
    void afterShutdownACompletionRunsOnTheCallingThreadInsteadOfBeingDropped() {
        WorkerPool pool = WorkerPool.own("Test", 1, 2, THREADS);
        pool.shutdown();
        AtomicInteger ran = new AtomicInteger();
        pool.execute(ran::incrementAndGet);
        assertThat(ran).hasValue(1);
    }
}
