package io.github.camelawsevents.aws.core.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's contract with a fake source and a fake SDK (answers come on a thread that is not ours): outcomes are
 * set on a sender thread and the rest of the route runs on the worker pool, exactly once; the request slot is free
 * before the route goes on; work that arrives while every slot is busy shares the next request; the pending bound
 * makes the caller wait, at most maxBlockMs, and a close answers callers that wait; a failing planner or answer handler
 * fails exactly its exchanges; a close drops retries instead of sending them. The route tests of both components prove
 * the same with a real route, the real SDK client and the emulator.
 */
class DeliveryPipelineTest {

    private CamelContext context;
    private final Queue<Item> queue = new ArrayDeque<>();
    private final List<FakeRequest> sent = new ArrayList<>();
    private final AtomicReference<RuntimeException> planningFails = new AtomicReference<>();
    private volatile boolean answerHandlingFails;
    private DeliveryPipeline pipeline;
    private ThreadPoolExecutor senders;
    // until when (nanoTime) a request of fewer than 10 items waits for more (lingerMs); MIN_VALUE: never waits
    private volatile long lingersUntil = Long.MIN_VALUE;

    /** One unit of work of a submission. */
    private record Item(Submission owner) {
    }

    /** Records how and where its outcome was set. */
    private static final class TestSubmission extends Submission {
        final AtomicInteger finished = new AtomicInteger();
        volatile String finishThread;
        volatile Exception abandoned;
        volatile String answer;

        TestSubmission(Exchange exchange) {
            super(exchange, doneSync -> {
            });
        }

        @Override
        protected void finish() {
            finished.incrementAndGet();
            finishThread = Thread.currentThread().getName();
        }

        @Override
        protected void abandon(Exception reason) {
            abandoned = reason;
        }
    }

    /** A submission whose "rest of the route" records its thread and may block. */
    private static final class RouteSubmission extends Submission {
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger continued = new AtomicInteger();
        volatile String routeThread;

