package io.github.camelawsevents.aws.core.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's contract with a fake source and a fake SDK: answers come on a thread that is not Camel's; exchanges
 * complete on the pipeline's Camel threads, exactly once; work that arrives while every slot is busy shares the next
 * request; the pending bound makes the caller wait; a stop completes what is still open.
 */
class DeliveryPipelineTest {

    private CamelContext context;
    private final Queue<Item> queue = new ArrayDeque<>();
    private final List<FakeRequest> sent = new ArrayList<>();
    private DeliveryPipeline pipeline;

    /** One unit of work of a submission. */
    private record Item(TestSubmission owner) {
    }

    /** Records how and where it completed. */
    private static final class TestSubmission extends Submission {
        final AtomicInteger completions = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        volatile String thread;
        volatile Exception abandoned;
        volatile String answer;

        TestSubmission(Exchange exchange) {
            super(exchange, sync -> { });
        }

        @Override
        protected void finish() {
            completions.incrementAndGet();
            thread = Thread.currentThread().getName();
            done.countDown();
        }

        @Override
        protected void abandon(Exception reason) {
            abandoned = reason;
        }
    }

    /** A request whose answer the test gives, on a thread of its own. */
    private final class FakeRequest implements DeliveryPipeline.Request<String> {
        final List<Item> items;
        final CompletableFuture<String> response = new CompletableFuture<>();
        volatile boolean sentOnAnInterruptedThread;

        FakeRequest(List<Item> items) {
            this.items = items;
        }

        @Override
        public int items() {
            return items.size();
        }

        @Override
        public CompletableFuture<String> send() {
            sentOnAnInterruptedThread = Thread.currentThread().isInterrupted();
            synchronized (sent) {
                sent.add(this);
            }
            return response;
        }

        @Override
        public void answered(String result, Throwable error) {
            for (Item item : items) {
                item.owner().answer = result;
                item.owner().complete();
            }
        }

        /** Answers from a thread that is not Camel's, as the SDK's Netty threads do. */
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
                if (queue.isEmpty()) {
                    return null;
                }
                List<Item> items = new ArrayList<>();
                while (!queue.isEmpty() && items.size() < 10) {
                    items.add(queue.poll());
                }
                return new FakeRequest(items);
            }
        }

        @Override
        public long dueAt() {
            return Long.MAX_VALUE;
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
        pipeline = new DeliveryPipeline("Test", slots, pending, source, DeliveryListener.NONE);
        pipeline.start(context, this);
        return pipeline;
    }

    private TestSubmission submit() {
        TestSubmission submission = new TestSubmission(new DefaultExchange(context));
        pipeline.admit(submission);
        synchronized (queue) {
            queue.add(new Item(submission));
        }
        pipeline.trigger();
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

    @Test
    void workThatArrivesWhileEverySlotIsBusySharesTheNextRequestAndCompletesOnACamelThread() throws Exception {
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
        assertThat(first.done.await(10, TimeUnit.SECONDS)).isTrue();
        FakeRequest two = sent(1);
        assertThat(two.items).as("the five waiting shared the next request").hasSize(5);
        two.answer("b");
        for (TestSubmission submission : later) {
            assertThat(submission.done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(submission.answer).isEqualTo("b");
        }
        for (TestSubmission submission : List.of(first, later.get(0), later.get(4))) {
            assertThat(submission.thread).as("never the SDK's thread").doesNotContain("sdk").contains("TestDelivery");
            assertThat(submission.completions).hasValue(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.pendingExchanges() == 0);
        assertThat(pipeline.requestsInFlight()).isZero();
    }

    @Test
    void theCallerWaitsWhileThePendingBoundIsFull() throws Exception {
        pipeline(4, 2);
        submit();
        submit();
        CountDownLatch admitted = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            submit();
            admitted.countDown();
        }, "route-thread");
        caller.start();
        assertThat(admitted.await(200, TimeUnit.MILLISECONDS)).as("held back at the bound").isFalse();
        sent(0).answer("a");
        assertThat(admitted.await(10, TimeUnit.SECONDS)).as("admitted once the bound frees").isTrue();
    }

    @Test
    void whatIsOpenWhenTheLastProducerStopsStillCompletesWhenAwsAnswers() throws Exception {
        pipeline(1, 100);
        TestSubmission open = submit();
        FakeRequest request = sent(0);
        assertThat(pipeline.quiesce(Duration.ofMillis(50))).as("not answered within the timeout").isFalse();
        assertThat(open.completions).hasValue(0);

        request.answer("late");
        assertThat(open.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(open.answer).isEqualTo("late");
        assertThat(open.thread).contains("TestDelivery");
        assertThat(open.abandoned).isNull();
    }

    @Test
    void closingCompletesWhatIsStillOpenExactlyOnceAndALateAnswerChangesNothing() throws Exception {
        pipeline(1, 100);
        TestSubmission open = submit();
        FakeRequest request = sent(0);
        pipeline.quiesce(Duration.ofMillis(10));
        pipeline.close();

        assertThat(open.completions).hasValue(1);
        assertThat(open.abandoned).hasMessageContaining("stopped before AWS answered");
        request.answer("late");
        assertThat(open.completions).as("exactly once").hasValue(1);
        assertThat(open.answer).isNull();
        assertThat(pipeline.isStopped()).isTrue();
    }

    @Test
    void aDelayedTaskRunsAtOnceWhenThePipelineStops() throws Exception {
        pipeline(1, 100);
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        pipeline.later(TimeUnit.HOURS.toMillis(1), () -> ran.add(Thread.currentThread().getName()));
        assertThat(ran).isEmpty();
        pipeline.quiesce(Duration.ofMillis(10));
        assertThat(ran).hasSize(1);
    }

    @Test
    void aStopOnAnInterruptedThreadSendsWhatWaitedForABackoffAndAwaitsItsAnswer() throws Exception {
        pipeline(1, 100);
        TestSubmission waiting = new TestSubmission(new DefaultExchange(context));
        pipeline.admit(waiting);
        // a retry waiting for its backoff, as the producers put failed work back
        pipeline.later(TimeUnit.HOURS.toMillis(1), () -> {
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
        assertThat(waiting.completions).hasValue(1);
        assertThat(waiting.answer).isEqualTo("a");
    }

    @Test
    void aQuiescedPipelineRefusesNewExchangesUntilItIsResumed() throws Exception {
        pipeline(1, 1);
        assertThat(pipeline.quiesce(Duration.ZERO)).isTrue();
        TestSubmission late = new TestSubmission(new DefaultExchange(context));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.admit(late))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        pipeline.resume();
        TestSubmission again = submit();
        sent(0).answer("a");
        assertThat(again.done.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
