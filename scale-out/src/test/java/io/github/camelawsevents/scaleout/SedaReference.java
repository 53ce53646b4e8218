package io.github.camelawsevents.scaleout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelawsevents.aws.testsupport.JitQuiet;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The reference row: the same producers, with the worker's {@code application.properties} and endpoint URIs, fed by
 * {@code seda:} in one JVM instead of by Kafka, with the same events, faults and latency. What a worker could reach if
 * consuming cost nothing. Partner events that fail are redelivered until they go through (as the worker sends them
 * again); a Supply Chain record that fails for good is counted, not sent again (the worker dead-letters it).
 * <p>
 * System properties: {@code reference.events} (per component), {@code reference.seed}. Prints
 * {@code seda reference done: scn <nanos> partner <nanos> scnFailed <n> warmUp <events> warm-up: <how>} (times from
 * the first timed event fed to the last completed, after a warm-up in rounds of 5 %, {@code reference.warmUpRounds} at
 * most, as in the Kafka scenarios), then stays up until it is ended.
 */
public final class SedaReference {

    private static final String SCN = "seda:scn-reference?size=1500&blockWhenFull=true";
    private static final String PARTNER = "seda:partner-reference?size=1500&blockWhenFull=true";

    private SedaReference() {
    }

    public static void main(String[] args) throws Exception {
        int perComponent = Integer.getInteger("reference.events");
        long seed = Long.getLong("reference.seed");
        int warmUpRound = Math.max(1, perComponent / 20);
        AtomicLong scnFailed = new AtomicLong();
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(SCN).routeId("scn-reference")
                        .to("aws-scn-event:{{scaleout.scn.instanceId}}?eventType={{scaleout.scn.eventType}}"
                            + "&clientTokenSource=KAFKA_RECORD");
                from(PARTNER).routeId("partner-reference")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(500)
                                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(10_000))
                        .to("aws-partner-events:{{scaleout.partner.eventSource}}?detailType={{scaleout.partner.detailType}}");
            }
        });
        main.start();
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        int[] nextSeq = new int[ScaleOutScenario.GROUPS];
        int[] partnerSeq = new int[ScaleOutScenario.GROUPS];
        ExecutorService feeders = Executors.newFixedThreadPool(2);

        // warm-up, delivered before the clock starts, in rounds as in the Kafka scenarios
        int rounds = Integer.getInteger("reference.warmUpRounds", 1);
        JitQuiet.WarmUp w = JitQuiet.warmUp(rounds > 1 ? List.of(JitQuiet.local()) : List.of(), 1, rounds, i -> {
            CountDownLatch scn = new CountDownLatch(warmUpRound);
            CountDownLatch partner = new CountDownLatch(warmUpRound);
            feed(feeders, template, seed, i * warmUpRound, (i + 1) * warmUpRound, nextSeq, partnerSeq, scn, partner,
                    scnFailed).get();
            scn.await();
            partner.await();
        });
        int warmUp = w.rounds() * warmUpRound;

        CountDownLatch scnDone = new CountDownLatch(perComponent - warmUp);
        CountDownLatch partnerDone = new CountDownLatch(perComponent - warmUp);
        long started = System.nanoTime();
        long[] ended = new long[2];
        Thread scnWatch = new Thread(() -> await(scnDone, ended, 0));
        Thread partnerWatch = new Thread(() -> await(partnerDone, ended, 1));
        scnWatch.start();
        partnerWatch.start();
        feed(feeders, template, seed, warmUp, perComponent, nextSeq, partnerSeq, scnDone, partnerDone, scnFailed);
        scnWatch.join();
        partnerWatch.join();
        System.out.println("seda reference done: scn " + (ended[0] - started) + " partner " + (ended[1] - started)
                           + " scnFailed " + scnFailed.get() + " warmUp " + warmUp + " warm-up: "
                           + ScaleOutScenario.describe(w));
        Thread.currentThread().join(); // ended by the test
    }

    private static void await(CountDownLatch latch, long[] ended, int i) {
        try {
            latch.await();
            ended[i] = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Feeds events [from, to) of both components, each on a thread of its own, in event order. */
    private static Future<?> feed(ExecutorService feeders, ProducerTemplate template, long seed, int from, int to,
            int[] scnSeq, int[] partnerSeq, CountDownLatch scn, CountDownLatch partner, AtomicLong scnFailed) {
        Future<?> scnFeed = feeders.submit(() -> {
            for (int n = from; n < to; n++) {
                int group = ScaleOutScenario.groupOf(seed, n);
                String g = ScaleOutScenario.groupId(group);
                Map<String, Object> headers = new HashMap<>();
                headers.put("CamelAwsScnEventGroupId", g);
                // the record's coordinates, as a Kafka record would carry them: the client token comes from them
                headers.put("kafka.TOPIC", "seda-reference-scn");
                headers.put("kafka.PARTITION", group % ScaleOutScenario.PARTITIONS);
                headers.put("kafka.OFFSET", (long) n);
                send(template, SCN, ScaleOutScenario.scnRecord(n, g, scnSeq[group]++), headers, scn, scnFailed);
            }
        });
        Future<?> partnerFeed = feeders.submit(() -> {
            for (int n = from; n < to; n++) {
                int group = ScaleOutScenario.groupOf(seed, n);
                String g = ScaleOutScenario.groupId(group);
                send(template, PARTNER, ScaleOutScenario.partnerDetail(n, g, partnerSeq[group]++), Map.of(), partner,
                        null);
            }
        });
        return feeders.submit(() -> {
            scnFeed.get();
            partnerFeed.get();
            return null;
        });
    }

    private static void send(ProducerTemplate template, String uri, String body, Map<String, Object> headers,
            CountDownLatch done, AtomicLong failed) {
        Exchange exchange = template.getCamelContext().getEndpoint(uri).createExchange();
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeaders(new HashMap<>(headers));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange e) {
                if (e.isFailed() && failed != null) {
                    failed.incrementAndGet();
                }
                done.countDown();
            }
        });
        // seda: waitForTaskToComplete=Never by default for InOnly: returns once queued (blocks while the queue is full)
        template.send(uri, exchange);
    }
}
