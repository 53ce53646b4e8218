package io.github.camelawsevents.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;

/**
 * The metrics example: Camel Main with {@code camel-micrometer-prometheus}; two YAML routes send partner events and
 * Supply Chain records to the in-process emulator (10% of partner entries throttled, so the retries show), and the
 * components' meters appear at the Prometheus scrape endpoint {@code http://127.0.0.1:9876/observe/metrics} next to
 * Camel's own. It prints the {@code camel_aws_events_*} lines once the feeds are delivered, then keeps serving until
 * stopped (Ctrl-C); {@code -Dexamples.metrics.exit=true} ends it after printing.
 *
 * <pre>mvn -B -q -pl examples exec:java -Dexec.mainClass=io.github.camelawsevents.examples.MetricsExample</pre>
 */
public final class MetricsExample {

    /** Where Camel Main's management server serves the Prometheus scrape. */
    public static final String SCRAPE_PATH = "/observe/metrics";

    private MetricsExample() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("examples.metrics.port", 9876);
        try (AwsEventsEmulator emulator = AwsEventsEmulator.builder().seed(42).faults(FaultSettings.builder()
                .entryThrottleRate(0.1).appliesTo(Api.PARTNER_EVENTS).build())
                .start()) {
            Main main = create(emulator, Map.of("camel.management.port", String.valueOf(port)));
            main.start();
            try {
                URI scrape = URI.create("http://127.0.0.1:" + managementPort(main) + SCRAPE_PATH);
                String ours = awaitDelivered(scrape, 40 + 20, Duration.ofSeconds(60));
                System.out.println("Scrape endpoint: " + scrape + "\nThe components' meters:\n" + ours);
                if (!Boolean.getBoolean("examples.metrics.exit")) {
                    System.out.println("Serving until stopped (Ctrl-C)");
                    Runtime.getRuntime().addShutdownHook(new Thread(main::stop));
                    Thread.currentThread().join();
                }
            } finally {
                main.stop();
            }
        }
    }

    /**
     * A Camel Main for the example, not started, pointed at {@code emulator}.
     *
     * @param overrides properties over {@code metrics-example.properties}, e.g. {@code camel.management.port}
     */
    public static Main create(AwsEventsEmulator emulator, Map<String, String> overrides) {
        Main main = new Main(); // no main class: its package (the other examples) is not scanned
        main.setPropertyPlaceholderLocations("classpath:metrics-example.properties");
        for (String component : new String[] { "aws-partner-events", "aws-scn-event" }) {
            String prefix = "camel.component." + component + ".";
            main.addOverrideProperty(prefix + "region", emulator.region());
            main.addOverrideProperty(prefix + "overrideEndpoint", "true");
            main.addOverrideProperty(prefix + "uriEndpointOverride", emulator.endpoint().toString());
            main.addOverrideProperty(prefix + "accessKey", emulator.accessKey());
            main.addOverrideProperty(prefix + "secretKey", emulator.secretKey());
        }
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    /** The port the started Main's management server listens on (also when configured as 0: a free port). */
    public static int managementPort(Main main) {
        return main.getCamelContext().hasServices(VertxPlatformHttpServer.class).stream()
                .mapToInt(VertxPlatformHttpServer::getPort).filter(p -> p > 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("The management server is not started"));
    }

    /** The {@code camel_aws_events_} lines of one scrape. */
    public static String scrape(URI scrape) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(scrape).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + scrape + " answered " + response.statusCode());
        }
        return response.body().lines().filter(l -> l.startsWith("camel_aws_events_"))
                .collect(Collectors.joining("\n"));
    }

    /** Scrapes until both feeds' items are accepted (as the meters say), or gives up after {@code timeout}. */
    static String awaitDelivered(URI scrape, long items, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String ours = scrape(scrape);
            double accepted = ours.lines().filter(l -> l.startsWith("camel_aws_events_accepted_total{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            if (accepted >= items || System.nanoTime() > deadline) {
                return ours;
            }
            Thread.sleep(200); // a person watching a demo, not a test: polling is fine here
        }
    }
}
