package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PutEventsTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();

    static EventBridgeClient events;

    @BeforeAll
    static void clients() {
        events = SdkClients.eventBridge(AWS.emulator());
    }

    @AfterAll
    static void closeClients() {
        events.close();
    }

    static List<PutEventsRequestEntry> entries(int n) {
        return IntStream.range(0, n).mapToObj(i -> PutEventsRequestEntry.builder().source("com.example.orders")
                .detailType("Order Created").detail("{\"n\":" + i + "}").eventBusName("orders-bus").build()).toList();
    }

    @Test
    void acceptsTenEntriesAndStoresThemApartFromPartnerEvents() {
        PutEventsResponse response = events.putEvents(b -> b.entries(entries(10)));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).hasSize(10).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());
        PartnerEventStore store = AWS.emulator().partnerEvents();
        assertThat(store.putEvents()).extracting(PartnerEvent::eventId)
                .containsExactlyElementsOf(response.entries().stream().map(PutEventsResultEntry::eventId).toList());
        assertThat(store.putEvents()).allSatisfy(e -> assertThat(e.eventBusName()).isEqualTo("orders-bus"));
        assertThat(store.putEventsCount()).isEqualTo(10);
        assertThat(store.count()).isZero();
        assertThat(store.events()).isEmpty();
        assertThat(AWS.emulator().stats().accepted(Api.PUT_EVENTS)).isEqualTo(1);
    }

    @Test
    void acceptsTheAsyncClient() {
        try (EventBridgeAsyncClient async = SdkClients.eventBridgeAsync(AWS.emulator())) {
            assertThat(async.putEvents(b -> b.entries(entries(2))).join().failedEntryCount()).isZero();
        }
    }

    @Test
    void rejectsMoreThanTenEntries() {
        PartnerEventsTest.assertValidationException(() -> events.putEvents(b -> b.entries(entries(11))),
                "less than or equal to 10");
    }

    @Test
    void failsInvalidEntriesOneByOne() {
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entries(1).get(0), entries(1).get(0).toBuilder().detail("nope").build(),
                entries(1).get(0).toBuilder().source(null).build()));
        assertThat(response.failedEntryCount()).isEqualTo(2);
        assertThat(response.entries()).extracting(PutEventsResultEntry::errorCode)
                .containsExactly(null, "MalformedDetail", "InvalidArgument");
    }

    @Test
    void answersValidationExceptionAboveTheSizeLimitAsAwsDoesForPutEvents() {
        PutEventsRequestEntry big = entries(1).get(0).toBuilder().detail(PartnerEventsTest.detail(262_145)).build();
        assertThatThrownBy(() -> events.putEvents(b -> b.entries(big)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Total size of the entries in the request is over the limit.");
                });
    }

    @Test
    void rejectsAResourceOver2048Characters() {
        PutEventsRequestEntry over = entries(1).get(0).toBuilder().resources("r".repeat(2049)).build();
        assertThatThrownBy(() -> events.putEvents(b -> b.entries(over)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("at 'entries.1.member.resources'",
                            "[Member must have length less than or equal to 2048]");
                });
    }
}
