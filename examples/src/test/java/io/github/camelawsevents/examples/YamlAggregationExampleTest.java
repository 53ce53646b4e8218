package io.github.camelawsevents.examples;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;

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

    @Test
    void theStrategiesNamedByClassInYamlBatchEveryFeedToTheEmulator() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();

        RunReport report = ExamplesApplication.run(Map.of(ExamplesApplication.PROFILE, "yaml-aggregation"), emulator);

        assertThat(report.problems()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.feeds()).extracting(FeedStats::feed).containsExactly("yaml-saas-events", "yaml-shipments");

        // partner events: the Source comes from the strategy bean's property (no Source header in the route)
        ExamplesApplicationTest.everyValidEventStoredOnceAsSent(emulator);
        List<Integer> expectedBatches = ExamplesApplicationTest.partnerBatchesOfTwenty(
                ExamplesApplicationTest.validSaasEvents().size());
        assertThat(report.feed("yaml-saas-events").batchSizes())
                .containsExactlyInAnyOrderElementsOf(expectedBatches);

        // shipments: one scn.data.shipment event per purchase order, rows in file order
        Map<String, List<Map<String, String>>> shipments = SampleData.groupBy(SampleData.csv("shipments.csv"),
                "order_id");
        shipments.forEach((orderId, rows) -> assertThat(emulator.supplyChain()
                .events(ExamplesApplicationTest.INSTANCE, "scn.data.shipment", orderId)).singleElement()
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
