package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-record exchanges of one group through SEDA with coalesceRecords: the records that arrive while the group's
 * event is in flight go out together as its next event, in order; every exchange gets the id of the event that carried
 * its record; a record the service refuses dead-letters exactly its own exchange.
 */
class CoalescingRouteTest extends EmulatorRouteTestSupport {

    // strict: records of the fixed entities must carry their required columns, so a record without "id" is refused
    @RegisterExtension
    static final AwsEventsEmulatorExtension STRICT = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().strictRecords(true));

    private static final int EXCHANGES = 400;
    private static final String TYPE = "scn.data.inboundorder";

    @Override
    protected AwsEventsEmulator emulator() {
        return STRICT.emulator();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("seda:records?size=1000")
                        .to(SCN + "?eventType=" + TYPE + "&eventGroupId=orders&coalesceRecords=true")
                        .to("mock:sent");
            }
        };
    }

    private static String record(int seq) {
        return "{\"id\":\"order-" + seq + "\",\"tpartner_id\":\"p\",\"seq\":" + seq + "}";
    }

    /** The seq of every record the emulator stored, in receipt order, and the event id of each. */
    private Map<Integer, String> storedInOrder(List<Integer> order) {
        Map<Integer, String> eventOf = new HashMap<>();
        for (ScnEvent event : emulator().supplyChain().events(INSTANCE, TYPE, "orders")) {
            JsonNode data = Json.parse(event.data(), "data", -1);
            for (JsonNode record : data.isArray() ? data : List.of(data)) {
                int seq = record.get("seq").asInt();
                order.add(seq);
                eventOf.put(seq, event.eventId());
            }
        }
        return eventOf;
    }

    @Test
    void recordsArrivingWhileTheGroupsEventIsInFlightShareItsNextEventInOrder() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(30)).build());
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(EXCHANGES);
        for (int seq = 0; seq < EXCHANGES; seq++) {
            template.sendBody("seda:records", record(seq));
        }
        sent.assertIsSatisfied(60_000);

        List<ScnEvent> events = emulator().supplyChain().events(INSTANCE, TYPE, "orders");
        assertThat(events.size()).as("far fewer events than exchanges").isLessThanOrEqualTo(EXCHANGES / 4);
        List<Integer> order = new ArrayList<>();
        Map<Integer, String> eventOf = storedInOrder(order);
        assertThat(order).as("every record once, in send order").containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, EXCHANGES).boxed().toList());
        for (Exchange exchange : sent.getExchanges()) {
            int seq = Json.parse(exchange.getMessage().getBody(String.class), "data", -1).get("seq").asInt();
            assertThat(exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_ID))
                    .as("the id of the event that carried record %d", seq).isEqualTo(eventOf.get(seq));
        }
    }

    @Test
    void aRefusedRecordDeadLettersExactlyItsOwnExchangeAndTheOthersKeepTheirOrder() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(30)).build());
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        sent.expectedMessageCount(EXCHANGES - 1);
        dead.expectedMessageCount(1);
        int poisoned = 123;
        for (int seq = 0; seq < EXCHANGES; seq++) {
            // the poisoned record lacks the entity's required "id" column
            template.sendBody("seda:records", seq == poisoned ? "{\"tpartner_id\":\"p\",\"seq\":" + seq + "}" : record(seq));
        }
        sent.assertIsSatisfied(60_000);
        dead.assertIsSatisfied(10_000);

        Exchange deadLetter = dead.getExchanges().get(0);
        assertThat(deadLetter.getMessage().getBody(String.class)).contains("\"seq\":" + poisoned);
        assertThat(deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(ScnEventDeliveryException.class);
        List<Integer> order = new ArrayList<>();
        storedInOrder(order);
        List<Integer> expected = new ArrayList<>(java.util.stream.IntStream.range(0, EXCHANGES).boxed().toList());
        expected.remove(Integer.valueOf(poisoned));
        assertThat(order).as("every other record once, in send order").containsExactlyElementsOf(expected);
    }
}
