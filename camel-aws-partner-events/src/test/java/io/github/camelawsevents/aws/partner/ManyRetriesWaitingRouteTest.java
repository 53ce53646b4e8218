package io.github.camelawsevents.aws.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * More messages waiting for an entry-retry backoff at once than Camel's default thread pool profile queues (1000):
 * every one must still be retried. The retry scheduler used the default profile, refused the 1001st task, and its
 * entries failed without a retry (found by the reliability suite at 100,000 events under throttling bursts).
 */
class ManyRetriesWaitingRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private static final int MESSAGES = 1100;

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Test
    void moreThanAThousandMessagesWaitingForARetryAreAllRetried() throws Exception {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(1.0).build());
        AsyncProducer producer = context.getEndpoint(URI + "&entryRetryAttempts=5&entryRetryBackoff=5000"
                                                     + "&entryRetryMaxBackoff=5000").createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(MESSAGES);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("{\"i\":" + i + "}");
            exchanges.add(exchange);
            producer.process(exchange, sync -> done.countDown());
        }
        // every first attempt was throttled: all messages now wait for their retry (2.5 to 5 s)
        await().atMost(Duration.ofSeconds(60))
                .until(() -> emulator().stats().faults(FaultKind.ENTRY_THROTTLED) >= MESSAGES);
        emulator().faults().clear();

        assertThat(done.await(120, TimeUnit.SECONDS)).as("every message completed").isTrue();
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator().partnerEvents().count()).isEqualTo(MESSAGES);
        producer.stop();
    }
}
