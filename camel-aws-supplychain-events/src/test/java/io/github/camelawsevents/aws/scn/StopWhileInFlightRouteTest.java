package io.github.camelawsevents.aws.scn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * A producer stopped, or a route forced down after its shutdown timeout, while messages are in flight or waiting for
 * a slot: every message still ends (its callback is called, delivered or failed), none hangs and none is dropped.
 * Found by the reliability suite's stop-and-restart scenario.
 */
class StopWhileInFlightRouteTest extends EmulatorRouteTestSupport {

    private static final String URI = SCN + "?eventType=scn.data.inboundorder&eventGroupId=g1&maxInFlightRequests=1"
                                      + "&maxPendingExchanges=1";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getShutdownStrategy().setTimeout(1);
        context.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        return context;
    }

    private Exchange exchange(String body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    /**
     * The answer comes after the producer stopped (its stop waits for in-flight messages only up to the shutdown
     * timeout): the callback must still be called. It never was (the completion executor was gone).
     */
    @Test
    void aMessageAnsweredAfterTheProducerStoppedStillCompletes() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(3000)).build());
        AsyncProducer producer = scnEndpoint(URI).createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(1);
        Exchange exchange = exchange("{\"id\":\"o-1\"}");
        producer.process(exchange, sync -> done.countDown());

        producer.stop(); // waits 1 s (the shutdown timeout) for the message, then stops

        assertThat(done.await(15, TimeUnit.SECONDS)).as("callback called").isTrue();
        assertThat(exchange.getException()).isNull();
        assertThat(stored()).hasSize(1);
    }

    /**
     * Camel interrupts the consumer thread when it forces a route down; a message waiting for the pending bound then must still
     * be sent, not failed with an InterruptedException (which Camel would not dead-letter during a forced shutdown).
     */
    @Test
    void aMessageWaitingForThePendingBoundIsSentEvenWhenItsThreadIsInterrupted() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(3000)).build());
        AsyncProducer producer = scnEndpoint(URI).createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(2);
        Exchange first = exchange("{\"id\":\"o-1\"}");
        Exchange second = exchange("{\"id\":\"o-2\"}");
        producer.process(first, sync -> done.countDown()); // holds the only slot for 3 s
        Thread waiting = new Thread(() -> producer.process(second, sync -> done.countDown()), "waiting-for-a-slot");
        waiting.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(waiting.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("delivery.Admission") && f.getMethodName().equals("await")));

        waiting.interrupt();

        assertThat(done.await(20, TimeUnit.SECONDS)).as("both callbacks called").isTrue();
        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(stored()).extracting(e -> e.data()).containsExactly("{\"id\":\"o-1\"}", "{\"id\":\"o-2\"}");
        producer.stop();
    }
}