        RouteSubmission(Exchange exchange, CountDownLatch holdRoute, RouteSubmission[] self) {
            super(exchange, doneSync -> {
                self[0].continued.incrementAndGet();
                self[0].routeThread = Thread.currentThread().getName();
                self[0].done.countDown();
                if (holdRoute != null) {
                    try {
                        holdRoute.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }

        static RouteSubmission of(Exchange exchange, CountDownLatch holdRoute) {
            RouteSubmission[] self = new RouteSubmission[1];
            self[0] = new RouteSubmission(exchange, holdRoute, self);
            return self[0];
        }

        @Override
        protected void finish() {
        }

        @Override
        protected void abandon(Exception reason) {
            exchange().setException(reason);
        }
    }

    /** A request whose answer the test gives, on a thread of its own. */
    private final class FakeRequest implements DeliveryPipeline.Request<String> {
        final List<Submission> items;
        final CompletableFuture<String> response = new CompletableFuture<>();
        volatile boolean sentOnAnInterruptedThread;
        volatile int inFlightWhenSent = -1;
        volatile int inFlightWhenAnswered = -1;

        FakeRequest(List<Submission> items) {
            this.items = items;
        }

        @Override
        public int items() {
            return items.size();
        }

        @Override
        public Collection<? extends Submission> carried() {
            return items;
        }

        @Override
        public CompletableFuture<String> send() {
            sentOnAnInterruptedThread = Thread.currentThread().isInterrupted();
            inFlightWhenSent = pipeline.requestsInFlight();
            synchronized (sent) {
                sent.add(this);
            }
            return response;
        }

        @Override
        public void answered(String result, Throwable error) {
            inFlightWhenAnswered = pipeline.requestsInFlight();
            if (answerHandlingFails) {
                throw new IllegalStateException("a bug in the answer mapping");
            }
            for (Submission item : items) {
                if (item instanceof TestSubmission test) {
                    test.answer = result;
                }
                item.complete();
            }
        }

        /** Answers from a thread that is not ours, as the SDK's Netty threads do. */
        void answer(String value) throws InterruptedException {
            Thread sdk = new Thread(() -> response.complete(value), "sdk-event-loop");
            sdk.start();
            sdk.join();
        }
    }

    private final DeliveryPipeline.Source source = new DeliveryPipeline.Source() {
        @Override
        public DeliveryPipeline.Request<?> poll(long nowNanos, boolean flush) {
            synchronized (queue) {
                if (queue.isEmpty() || (!flush && queue.size() < 10 && nowNanos < lingersUntil)) {
                    return null;
                }
                RuntimeException planning = planningFails.getAndSet(null);
                if (planning != null) {
                    throw planning;
                }
                List<Submission> items = new ArrayList<>();
                while (!queue.isEmpty() && items.size() < 10) {
                    items.add(queue.poll().owner());
                }
                return new FakeRequest(items);
            }
        }

        @Override
        public long dueAt() {
            synchronized (queue) {
                return queue.isEmpty() || lingersUntil == Long.MIN_VALUE ? Long.MAX_VALUE : lingersUntil;
            }
        }

        @Override
        public boolean mayBeReady(long nowNanos) {
            synchronized (queue) {
                return !queue.isEmpty() && (queue.size() >= 10 || nowNanos >= lingersUntil);
            }
        }

        @Override
        public Collection<? extends Submission> discardHead() {
            synchronized (queue) {
                Item head = queue.poll();
                return head == null ? List.of() : List.of(head.owner());
            }
        }
    };

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
        context.stop();
    }

    private DeliveryPipeline pipeline(int slots, int pending) {
        return pipeline(slots, pending, 60_000, null);
    }

    private DeliveryPipeline pipeline(int slots, int pending, long maxBlockMs, ExecutorService workers) {
        synchronized (sent) {
            sent.clear();
        }
        synchronized (queue) {
            queue.clear();
        }
        pipeline = new DeliveryPipeline(new DeliveryPipeline.Settings("Test", slots, pending, maxBlockMs, workers, 2,
                4, 0), source, DeliveryListener.NONE);
        senders = SenderThreads.newPool(context, "Test");
        pipeline.start(context, senders);
        return pipeline;
    }

    private TestSubmission submit() {
        TestSubmission submission = new TestSubmission(new DefaultExchange(context));
        pipeline.submit(submission, () -> {
            synchronized (queue) {
                queue.add(new Item(submission));
            }
        });
        return submission;
    }

    private RouteSubmission submitRoute(CountDownLatch holdRoute) {
        RouteSubmission submission = RouteSubmission.of(new DefaultExchange(context), holdRoute);
        pipeline.submit(submission, () -> {
            synchronized (queue) {
                queue.add(new Item(submission));
            }
        });
        return submission;
    }

    private FakeRequest sent(int index) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (sent) {
                return sent.size() > index;
            }
        });
        synchronized (sent) {
            return sent.get(index);
        }
    }

    private static void awaitDone(TestSubmission submission) {
        await().atMost(Duration.ofSeconds(10)).until(() -> submission.finished.get() == 1);
    }

    @Test
    void workThatArrivesWhileEverySlotIsBusySharesTheNextRequestAndOutcomesAreSetOnASenderThread() throws Exception {
        pipeline(1, 100);
        TestSubmission first = submit();
        FakeRequest one = sent(0);
        assertThat(one.items).hasSize(1);
        List<TestSubmission> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(submit());
        }
        assertThat(sent).as("the only slot is busy").hasSize(1);
        assertThat(pipeline.pendingExchanges()).isEqualTo(6);

        one.answer("a");
        awaitDone(first);
        FakeRequest two = sent(1);
        assertThat(two.items).as("the five waiting shared the next request").hasSize(5);
        two.answer("b");
        for (TestSubmission submission : later) {
            awaitDone(submission);
            assertThat(submission.answer).isEqualTo("b");
        }
        for (TestSubmission submission : List.of(first, later.get(0), later.get(4))) {
            assertThat(submission.finishThread).as("never the SDK's thread").doesNotContain("sdk")
                    .contains("TestSender");
            assertThat(submission.finished).hasValue(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.pendingExchanges() == 0);
        assertThat(pipeline.requestsInFlight()).isZero();
    }

    @Test
    void workThatLingersIsNotHandedToASenderThreadUntilItIsFullOrDue() throws Exception {
        pipeline(4, 100);
        lingersUntil = Long.MAX_VALUE;
        for (int i = 0; i < 9; i++) {
            submit();
        }
        assertThat(senders.getTaskCount()).as("no drain handed over for a request that is not full").isZero();
        submit(); // the tenth fills a request: it goes at once, lingering or not
        assertThat(sent(0).items).hasSize(10);

        lingersUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long handedOver = senders.getTaskCount();
        TestSubmission late = submit();
        assertThat(senders.getTaskCount()).as("lingering again: no hand-over").isEqualTo(handedOver);
        FakeRequest due = sent(1);
        assertThat(due.items).as("the wake-up at its due time sent it").hasSize(1);
        due.answer("d");
        awaitDone(late);
    }

