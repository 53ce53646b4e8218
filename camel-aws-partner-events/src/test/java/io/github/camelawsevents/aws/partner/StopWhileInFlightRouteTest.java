package io.github.camelawsevents.aws.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel interrupts the consumer thread when it forces a route down after the shutdown timeout. A message waiting for
 * an in-flight slot then must still be sent, not failed with an InterruptedException: Camel's error handler does not
 * run during a forced shutdown, so a failed message would not reach the dead-letter channel and would be lost. Found
 * by the reliability suite's stop-and-restart scenario.
 */
class StopWhileInFlightRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    private Exchange exchange(String detail) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(detail);
        return exchange;
    }

    @Test
    void aMessageWaitingForThePendingBoundIsSentEvenWhenItsThreadIsInterrupted() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(3000)).build());
        AsyncProducer producer = context.getEndpoint(URI + "&maxInFlightRequests=1&maxPendingExchanges=1").createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(2);
        Exchange first = exchange("{\"i\":0}");
        Exchange second = exchange("{\"i\":1}");
        producer.process(first, sync -> done.countDown()); // holds the only slot for 3 s
        Thread waiting = new Thread(() -> producer.process(second, sync -> done.countDown()), "waiting-for-a-slot");
        waiting.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(waiting.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("delivery.Admission") && f.getMethodName().equals("await")));

        waiting.interrupt();

        assertThat(done.await(20, TimeUnit.SECONDS)).as("both callbacks called").isTrue();
        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(emulator().partnerEvents().events()).extracting(PartnerEvent::detail)
                .containsExactly("{\"i\":0}", "{\"i\":1}");
        producer.stop();
    }
}
