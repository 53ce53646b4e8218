package io.github.camelawsevents.aws.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Not a test: measures how many requests per second the emulator answers to the async AWS SDK client (Netty),
 * with signature checks on and off, client and emulator in this one JVM. Prints a table. Bounded: each cell runs
 * a warm-up and a measured window of a few seconds.
 *
 * <p>On a small machine the SDK client (which marshals and signs on the calling thread) is the limit, not the
 * emulator; so the table also shows the CPU time the emulator's I/O threads spent per request and the request
 * rate that would saturate all cores with emulator work alone (*: an upper bound, client excluded).
 *
 * <pre>
 * mvn -q -pl aws-events-emulator test-compile exec:java@emulator -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.camelawsevents.aws.emulator.EmulatorThroughputCheck [-Dexec.args="seconds inFlight"]
 * </pre>
 */
public final class EmulatorThroughputCheck {

    private EmulatorThroughputCheck() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        System.out.printf(Locale.ROOT, "Emulator throughput, async SDK client (Netty), %d requests in flight, %d s "
                + "measured after %d s warm-up, %d cores, client and emulator in one JVM%n", inFlight, seconds,
                Math.max(2, seconds / 2), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-36s %-10s %12s %8s %18s %22s%n", "operation", "signatures", "requests/s",
                "errors", "emulator CPU/req", "emulator max req/s*");
        // round 0 warms up the JIT (client and server) and is not reported
        for (int round = 0; round < 3; round++) {
            boolean verify = round != 2;
            boolean reported = round > 0;
            try (AwsEventsEmulator emulator = AwsEventsEmulator.builder().verifySignatures(verify).countOnly(true).start();
                 SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().maxConcurrency(inFlight)
                         .maxPendingConnectionAcquires(10_000).build();
                 SupplyChainAsyncClient scn = SupplyChainAsyncClient.builder().endpointOverride(emulator.endpoint())
                         .region(Region.of(emulator.region())).credentialsProvider(credentials(emulator))
                         .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                         .build();
                 EventBridgeAsyncClient events = EventBridgeAsyncClient.builder().endpointOverride(emulator.endpoint())
                         .region(Region.of(emulator.region())).credentialsProvider(credentials(emulator))
                         .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                         .build()) {
                String label = verify ? "verified" : "off";
                AtomicLong n = new AtomicLong();
                SendDataIntegrationEventRequest.Builder scnRequest = SendDataIntegrationEventRequest.builder()
                        .instanceId("8928ae12-15e5-4441-825d-ec2184f0a43a").eventType("scn.data.inboundorder")
                        .data("{\"id\":\"inbound-order-id-test-123\",\"tpartner_id\":\"partner-id-test-123\"}");
                report(reported, "SendDataIntegrationEvent (1 record)", label, run(seconds, inFlight,
                        () -> scn.sendDataIntegrationEvent(scnRequest.eventGroupId("g" + (n.incrementAndGet() % 100)).build())));
                PutPartnerEventsRequest one = partnerRequest(1);
                report(reported, "PutPartnerEvents (1 entry)", label, run(seconds, inFlight, () -> events.putPartnerEvents(one)));
                PutPartnerEventsRequest twenty = partnerRequest(20);
                report(reported, "PutPartnerEvents (20 entries)", label, run(seconds, inFlight,
                        () -> events.putPartnerEvents(twenty)));
            }
        }
    }

    private static PutPartnerEventsRequest partnerRequest(int entries) {
        List<PutPartnerEventsRequestEntry> list = IntStream.range(0, entries)
                .mapToObj(i -> PutPartnerEventsRequestEntry.builder().source("aws.partner/example.com/123/orders")
                        .detailType("Order Created").detail("{\"order\":" + i + ",\"status\":\"NEW\"}").build())
                .toList();
        return PutPartnerEventsRequest.builder().entries(list).build();
    }

    private static StaticCredentialsProvider credentials(AwsEventsEmulator emulator) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey()));
    }

    private static void report(boolean reported, String operation, String signatures, long[] result) {
        if (!reported) {
            return;
        }
        double cpuMicrosPerRequest = result[2] / 1000.0;
        long capacity = Math.round(Runtime.getRuntime().availableProcessors() * 1_000_000 / cpuMicrosPerRequest);
        System.out.printf(Locale.ROOT, "%-36s %-10s %,12d %8d %15.1f us %,22d%n", operation, signatures, result[0],
                result[1], cpuMicrosPerRequest, capacity);
    }

    /** CPU time used so far by the emulator's I/O threads (where all request handling runs). */
    private static long emulatorCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("aws-events-emulator-io")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /**
     * Keeps {@code inFlight} calls running; returns {requests/s over the measured window, errors, emulator CPU
     * nanoseconds per request over the measured window}.
     */
    private static long[] run(int seconds, int inFlight, Supplier<CompletableFuture<?>> call) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(2, seconds / 2));
        long end = warmUpEnd + TimeUnit.SECONDS.toNanos(seconds);
        long measuredFrom = -1;
        long doneAtStart = 0;
        long cpuAtStart = 0;
        while (System.nanoTime() < end) {
            if (measuredFrom < 0 && System.nanoTime() >= warmUpEnd) {
                measuredFrom = System.nanoTime();
                doneAtStart = done.get();
                cpuAtStart = emulatorCpuNanos();
            }
            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            call.get().whenComplete((r, e) -> {
                if (e != null) {
                    errors.incrementAndGet();
                }
                done.incrementAndGet();
                slots.release();
            });
        }
        long measured = done.get() - doneAtStart;
        long cpu = emulatorCpuNanos() - cpuAtStart;
        double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
        slots.tryAcquire(inFlight, 30, TimeUnit.SECONDS);
        return new long[] {Math.round(measured / elapsed), errors.get(), measured == 0 ? 0 : cpu / measured};
    }

}
