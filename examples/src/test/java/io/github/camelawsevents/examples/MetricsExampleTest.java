package io.github.camelawsevents.examples;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.main.Main;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics example: Camel Main with camel-micrometer-prometheus on a management port chosen at run time; after both
 * feeds are delivered to the emulator, the scrape endpoint shows the components' meters with the counts the emulator
 * stored, and the throttled partner entries as retries.
 */
class MetricsExampleTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension(AwsEventsEmulator.builder()
            .seed(5).faults(FaultSettings.builder().entryThrottleRate(0.1).appliesTo(Api.PARTNER_EVENTS).build()));

    @Test
    void theScrapeEndpointShowsTheComponentsMetersWithWhatTheEmulatorStored() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        Main main = MetricsExample.create(emulator, Map.of("camel.management.port", "0"));
        main.start();
        try {
            URI scrape = URI.create("http://127.0.0.1:" + MetricsExample.managementPort(main) + MetricsExample.SCRAPE_PATH);
            String partner = "component=\"aws-partner-events\"";
            String scn = "component=\"aws-scn-event\"";
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> value(MetricsExample.scrape(scrape), "camel_aws_events_accepted_total", partner) == 40
                                 && value(MetricsExample.scrape(scrape), "camel_aws_events_accepted_total", scn) == 20);

            String ours = MetricsExample.scrape(scrape);
            assertThat(emulator.partnerEvents().count()).isEqualTo(40);
            assertThat(emulator.supplyChain().count()).isEqualTo(20);
            long throttled = emulator.stats().faults(FaultKind.ENTRY_THROTTLED);
            assertThat(throttled).isPositive();
            assertThat(value(ours, "camel_aws_events_retried_total", partner)).isEqualTo(throttled);
            assertThat(value(ours, "camel_aws_events_requests_seconds_count", partner))
                    .isEqualTo(emulator.stats().requests(Api.PARTNER_EVENTS));
            assertThat(value(ours, "camel_aws_events_request_items_sum", partner)).isEqualTo(40 + throttled);
            assertThat(value(ours, "camel_aws_events_requests_seconds_count", scn)).isEqualTo(20);
            assertThat(value(ours, "camel_aws_events_request_items_count", scn)).isEqualTo(20);
            assertThat(ours).contains("camel_aws_events_requests_inflight{").contains("camel_aws_events_waiting{")
                    .contains("camel_aws_events_exchanges_pending{").contains("outcome=\"success\"")
                    .contains("endpoint=\"aws-partner-events://aws.partner/shopwave.example/trailhead-outfitters/orders")
                    .doesNotContain(emulator.secretKey());

            // the management server serves the components' dev consoles too
            java.net.http.HttpResponse<String> console = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(scrape.resolve("/q/dev/aws-partner-events")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("entries accepted: 40, failed: 0, retried: " + throttled)
                    .doesNotContain(emulator.secretKey());
        } finally {
            main.stop();
        }
    }

    /** The sum of a sample's values over the lines that carry {@code tag}. */
    private static long value(String scrape, String sample, String tag) {
        return (long) scrape.lines().filter(l -> l.startsWith(sample + "{") && l.contains(tag))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
