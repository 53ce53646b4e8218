package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented batching route: records one by one, aggregated per event type and group by the strategy, sent by
 * the component; every event within the limit, every record once, in order per group.
 */
class AggregationRouteTest extends EmulatorRouteTestSupport {


    private static final int MAX_DATA = 400;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:records").routeId("records")
                        .aggregate(simple("${header.CamelAwsScnEventType}/${header.CamelAwsScnEventGroupId}"),
                                new ScnEventAggregationStrategy(null, null, MAX_DATA, 1000))
                        .completionTimeout(60_000).forceCompletionOnStop()
                        .to("seda:batches");
                from("seda:batches").routeId("batches").to(SCN);
            }
        };
    }

    private List<Integer> records(String group) {
        List<Integer> seqs = new ArrayList<>();
        for (ScnEvent e : emulator().supplyChain().events(INSTANCE, "scn.data.inventorylevel", group)) {
            assertThat(e.data().length()).isLessThanOrEqualTo(MAX_DATA);
            JsonNode array = Json.parse(e.data(), "data", -1);
            assertThat(array.isArray()).isTrue();
            array.forEach(r -> {
                assertThat(r.get("site_id").asText()).isEqualTo(group);
                seqs.add(r.get("seq").asInt());
            });
        }
        return seqs;
    }

    @Test
    void recordsAreBatchedPerGroupWithinTheLimitAndArriveOnceInOrder() throws Exception {
        int perGroup = 60;
        List<String> groups = List.of("site-1", "site-2");
        for (int i = 0; i < perGroup; i++) {
            int seq = i;
            for (String group : groups) {
                template.send("direct:records", e -> {
                    e.getMessage().setHeader(AwsScnEventConstants.EVENT_TYPE, "scn.data.inventorylevel");
                    e.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, group);
                    e.getMessage().setBody("{\"site_id\":\"" + group + "\",\"seq\":" + seq + "}");
                });
            }
        }
        // the last array of each group is completed when the aggregating route stops
        context.getRouteController().stopRoute("records");
        List<Integer> expected = IntStream.range(0, perGroup).boxed().toList();
        for (String group : groups) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(records(group)).hasSize(perGroup));
            assertThat(records(group)).containsExactlyElementsOf(expected);
            assertThat(emulator().supplyChain().events(INSTANCE, "scn.data.inventorylevel", group)).hasSizeGreaterThan(1);
        }
    }
}
