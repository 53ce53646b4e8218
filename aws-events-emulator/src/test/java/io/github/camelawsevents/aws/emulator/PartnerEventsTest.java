package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerEventsTest {

    static final String SOURCE = "aws.partner/example.com/123456789012/orders";

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

    static PutPartnerEventsRequestEntry entry(String detail) {
        return PutPartnerEventsRequestEntry.builder().source(SOURCE).detailType("Order Created").detail(detail).build();
    }

    static List<PutPartnerEventsRequestEntry> entries(int n) {
        return IntStream.range(0, n).mapToObj(i -> entry("{\"order\":" + i + "}")).toList();
    }

    @Test
    void acceptsOneEntryWithTimeAndResources() {
        Instant time = Instant.parse("2024-03-01T12:00:00.250Z");
        PutPartnerEventsResponse response = events.putPartnerEvents(b -> b.entries(entry("{\"order\":1}").toBuilder()
                .time(time).resources("arn:aws:s3:::bucket/a", "arn:aws:s3:::bucket/b").build()));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isNotBlank();
            assertThat(r.errorCode()).isNull();
        });
        PartnerEvent stored = AWS.emulator().partnerEvents().events().get(0);
        assertThat(stored.eventId()).isEqualTo(response.entries().get(0).eventId());
        assertThat(stored.source()).isEqualTo(SOURCE);
        assertThat(stored.detailType()).isEqualTo("Order Created");
        assertThat(stored.detail()).isEqualTo("{\"order\":1}");
        assertThat(stored.resources()).containsExactly("arn:aws:s3:::bucket/a", "arn:aws:s3:::bucket/b");
        assertThat(stored.time()).isEqualTo(time);
        assertThat(stored.eventBusName()).isNull();
        assertThat(AWS.emulator().partnerEvents().batchSizes()).containsExactly(1);
        assertThat(AWS.emulator().partnerEvents().requestCount()).isEqualTo(1);
    }

    @Test
    void acceptsTwentyEntriesAndAnswersInRequestOrder() {
        PutPartnerEventsResponse response = events.putPartnerEvents(b -> b.entries(entries(20)));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).hasSize(20);
        List<PartnerEvent> stored = AWS.emulator().partnerEvents().events();
        assertThat(stored).extracting(PartnerEvent::eventId)
                .containsExactlyElementsOf(response.entries().stream().map(PutPartnerEventsResultEntry::eventId).toList());
        assertThat(stored).extracting(PartnerEvent::detail).containsExactlyElementsOf(
                IntStream.range(0, 20).mapToObj(i -> "{\"order\":" + i + "}").toList());
        assertThat(AWS.emulator().partnerEvents().batchSizes()).containsExactly(20);
        assertThat(AWS.emulator().partnerEvents().count()).isEqualTo(20);
    }

    @Test
    void acceptsTheAsyncClient() {
        try (EventBridgeAsyncClient async = SdkClients.eventBridgeAsync(AWS.emulator())) {
            assertThat(async.putPartnerEvents(b -> b.entries(entries(3))).join().failedEntryCount()).isZero();
        }
        assertThat(AWS.emulator().partnerEvents().count()).isEqualTo(3);
    }

    @Test
    void failsInvalidEntriesOneByOneAndKeepsTheRest() {
        PutPartnerEventsResponse response = events.putPartnerEvents(b -> b.entries(
                entry("{\"ok\":1}"),
                entry("{}").toBuilder().source(null).build(),
                entry("not json"),
                entry("[1,2]"),
                entry("{}").toBuilder().detailType("d".repeat(129)).build(),
                entry("{}").toBuilder().detail(null).build(),
                entry("{\"ok\":2}")));

        assertThat(response.failedEntryCount()).isEqualTo(5);
        assertThat(response.entries()).extracting(PutPartnerEventsResultEntry::errorCode).containsExactly(
                null, "InvalidArgument", "MalformedDetail", "MalformedDetail", "InvalidArgument", "InvalidArgument", null);
        assertThat(response.entries().get(1).errorMessage()).contains("Source");
        assertThat(response.entries().get(4).errorMessage()).contains("DetailType");
        assertThat(response.entries().get(5).errorMessage()).contains("Detail");
        assertThat(response.entries().get(0).eventId()).isNotNull();
        assertThat(response.entries().get(1).eventId()).isNull();
        assertThat(AWS.emulator().partnerEvents().events()).extracting(PartnerEvent::detail)
                .containsExactly("{\"ok\":1}", "{\"ok\":2}");
        assertThat(AWS.emulator().stats().failedEntriesByErrorCode())
                .containsEntry("InvalidArgument", 3L).containsEntry("MalformedDetail", 2L);
    }

    @Test
    void aDetailTypeOfExactly128CharactersIsAccepted() {
        var response = events.putPartnerEvents(b -> b.entries(entry("{}").toBuilder().detailType("d".repeat(128)).build()));
        assertThat(response.failedEntryCount()).isZero();
    }

    @Test
    void failsEachEntryWithInvalidArgumentEvenWhenEveryEntryMissesARequiredMember() {
        // no entry member is required in the model; AWS answers such a PutEvents request 200, entry by entry
        PutPartnerEventsResponse response = events.putPartnerEvents(b -> b.entries(
                entry("{}").toBuilder().detailType(null).build(),
                entry("{}").toBuilder().source(null).build(),
                entry(null)));
        assertThat(response.failedEntryCount()).isEqualTo(3);
        assertThat(response.entries()).extracting(PutPartnerEventsResultEntry::errorCode)
                .containsOnly("InvalidArgument");
        assertThat(response.entries()).extracting(PutPartnerEventsResultEntry::errorMessage).containsExactly(
                "Parameter DetailType is not valid. Reason: DetailType is a required argument.",
                "Parameter Source is not valid. Reason: Source is a required argument.",
                "Parameter Detail is not valid. Reason: Detail is a required argument.");
        assertThat(AWS.emulator().partnerEvents().count()).isZero();
        assertThat(AWS.emulator().partnerEvents().requestCount()).isEqualTo(1);
        assertThat(AWS.emulator().rejectedRequests()).isEmpty();
    }

    @Test
    void rejectsAResourceOverTheModelsLimitOf2048Characters() {
        PutPartnerEventsRequestEntry atLimit = entry("{}").toBuilder().resources("a".repeat(2048)).build();
        assertThat(events.putPartnerEvents(b -> b.entries(atLimit)).failedEntryCount()).isZero();
        // code points: 2,048 astral characters are 4,096 UTF-16 chars and still within the limit
        PutPartnerEventsRequestEntry astral = entry("{}").toBuilder().resources("\uD83D\uDE00".repeat(2048)).build();
        assertThat(events.putPartnerEvents(b -> b.entries(astral)).failedEntryCount()).isZero();

        PutPartnerEventsRequestEntry over = entry("{}").toBuilder().resources("arn:x", "a".repeat(2049)).build();
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(entry("{}"), over)),
                "1 validation error detected: Value '[arn:x, aaaa");
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(entry("{}"), over)),
                "' at 'entries.2.member.resources' failed to satisfy constraint: Member must satisfy constraint: "
                        + "[Member must have length less than or equal to 2048]");
        assertThat(AWS.emulator().partnerEvents().count()).isEqualTo(2);
    }

    @Test
    void rejectsMoreThanTwentyOrNoEntries() {
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(entries(21))),
                "1 validation error detected: Value '[PutPartnerEventsRequestEntry(source=" + SOURCE);
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(entries(21))),
                "' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 20");
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(List.of())), "greater than or equal to 1");
        assertThat(AWS.emulator().partnerEvents().count()).isZero();
    }

    @Test
    void rejectsASourceOutsideThePartnerPattern() {
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(
                entry("{}"), entry("{}").toBuilder().source("com.example.orders").build())), "entries.2.member.source");
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(
                entry("{}").toBuilder().source("aws.partner/only-one").build())),
                "Member must satisfy regular expression pattern: aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}");
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(
                entry("{}").toBuilder().source("aws.partner/a/" + "b".repeat(254)).build())), "256");
    }

    @Test
    void acceptsEntriesTotallingLessThan262144BytesAndAnswersValidationExceptionFromExactly262144() {
        // "less than 256 KB" (the component's batches stay strictly under it too: EntryRules.requestLimits)
        // Source 43 + DetailType 13 + Time 14 + Resource 5, Detail fills the rest; 'é' counts two bytes
        int fixed = SOURCE.length() + "Order Created".length() + 14 + "arn:x".length();
        String detailUnderLimit = detail(262_143 - fixed);
        PutPartnerEventsRequestEntry underLimit = entry(detailUnderLimit).toBuilder().time(Instant.now())
                .resources("arn:x").build();
        assertThat(events.putPartnerEvents(b -> b.entries(underLimit)).failedEntryCount()).isZero();

        PutPartnerEventsRequestEntry overByOne = underLimit.toBuilder().detail(detail(262_144 - fixed)).build();
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(overByOne)),
                "Total size of the entries in the request is over the limit.");

        PutPartnerEventsRequestEntry withoutTime = overByOne.toBuilder().time(null).build();
        assertThat(events.putPartnerEvents(b -> b.entries(withoutTime)).failedEntryCount())
                .as("Time counts 14 bytes only when present").isZero();

        assertThat(AWS.emulator().partnerEvents().count()).isEqualTo(2);
        assertThat(AWS.emulator().rejectedRequests()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorType()).isEqualTo("ValidationException");
        });
    }

    @Test
    void theSizeRuleSumsAllEntriesOfTheRequest() {
        String half = detail(131_072);
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(entry(half), entry(half))),
                "over the limit");
    }

    @Test
    void theOversizedAnswerIsSelectable413WithAnEmptyBody() {
        String body = "{\"Entries\":[{\"Source\":\"" + SOURCE + "\",\"DetailType\":\"t\",\"Detail\":"
                + Json.quote(detail(262_144)) + "}]}";
        try (AwsEventsEmulator empty413 = AwsEventsEmulator.builder().verifySignatures(false)
                .oversizedRequestAnswer(OversizedRequestAnswer.EMPTY_413).start()) {
            assertThat(empty413.oversizedRequestAnswer()).isEqualTo(OversizedRequestAnswer.EMPTY_413);
            HttpResponse<String> response = RawHttp.send(empty413, "POST", "/",
                    RawHttp.eventBridgeHeaders("PutPartnerEvents"), body, null);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().firstValue("Content-Length")).hasValue("0");

            // switched at run time, and back by reset()
            empty413.oversizedRequestAnswer(OversizedRequestAnswer.VALIDATION_EXCEPTION_400);
            HttpResponse<String> validation = RawHttp.send(empty413, "POST", "/",
                    RawHttp.eventBridgeHeaders("PutPartnerEvents"), body, null);
            assertThat(validation.statusCode()).isEqualTo(400);
            assertThat(validation.body()).isEqualTo("{\"__type\":\"ValidationException\",\"message\":"
                    + "\"Total size of the entries in the request is over the limit.\"}");
            empty413.reset();
            assertThat(empty413.oversizedRequestAnswer()).isEqualTo(OversizedRequestAnswer.EMPTY_413);
        }
    }

    @Test
    void theSdkSeesBothOversizedAnswersAsEventBridgeExceptionsWithTheirStatus() {
        PutPartnerEventsRequestEntry big = entry(detail(262_145));
        try (AwsEventsEmulator empty413 = AwsEventsEmulator.builder()
                .oversizedRequestAnswer(OversizedRequestAnswer.EMPTY_413).start();
             EventBridgeClient client = SdkClients.eventBridge(empty413)) {
            assertThatThrownBy(() -> client.putPartnerEvents(b -> b.entries(big)))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
        }
        assertValidationException(() -> events.putPartnerEvents(b -> b.entries(big)), "over the limit");
    }

    @Test
    void theRequestSizeLimitGoesUpTo1048576Bytes() {
        try (AwsEventsEmulator oneMegabyte = AwsEventsEmulator.builder()
                .eventBridgeRequestSizeLimit(AwsEventsEmulator.MAX_EVENTBRIDGE_REQUEST_SIZE_LIMIT).start();
             EventBridgeClient client = SdkClients.eventBridge(oneMegabyte)) {
            assertThat(oneMegabyte.eventBridgeRequestSizeLimit()).isEqualTo(1_048_576);
            int fixed = SOURCE.length() + "Order Created".length();
            assertThat(client.putPartnerEvents(b -> b.entries(entry(detail(1_048_575 - fixed)))).failedEntryCount())
                    .isZero();
            assertThatThrownBy(() -> client.putPartnerEvents(b -> b.entries(entry(detail(1_048_576 - fixed)))))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    });
            assertThat(oneMegabyte.partnerEvents().count()).isEqualTo(1);
        }
        assertThat(AWS.emulator().eventBridgeRequestSizeLimit()).isEqualTo(262_144);
        assertThatThrownBy(() -> AwsEventsEmulator.builder().eventBridgeRequestSizeLimit(1_048_577))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..1048576");
    }

    @Test
    void anUnknownTargetIsUnknownOperation() {
        try (AwsEventsEmulator unsigned = AwsEventsEmulator.builder().verifySignatures(false).start()) {
            HttpResponse<String> response = RawHttp.send(unsigned, "POST", "/",
                    RawHttp.eventBridgeHeaders("ListRules"), "{}", null);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"");
        }
    }

    /** A JSON object Detail of exactly {@code bytes} UTF-8 bytes, with two-byte characters in it. */
    static String detail(int bytes) {
        String prefix = "{\"é\":\"";
        String suffix = "\"}";
        String detail = prefix + "x".repeat(bytes - Utf8.byteLength(prefix) - suffix.length()) + suffix;
        assertThat(Utf8.byteLength(detail)).isEqualTo(bytes);
        return detail;
    }

    static void assertValidationException(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EventBridgeException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }
}
