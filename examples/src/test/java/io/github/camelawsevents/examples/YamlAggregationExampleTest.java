package io.github.camelawsevents.examples;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.PartnerEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML aggregation example ({@code -Dcamel.main.profile=yaml-aggregation}): its routes and its two aggregation
 * strategies, beans named by their fully qualified class names in {@code camel-aggregation/aggregation.yaml}, run
 * against the emulator; nothing else runs.
 */
class YamlAggregationExampleTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR =
            new AwsEventsEmulatorExtension(AwsEventsEmulator.builder().strictRecords(true));

    private static final String INSTANCE = "5d2c3e7a-9b41-4f6e-8a0d-3c1f2b7e9a64";
    private static final String SOURCE = "aws.partner/shopwave.example/trailhead-outfitters/orders";

    @Test
    void theStrategiesNamedByClassInYamlBatchEveryFeedToTheEmulator() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();

        RunReport report = ExamplesApplication.run(Map.of(ExamplesApplication.PROFILE, "yaml-aggregation"), emulator);

        assertThat(report.problems()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.feeds()).extracting(FeedStats::feed).containsExactly("yaml-saas-events", "yaml-shipments");

        // partner events: the Source comes from the strategy bean's property (no Source header in the route)
        List<JsonNode> valid = SampleData.saasEvents().stream().filter(e -> !e.path("type").asText().isEmpty())
                .toList();
        Map<String, PartnerEvent> stored = new HashMap<>();
        for (PartnerEvent e : emulator.partnerEvents().events()) {
            assertThat(stored.put(SampleData.json(e.detail()).path("id").asText(), e)).as("stored twice").isNull();
        }
        assertThat(stored).hasSize(valid.size());
        for (JsonNode event : valid) {
            PartnerEvent entry = stored.get(event.path("id").asText());
            assertThat(entry).as(event.path("id").asText()).isNotNull();
            assertThat(entry.source()).isEqualTo(SOURCE);
            assertThat(entry.detailType()).isEqualTo(event.path("type").asText());
            assertThat(entry.time()).isEqualTo(Instant.parse(event.path("occurred_at").asText()));
            assertThat(SampleData.json(entry.detail())).isEqualTo(event);
        }
        List<Integer> expectedBatches = new ArrayList<>();
        for (int left = valid.size(); left > 0; left -= 20) {
            expectedBatches.add(Math.min(20, left));
        }
        assertThat(report.feed("yaml-saas-events").batchSizes())
                .containsExactlyInAnyOrderElementsOf(expectedBatches);

        // shipments: one scn.data.shipment event per purchase order, rows in file order
        Map<String, List<Map<String, String>>> shipments = SampleData.groupBy(SampleData.csv("shipments.csv"),
                "order_id");
        shipments.forEach((orderId, rows) -> assertThat(
                emulator.supplyChain().events(INSTANCE, "scn.data.shipment", orderId)).singleElement()
                .satisfies(e -> assertThat(SampleData.json(e.data())).isEqualTo(SampleData.tree(rows))));
        assertThat(emulator.supplyChain().count()).isEqualTo(shipments.size());

        // the one event without a type is refused by the strategy on its own and dead-lettered
        assertThat(report.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.feed()).isEqualTo("yaml-saas-events");
            assertThat(d.errorCode()).isEqualTo("FieldValidationException");
            assertThat(d.reason()).contains("DetailType");
        });
        assertThat(emulator.rejectedRequests()).isEmpty();
    }
}
