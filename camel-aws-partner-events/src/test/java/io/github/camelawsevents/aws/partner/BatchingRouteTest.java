package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BatchingRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    /** Source 38 bytes + DetailType "OrderCreated" 12 bytes. */
    private static final int ENTRY_OVERHEAD = SOURCE.length() + "OrderCreated".length();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(URI);
                from("direct:five").to(URI + "&maxEntriesPerRequest=5");
                from("direct:small").to(URI + "&maxRequestSizeBytes=1000");
            }
        };
    }

    private Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    @ParameterizedTest(name = "{0} entries -> {1} requests")
    @CsvSource({ "1,1", "20,1", "21,2", "45,3", "1000,50" })
    void entriesAreSplitIntoRequestsOfAtMostTwentyAndIdsMapToInputPositions(int entries, int requests) {
        Exchange exchange = send("direct:send", indexedDetails(entries));
        assertThat(exchange.getException()).isNull();

        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(requests);
        List<Integer> expectedSizes = new ArrayList<>(Collections.nCopies(entries / 20, 20));
        if (entries % 20 != 0) {
            expectedSizes.add(entries % 20);
        }
        // requests run concurrently: compare the multiset of batch sizes
        assertThat(emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrderElementsOf(expectedSizes);

        List<?> ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        assertThat(ids).hasSize(entries).doesNotContainNull().doesNotHaveDuplicates();
        Map<String, PartnerEvent> byId = eventsById();
        for (int i = 0; i < entries; i++) {
            assertThat(indexOf(byId.get((String) ids.get(i)))).as("event id at position %d", i).isEqualTo(i);
        }
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(0);
    }

    @Test
    void aConfiguredEntryCountIsHonoured() {
        send("direct:five", indexedDetails(12));
        assertThat(emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrder(5, 5, 2);
    }

    /** A detail of exactly {@code bytes} UTF-8 bytes, padded with {@code pad} (1, 2, 3 or 4 bytes each). */
    private static String detailOfBytes(int index, int bytes, String pad) {
        String head = "{\"i\":" + index + ",\"p\":\"";
        int room = bytes - head.length() - 2;
        int padBytes = pad.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        StringBuilder sb = new StringBuilder(head);
        sb.append(pad.repeat(room / padBytes)).append("x".repeat(room % padBytes)).append("\"}");
        assertThat(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(bytes);
        return sb.toString();
    }

    @Test
    void anEntryOneByteUnderTheLimitIsSentAloneAndOneAtTheLimitIsRefusedBeforeSending() {
        String fits = detailOfBytes(0, 262_143 - ENTRY_OVERHEAD, "é");
        Exchange ok = send("direct:send", fits);
        assertThat(ok.getException()).isNull();
        assertThat(emulator().partnerEvents().events()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(fits));

        Exchange refused = send("direct:send", detailOfBytes(1, 262_144 - ENTRY_OVERHEAD, "😀"));
        assertThat(refused.getException()).isInstanceOfSatisfying(FieldValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("entry size");
            assertThat(e.getActual()).isEqualTo("262144 bytes");
            assertThat(e.getMessage()).contains("under 262144 bytes");
        });
        assertThat(emulator().stats().requests(Api.PARTNER_EVENTS)).isEqualTo(1);
    }

    @Test
    void multibyteEntriesAreSplitByTheirUtf8SizeSoNoRequestIsRefused() {
        // 9 entries of ~60,000 bytes written with 3-byte characters (20,000 chars each): 4 per request at most
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            details.add(detailOfBytes(i, 60_000, "€"));
        }
        Exchange exchange = send("direct:send", details);
        assertThat(exchange.getException()).isNull();
        assertThat(emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrder(4, 4, 1);
        assertThat(emulator().rejectedRequests()).isEmpty();
        List<?> ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        Map<String, PartnerEvent> byId = eventsById();
        for (int i = 0; i < 9; i++) {
            assertThat(byId.get((String) ids.get(i)).detail()).isEqualTo(details.get(i));
        }
    }

    @Test
    void twoEntriesTotallingExactlyTheLimitGoInTwoRequests() {
        int half = 131_072 - ENTRY_OVERHEAD;
        send("direct:send", List.of(detailOfBytes(0, half, "ü"), detailOfBytes(1, half, "ü")));
        assertThat(emulator().partnerEvents().batchSizes()).containsExactly(1, 1);
        emulator().reset();
        send("direct:send", List.of(detailOfBytes(0, half, "ü"), detailOfBytes(1, half - 1, "ü")));
        assertThat(emulator().partnerEvents().batchSizes()).containsExactly(2);
    }

    @Test
    void aConfiguredSmallerSizeLimitIsHonoured() {
        // each entry: 50 + 300 = 350 bytes; under 1000 bytes: two per request
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            details.add(detailOfBytes(i, 300, "x"));
        }
        send("direct:small", details);
        assertThat(emulator().partnerEvents().batchSizes()).containsExactlyInAnyOrder(2, 2, 1);
    }
}
