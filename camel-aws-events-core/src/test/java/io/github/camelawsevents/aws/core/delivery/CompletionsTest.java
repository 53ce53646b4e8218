package io.github.camelawsevents.aws.core.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch of completions one answer hands to the worker pool: one thread while its steps are quick, spread over
 * threads once it held its thread past the threshold. The watch's checks are driven by the test (its timer only
 * records what was scheduled), so which batch spreads when does not depend on the machine's speed.
 */
class CompletionsTest {

    private static final long ONE_HOUR = TimeUnit.HOURS.toNanos(1);

    private final List<Long> scheduledChecks = new ArrayList<>();
    private final List<Runnable> checks = new ArrayList<>();
    private final SlowBatchWatch watch = new SlowBatchWatch(ONE_HOUR, (delayNanos, check) -> {
        synchronized (scheduledChecks) {
            scheduledChecks.add(delayNanos);
            checks.add(check);
        }
        return true;
    });
    private final AtomicInteger tasks = new AtomicInteger();
    private ExecutorService executor;

    @AfterEach
    void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private WorkerPool pool(int threads) {
        executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                threads == 1 ? new SynchronousQueue<>() : new java.util.concurrent.LinkedBlockingQueue<>(),
                task -> new Thread(task, "TestWorker-" + tasks.get())) {
            @Override
            public void execute(Runnable command) {
                tasks.incrementAndGet();
                super.execute(command);
            }
        };
        return WorkerPool.supplied("Test", executor);
    }

    private static final class Step extends Submission {
        final int index;

        Step(int index) {
            super(null, doneSync -> {
            });
            this.index = index;
        }

        @Override
        protected void finish() {
        }

        @Override
        protected void abandon(Exception reason) {
        }
    }

    private Completions batch(WorkerPool pool, int size, Consumer<Step> step) {
        return batch(pool, size, step, watch);
    }

    private Completions batch(WorkerPool pool, int size, Consumer<Step> step, SlowBatchWatch watch) {
        Completions batch = new Completions(this, "Test", pool, submission -> step.accept((Step) submission), watch);
        for (int i = 0; i < size; i++) {
            batch.add(new Step(i));
        }
        return batch;
    }

    @Test
    void aBatchOfQuickStepsRunsOnOneThreadAndIsNotSpread() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(20);
        batch(pool(4), 20, step -> {
            threads.add(Thread.currentThread().getName());
            done.countDown();
        }).handOver();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).hasSize(1);
        assertThat(tasks).hasValue(1); // one hand-off for twenty exchanges: no helper
        awaitUnwatched();
        assertThat(scheduledChecks).as("the timer's check while it was watched")
                .containsExactly(SlowBatchWatch.TIMER_PERIODS * ONE_HOUR);
        checks.get(0).run(); // the timer's check after the batch ended: nothing to spread, nothing scheduled again
        assertThat(scheduledChecks).hasSize(1);
        assertThat(tasks).hasValue(1);
    }

    @Test
    void aBatchThatHeldItsThreadPastTheThresholdSpreadsAndItsSlowStepsRunAtOnce() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch allStarted = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        batch(pool(4), 4, step -> {
            threads.add(Thread.currentThread().getName());
            allStarted.countDown();
            firstStarted.countDown();
            await(release);
        }).handOver();
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(watch.watching()).isEqualTo(1);

        watch.check(System.nanoTime()); // well within the threshold: the batch keeps its one thread
        assertThat(tasks).hasValue(1);
        assertThat(allStarted.getCount()).isEqualTo(3);

        watch.check(System.nanoTime() + ONE_HOUR); // past it: a helper, and each helper queues the next
        assertThat(allStarted.await(10, TimeUnit.SECONDS)).as("the four slow steps run at once").isTrue();
        assertThat(threads).hasSize(4);
        assertThat(watch.watching()).isZero();
        release.countDown();
    }

    @Test
    void theThreadRunningTheBatchSpreadsItItselfOnceAStepEndsPastTheThreshold() throws Exception {
        // every batch is overdue at once; the timer's check is never run: only the running thread can spread it
        SlowBatchWatch immediate = new SlowBatchWatch(1, (delayNanos, check) -> true);
        CountDownLatch restStarted = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        batch(pool(4), 4, step -> {
            if (step.index > 0) {
                threads.add(Thread.currentThread().getName());
                restStarted.countDown();
                await(release);
            }
        }, immediate).handOver();
        assertThat(restStarted.await(10, TimeUnit.SECONDS)).as("the three slow steps after the first run at once")
                .isTrue();
        assertThat(threads).hasSize(3);
        release.countDown();
    }

    @Test
    void aHelperThePoolRefusesLeavesTheRestToTheThreadThatRunsTheBatch() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        batch(pool(1), 3, step -> { // a pool of the user's with one thread and no queue: it refuses the helper
            threads.add(Thread.currentThread().getName());
            firstStarted.countDown();
            await(release);
            done.countDown();
        }).handOver();
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        watch.check(System.nanoTime() + ONE_HOUR);
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).as("every exchange of the batch went on").isTrue();
        assertThat(threads).hasSize(1);
    }

    @Test
    void aStepThatThrowsDoesNotKeepTheRestOfTheBatchFromGoingOn() throws Exception {
        CountDownLatch done = new CountDownLatch(4);
        batch(pool(2), 5, step -> {
            if (step.index == 1) {
                throw new IllegalStateException("escaped its route");
            }
            done.countDown();
        }).handOver();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitUnwatched() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> watch.watching() == 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