    @Test
    void theInFlightCountGoesDownBeforeTheSlotIsFreedSoItsPeakNeverPassesTheBound() throws Exception {
        pipeline(2, 100);
        assertThat(pipeline.peakRequestsInFlight()).isZero();
        submit();
        FakeRequest one = sent(0);
        submit();
        FakeRequest two = sent(1);
        assertThat(one.inFlightWhenSent).as("counted as it goes").isEqualTo(1);
        assertThat(two.inFlightWhenSent).isEqualTo(2);
        assertThat(pipeline.requestsInFlight()).isEqualTo(2);

        one.answer("a");
        await().atMost(Duration.ofSeconds(10)).until(() -> one.inFlightWhenAnswered >= 0);
        assertThat(one.inFlightWhenAnswered).as("its slot was already free").isEqualTo(1);
        submit();
        FakeRequest three = sent(2);
        assertThat(three.inFlightWhenSent).as("the freed slot, not a third").isEqualTo(2);
        two.answer("b");
        three.answer("c");
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.pendingExchanges() == 0);
        assertThat(pipeline.requestsInFlight()).isZero();
        assertThat(pipeline.peakRequestsInFlight()).isEqualTo(2);
    }

    @Test
    void theRestOfTheRouteRunsOnTheWorkerPoolAfterTheSlotIsFree() throws Exception {
        pipeline(1, 100);
        CountDownLatch holdRoute = new CountDownLatch(1);
        RouteSubmission slow = submitRoute(holdRoute);
        sent(0).answer("a");
        assertThat(slow.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.routeThread).as("the rest of the route").contains("TestWorker").doesNotContain("sdk");

        // while that route step is still running, the next request goes: its slot was freed first
        TestSubmission next = submit();
        FakeRequest second = sent(1);
        second.answer("b");
        awaitDone(next);
        holdRoute.countDown();
        assertThat(slow.continued).hasValue(1);
    }

    /** A submission whose rest of the route is {@code route}. */
    private Submission submitWithRoute(org.apache.camel.AsyncCallback route) {
        Submission submission = new Submission(new DefaultExchange(context), route) {
            @Override
            protected void finish() {
            }

            @Override
            protected void abandon(Exception reason) {
                exchange().setException(reason);
            }
        };
        pipeline.submit(submission, () -> {
            synchronized (queue) {
                queue.add(new Item(submission));
            }
        });
        return submission;
    }

    @Test
    void theExchangesOfOneAnswerRunTheirSlowStepsAtOnceNotOneAfterTheOther() throws Exception {
        pipeline(1, 100); // our worker pool: at most 4 threads
        TestSubmission first = submit(); // takes the only slot: the next four share one request
        FakeRequest firstRequest = sent(0);
        CountDownLatch started = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 4; i++) {
            submitWithRoute(doneSync -> {
                threads.add(Thread.currentThread().getName());
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // a slow step: it ends only when all four are running
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        firstRequest.answer("a");
        awaitDone(first);
        FakeRequest shared = sent(1);
        assertThat(shared.items).hasSize(4);
        shared.answer("b");
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the four steps of one answer run at once").isTrue();
        release.countDown();
        assertThat(threads).hasSize(4).allSatisfy(name -> assertThat(name).contains("TestWorker"));
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.pendingExchanges() == 0);
    }

    @Test
    void aStepThatThrowsOutOfItsRouteDoesNotKeepTheOtherExchangesOfItsAnswerFromGoingOn() throws Exception {
        pipeline(1, 100);
        TestSubmission first = submit();
        FakeRequest firstRequest = sent(0); // sent alone: the next five share the next request
        AtomicInteger wentOn = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            boolean throwing = i == 1;
            submitWithRoute(doneSync -> {
                if (throwing) {
                    throw new IllegalStateException("escaped its route");
                }
                wentOn.incrementAndGet();
            });
        }
        firstRequest.answer("a");
        awaitDone(first);
        FakeRequest shared = sent(1);
        assertThat(shared.items).hasSize(5);
        shared.answer("b");
        await().atMost(Duration.ofSeconds(10)).until(() -> wentOn.get() == 4 && pipeline.pendingExchanges() == 0);
    }

    @Test
    void theCallerWaitsWhileThePendingBoundIsFullAndIsRefusedAfterMaxBlockMs() throws Exception {
        pipeline(4, 2, 300, null);
        submit();
        submit();
        long start = System.nanoTime();
        assertThatThrownBy(this::submit).isInstanceOf(DeliveryRefusedException.class)
                .hasMessageContaining("Waited 300 ms (maxBlockMs)").hasMessageContaining("maxPendingExchanges");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(250);
        assertThat(pipeline.pendingExchanges()).as("the refused one was not admitted").isEqualTo(2);

        CountDownLatch admitted = new CountDownLatch(1);
        pipeline.close();
        pipeline(4, 2);
        submit();
        submit();
        Thread caller = new Thread(() -> {
            submit();
            admitted.countDown();
        }, "route-thread");
        caller.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> caller.getState() == Thread.State.WAITING
                                                           || caller.getState() == Thread.State.TIMED_WAITING);
        assertThat(admitted.getCount()).as("held back at the bound").isEqualTo(1);
        sent(0).answer("a");
        assertThat(admitted.await(10, TimeUnit.SECONDS)).as("admitted once the bound frees").isTrue();
    }

    @Test
    void closingAnswersCallersWaitingForTheBound() throws Exception {
        pipeline(4, 1);
        TestSubmission open = submit();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        CountDownLatch answered = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                submit();
            } catch (RuntimeException e) {
                refused.set(e);
            }
            answered.countDown();
        }, "route-thread");
        caller.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> caller.getState() == Thread.State.TIMED_WAITING);
        pipeline.close();
        assertThat(answered.await(10, TimeUnit.SECONDS)).as("the waiting caller got an answer").isTrue();
        assertThat(refused.get()).isInstanceOf(DeliveryRefusedException.class).hasMessageContaining("stopped");
        assertThat(open.finished).hasValue(1);
        assertThat(open.abandoned).hasMessageContaining("stopped before AWS answered");
    }

    @Test
    void whatIsOpenWhenTheLastProducerStopsStillCompletesWhenAwsAnswers() throws Exception {
        pipeline(1, 100);
        TestSubmission open = submit();
        FakeRequest request = sent(0);
        assertThat(pipeline.quiesce(Duration.ofMillis(50))).as("not answered within the timeout").isFalse();
        assertThat(open.finished).hasValue(0);

        request.answer("late");
        awaitDone(open);
        assertThat(open.answer).isEqualTo("late");
        assertThat(open.abandoned).isNull();
    }

    @Test
    void closingCompletesWhatIsStillOpenExactlyOnceAndALateAnswerChangesNothing() throws Exception {
        pipeline(1, 100);
        TestSubmission open = submit();
        FakeRequest request = sent(0);
        pipeline.quiesce(Duration.ofMillis(10));
        pipeline.close();

        assertThat(open.finished).hasValue(1);
        assertThat(open.abandoned).hasMessageContaining("stopped before AWS answered");
        request.answer("late");
        assertThat(open.finished).as("exactly once").hasValue(1);
        assertThat(open.answer).isNull();
        assertThat(pipeline.isStopped()).isTrue();
    }

    @Test
    void aRetryWaitingForItsBackoffGoesAtOnceOnAStopAndIsDroppedOnAClose() throws Exception {
        pipeline(1, 100);
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        pipeline.retryAfter(TimeUnit.HOURS.toMillis(1), () -> ran.add("quiesced"));
        assertThat(ran).isEmpty();
        pipeline.quiesce(Duration.ofMillis(10));
        assertThat(ran).containsExactly("quiesced");

        pipeline.resume();
        pipeline.retryAfter(TimeUnit.HOURS.toMillis(1), () -> ran.add("closed"));
        pipeline.close();
        assertThat(ran).as("a close never sends a retry on a client about to close").containsExactly("quiesced");
    }

    @Test
    void aStopOnAnInterruptedThreadSendsWhatWaitedForABackoffAndAwaitsItsAnswer() throws Exception {
        pipeline(1, 100);
        TestSubmission waiting = new TestSubmission(new DefaultExchange(context));
        pipeline.submit(waiting, () -> {
        });
        // a retry waiting for its backoff, as the producers put failed work back
        pipeline.retryAfter(TimeUnit.HOURS.toMillis(1), () -> {
            synchronized (queue) {
                queue.add(new Item(waiting));
            }
            pipeline.trigger();
        });
        // AWS answers the request the stop sends
        Thread aws = new Thread(() -> {
            try {
                sent(0).answer("a");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aws");
        aws.start();
        // Camel interrupts the stopping thread when it forces a stop after the shutdown timeout
        Thread.currentThread().interrupt();
        boolean completed;
        boolean stillInterrupted;
        try {
            completed = pipeline.quiesce(Duration.ofSeconds(10));
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        aws.join();
        assertThat(sent(0).sentOnAnInterruptedThread).as("the SDK refuses calls on interrupted threads").isFalse();
        assertThat(completed).as("the stop awaited the answer").isTrue();
        assertThat(stillInterrupted).as("the interrupt is the caller's").isTrue();
        assertThat(waiting.finished).hasValue(1);
        assertThat(waiting.answer).isEqualTo("a");
    }

    @Test
    void aQuiescedPipelineRefusesNewExchangesUntilItIsResumed() throws Exception {
        pipeline(1, 1);
        assertThat(pipeline.quiesce(Duration.ZERO)).isTrue();
        TestSubmission late = new TestSubmission(new DefaultExchange(context));
        assertThatThrownBy(() -> pipeline.submit(late, () -> {
        })).isInstanceOf(DeliveryRefusedException.class).hasMessageContaining("stopped");
        pipeline.resume();
        TestSubmission again = submit();
        sent(0).answer("a");
        awaitDone(again);
    }

    @Test
    void anAnswerHandlerThatThrowsFailsExactlyTheExchangesOfItsRequest() throws Exception {
        pipeline(1, 100);
        TestSubmission a = submit();
        FakeRequest first = sent(0);
        TestSubmission b = submit();
        TestSubmission c = submit();
        answerHandlingFails = true;
        first.answer("a");
        awaitDone(a);
        assertThat(a.abandoned).hasMessageContaining("a bug in the answer mapping");
        answerHandlingFails = false;
        FakeRequest second = sent(1);
        assertThat(second.items).as("the others go on").containsExactly(b, c);
        second.answer("b");
        awaitDone(b);
        awaitDone(c);
        assertThat(b.abandoned).isNull();
        assertThat(a.finished).hasValue(1);
    }

    @Test
    void aPlannerThatThrowsFailsTheExchangeAtTheHeadAndTheRestGoesOn() throws Exception {
        pipeline(1, 100);
        TestSubmission first = submit();
        FakeRequest one = sent(0);
        planningFails.set(new IllegalArgumentException("cannot plan this item"));
        TestSubmission bad = submit();
        TestSubmission good = submit();
        one.answer("a");
        awaitDone(bad);
        assertThat(bad.abandoned).hasMessageContaining("cannot plan this item");
        FakeRequest two = sent(1);
        assertThat(two.items).containsExactly(good);
        two.answer("b");
        awaitDone(good);
        assertThat(good.abandoned).isNull();
        assertThat(first.abandoned).isNull();
    }

    @Test
    void aWorkerPoolOfTheUsersRunsTheRestOfTheRouteAndIsNotShutDown() throws Exception {
        ExecutorService mine = Executors.newFixedThreadPool(2, task -> new Thread(task, "users-pool"));
        try {
            pipeline(1, 100, 60_000, mine);
            RouteSubmission route = submitRoute(null);
            sent(0).answer("a");
            assertThat(route.done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(route.routeThread).isEqualTo("users-pool");
            pipeline.close();
            assertThat(mine.isShutdown()).isFalse();
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void wrongSettingsNameTheOption() {
        assertThatThrownBy(() -> new DeliveryPipeline.Settings("T", 0, 1, 0, null, 1, 1, 0))
                .hasMessageContaining("maxInFlightRequests must be at least 1, got 0");
        assertThatThrownBy(() -> new DeliveryPipeline.Settings("T", 1, 1, -1, null, 1, 1, 0))
                .hasMessageContaining("maxBlockMs must be 0 or more, got -1");
        assertThatThrownBy(() -> new DeliveryPipeline.Settings("T", 1, 1, 0, null, 5, 2, 0))
                .hasMessageContaining("workerPoolCoreSize=5").hasMessageContaining("workerPoolMaxSize=2");
    }
}
