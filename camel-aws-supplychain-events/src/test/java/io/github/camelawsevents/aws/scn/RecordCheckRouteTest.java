package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.delivery.ExchangesFailedException;
import io.github.camelawsevents.aws.emulator.EmulatedDataset;
import io.github.camelawsevents.aws.testsupport.CapturedLogs;
import io.github.camelawsevents.aws.testsupport.EmulatorControl;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record check (recordCheck) in routes against the emulator: bad records fail exactly their exchanges and never
 * reach the emulator; dataset events are checked against the dataset's schema read once with GetDataLakeDataset; the
 * read-back reports the dataset load status.
 */
class RecordCheckRouteTest extends EmulatorRouteTestSupport {

    private static final String LINES = "scn.data.inboundorderline";
    private static final String ORDERS = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                         + "/namespaces/default/datasets/orders";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:strict").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=" + LINES + "&eventGroupId=lines&recordCheck=STRICT");
                from("direct:warn").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=" + LINES + "&eventGroupId=lines&recordCheck=WARN_UNKNOWN");
                from("direct:dataset").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=scn.data.dataset&eventGroupId=orders&operationType=APPEND"
                            + "&datasetIdentifier=" + ORDERS + "&recordCheck=WARN_UNKNOWN")
                        .process(e -> e.setProperty("thread", Thread.currentThread().getName()));
                from("direct:unchecked").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=scn.data.dataset&eventGroupId=orders&operationType=APPEND"
                            + "&datasetIdentifier=" + ORDERS);
                from("direct:readBack").errorHandler(noErrorHandler())
                        .setHeader(AwsScnEventConstants.OPERATION, constant("getDataIntegrationEvent"))
                        .to(SCN + "?datasetIdentifier=" + ORDERS + "&operationType=APPEND&eventType=scn.data.dataset"
                            + "&recordCheck=WARN_UNKNOWN");
            }
        };
    }

    private static String line(int i) {
        return "{\"id\":\"l-" + i + "\",\"order_id\":\"o-1\",\"tpartner_id\":\"t-1\",\"product_id\":\"p-" + i
               + "\",\"quantity_submitted\":\"" + i + ".0\",\"submitted_date\":\"2024-01-31T08:15:00Z\"}";
    }

    private void declareOrders() {
        emulator().dataLake().declare(INSTANCE, "default", "orders", List.of(
                new EmulatedDataset.Field("order_id", "STRING", true),
                new EmulatedDataset.Field("qty", "INT", true),
                new EmulatedDataset.Field("at", "TIMESTAMP", false)), List.of("order_id"));
    }

    /** What reached the emulator, read through its HTTP inspection API. */
    private List<JsonNode> storedOverHttp() {
        List<JsonNode> events = new ArrayList<>();
        new EmulatorControl(emulator().endpoint()).forEachScnEvent(INSTANCE, events::add);
        return events;
    }

    @Test
    void aBatchWithOneBadRecordPerKindFailsExactlyThoseExchangesAndNothingBadIsSent() {
        List<Exchange> inner = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String body = switch (i) {
                case 1 -> line(i).replace("\"tpartner_id\":\"t-1\",", "");                       // missing required
                case 3 -> line(i).replace("\"" + i + ".0\"", "true");                           // wrong type
                case 5 -> line(i).replace("{", "{\"db_creation_dttm\":\"2024-01-31\",");         // internal field
                case 7 -> line(i).replace("{", "{\"colour\":\"crimson-zz\",");                   // unknown column
                default -> line(i);
            };
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);
            inner.add(exchange);
        }
        Exchange batch = template.send("direct:strict", e -> e.getMessage().setBody(inner));

        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class,
                e -> assertThat(e.failedExchanges()).containsExactly(inner.get(1), inner.get(3), inner.get(5),
                        inner.get(7)));
        Map<Integer, String[]> expected = Map.of(1, new String[] { "tpartner_id", "REQUIRED", "missing" },
                3, new String[] { "quantity_submitted", "TYPE", "a JSON boolean" },
                5, new String[] { "db_creation_dttm", "INTERNAL_FIELD", "a JSON string" },
                7, new String[] { "colour", "UNKNOWN_COLUMN", "a JSON string" });
        expected.forEach((i, want) -> assertThat(inner.get(i).getException())
                .isInstanceOfSatisfying(RecordCheckException.class, e -> {
                    assertThat(e.getIndex()).isZero();
                    assertThat(e.getColumn()).isEqualTo(want[0]);
                    assertThat(e.getRule()).hasToString(want[1]);
                    assertThat(e.getMessage()).contains("(entry 0)", want[0], want[1], want[2])
                            .doesNotContain("crimson-zz", "t-1", "2024-01-31");
                }));
        List<JsonNode> stored = storedOverHttp();
        assertThat(stored).hasSize(5);
        assertThat(stored).extracting(n -> n.get("data").asText())
                .containsExactlyInAnyOrder(line(0), line(2), line(4), line(6), line(8));
    }

    @Test
    void oneBadRecordInAMessageOfManyFailsTheMessageNamingItsIndex() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(i == 3 ? line(i).replace("\"product_id\":\"p-3\",", "") : line(i));
        }
        Exchange out = send("direct:warn", "[" + String.join(",", records) + "]", Map.of());
        assertThat(out.getException()).isInstanceOfSatisfying(RecordCheckException.class, e -> {
            assertThat(e.getIndex()).isEqualTo(3);
            assertThat(e.getColumn()).isEqualTo("product_id");
            assertThat(e.getMessage()).contains("(entry 3)", "product_id", "REQUIRED");
        });
        assertThat(storedOverHttp()).isEmpty();
    }

    @Test
    void withWarnUnknownAnUnknownColumnIsSentAndWarnedOnceWithoutItsValue() {
        try (CapturedLogs logs = new CapturedLogs()) {
            for (int i = 0; i < 3; i++) {
                assertThat(send("direct:warn", line(i).replace("{", "{\"colour\":\"crimson-zz\","), Map.of())
                        .getException()).isNull();
            }
            List<CapturedLogs.Captured> warnings = logs.containing(List.of("colour")).stream()
                    .filter(c -> c.logger().equals(ScnMessageReader.class.getName())).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).text()).contains(LINES, "WARN_UNKNOWN").doesNotContain("crimson-zz");
            assertThat(logs.text(c -> c.level().isMoreSpecificThan(org.apache.logging.log4j.Level.INFO)))
                    .doesNotContain("crimson-zz");
        }
        assertThat(stored()).hasSize(3);
    }

    @Test
    void aDatasetEventIsCheckedAgainstTheSchemaReadOnceAndRefusedBeforeSending() {
        declareOrders();
        long readsBefore = emulator().stats().readRequests();
        Exchange bad = send("direct:dataset", "[{\"order_id\":\"o-1\",\"qty\":1},{\"order_id\":\"o-2\",\"qty\":\"two\"}]",
                Map.of());
        assertThat(bad.getException()).isInstanceOfSatisfying(RecordCheckException.class, e -> {
            assertThat(e.getIndex()).isEqualTo(1);
            assertThat(e.getColumn()).isEqualTo("qty");
            assertThat(e.getRule()).isEqualTo(RecordRule.TYPE);
            assertThat(e.getSchema()).isEqualTo("arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                                + "/namespaces/default/datasets/orders");
            assertThat(e.getMessage()).doesNotContain("two");
        });
        assertThat(bad.getProperty("thread", String.class)).isNull();
        Exchange good = send("direct:dataset", "{\"order_id\":\"o-3\",\"qty\":\"3\",\"at\":\"2024-01-31\"}", Map.of());
        assertThat(good.getException()).isNull();
        assertThat(good.getProperty("thread", String.class)).doesNotContain("sdk-async-response", "NettyEventLoop");
        assertThat(emulator().stats().readRequests() - readsBefore).as("GetDataLakeDataset once").isEqualTo(1);
        assertThat(storedOverHttp()).singleElement()
                .satisfies(n -> assertThat(n.get("data").asText()).contains("o-3"));
    }

    @Test
    void concurrentExchangesForADatasetShareOneSchemaRead() {
        declareOrders();
        long readsBefore = emulator().stats().readRequests();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "{\"order_id\":\"o-" + i + "\",\"qty\":" + i + "}";
            sent.add(template.asyncSend("direct:dataset", e -> e.getMessage().setBody(body)));
        }
        for (CompletableFuture<Exchange> f : sent) {
            Exchange e = f.join();
            assertThat(e.getException()).isNull();
            assertThat(e.getProperty("thread", String.class)).doesNotContain("sdk-async-response", "NettyEventLoop");
        }
        assertThat(emulator().stats().readRequests() - readsBefore).isEqualTo(1);
        assertThat(stored()).hasSize(20);
    }

    @Test
    void aDatasetWhoseSchemaCannotBeReadFailsTheExchangeUnsentNamingTheIamAction() {
        Exchange out = send("direct:dataset", "{\"order_id\":\"o-1\",\"qty\":1}", Map.of());
        assertThat(out.getException()).isInstanceOf(DatasetSchemas.DatasetSchemaUnavailableException.class)
                .hasMessageContaining("scn:GetDataLakeDataset").hasMessageContaining("ResourceNotFoundException");
        assertThat(stored()).isEmpty();
        // a failed read is not kept: once the dataset exists, the next event reads it
        declareOrders();
        assertThat(send("direct:dataset", "{\"order_id\":\"o-1\",\"qty\":1}", Map.of()).getException()).isNull();
    }

    @Test
    void readBackReportsTheLoadInProgressThenSucceededOrFailedWithAwsMessage() {
        declareOrders();
        emulator().dataLake().loadDelay(Duration.ofHours(1));
        // off: the mismatching record goes, and its load fails later
        String failing = send("direct:unchecked", "{\"order_id\":\"o-1\",\"qty\":\"many\"}", Map.of())
                .getMessage().getHeader(AwsScnEventConstants.EVENT_ID, String.class);
        String loading = send("direct:unchecked", "{\"order_id\":\"o-2\",\"qty\":2}", Map.of())
                .getMessage().getHeader(AwsScnEventConstants.EVENT_ID, String.class);
        // the check's endpoint has read and kept the schema
        assertThat(send("direct:dataset", "{\"order_id\":\"o-3\",\"qty\":3}", Map.of()).getException()).isNull();
        AwsScnEventEndpoint checked = context.getEndpoints().stream().filter(AwsScnEventEndpoint.class::isInstance)
                .map(AwsScnEventEndpoint.class::cast)
                .filter(e -> e.getEndpointUri().contains("readBack") || e.getConfiguration().getRecordCheck()
                        == RecordCheckMode.WARN_UNKNOWN && e.getConfiguration().getEventGroupId() == null)
                .findFirst().orElseThrow();

        Exchange inProgress = send("direct:readBack", null, Map.of(AwsScnEventConstants.EVENT_ID, failing));
        assertThat(inProgress.getException()).isNull();
        assertThat(inProgress.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("IN_PROGRESS");
        assertThat(inProgress.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_MESSAGE)).isNull();

        emulator().dataLake().completeLoads();
        Exchange failed = send("direct:readBack", null, Map.of(AwsScnEventConstants.EVENT_ID, failing));
        assertThat(failed.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("FAILED");
        assertThat(failed.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_MESSAGE, String.class))
                .contains("qty", "cannot be cast to INT");
        assertThat(failed.getMessage().getBody(DataIntegrationEvent.class).eventId()).isEqualTo(failing);
        Exchange succeeded = send("direct:readBack", null, Map.of(AwsScnEventConstants.EVENT_ID, loading));
        assertThat(succeeded.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("SUCCEEDED");
        // the FAILED load made the read-back's endpoint forget the dataset's schema
        assertThat(checked.getDatasetSchemas().cached(ORDERS)).isNull();
    }

    @Test
    void aFixedEventTypeHasNoLoadStatusHeaders() {
        String id = send("direct:warn", line(1), Map.of()).getMessage().getHeader(AwsScnEventConstants.EVENT_ID,
                String.class);
        Exchange read = send("direct:readBack", null, Map.of(AwsScnEventConstants.EVENT_ID, id));
        assertThat(read.getException()).isNull();
        assertThat(read.getMessage().getHeaders()).doesNotContainKeys(AwsScnEventConstants.DATASET_LOAD_STATUS,
                AwsScnEventConstants.DATASET_LOAD_MESSAGE);
    }
}
