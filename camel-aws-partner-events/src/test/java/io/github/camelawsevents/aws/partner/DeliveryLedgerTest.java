package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLedgerTest {

    private static List<PutPartnerEventsRequestEntry> entries(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> PutPartnerEventsRequestEntry.builder().detail("{\"i\":" + i + "}").build())
                .toList();
    }

    private static PutPartnerEventsResultEntry ok(String id) {
        return PutPartnerEventsResultEntry.builder().eventId(id).build();
    }

    private static PutPartnerEventsResultEntry error(String code) {
        return PutPartnerEventsResultEntry.builder().errorCode(code).errorMessage(code + " message").build();
    }

    private static PutPartnerEventsResponse response(PutPartnerEventsResultEntry... results) {
        int failed = 0;
        for (PutPartnerEventsResultEntry r : results) {
            failed += r.errorCode() != null ? 1 : 0;
        }
        return PutPartnerEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    @Test
    void resultsOfSeveralRequestsMapBackToInputPositions() {
        DeliveryLedger ledger = new DeliveryLedger(entries(5));
        // the second request (positions 3, 4) answers first
        ledger.accept(List.of(3, 4), response(ok("d"), ok("e")));
        ledger.accept(List.of(0, 1, 2), response(ok("a"), ok("b"), ok("c")));

        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOf(DeliveryLedger.Delivered.class);
        assertThat(outcome.eventIds()).containsExactly("a", "b", "c", "d", "e");
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void onlyRetryableEntryErrorsAreOfferedForRetryInInputOrder() {
        DeliveryLedger ledger = new DeliveryLedger(entries(6));
        ledger.accept(List.of(3, 4, 5), response(error("InternalFailure"), ok("e"), error("InvalidArgument")));
        ledger.accept(List.of(0, 1, 2), response(ok("a"), error("ThrottlingException"), error("MalformedDetail")));

        assertThat(ledger.takeRetryable()).containsExactly(1, 3);
        assertThat(ledger.takeRetryable()).isEmpty();
        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOf(DeliveryLedger.EntriesFailed.class);
        assertThat(outcome.eventIds()).containsExactly("a", null, null, null, "e", null);
        assertThat(outcome.failed()).extracting(FailedEntry::index).containsExactly(1, 2, 3, 5);
        assertThat(outcome.failed()).extracting(FailedEntry::errorCode)
                .containsExactly("ThrottlingException", "MalformedDetail", "InternalFailure", "InvalidArgument");
        assertThat(outcome.failed().get(0).entry().detail()).isEqualTo("{\"i\":1}");
        assertThat(outcome.failed().get(0).isRetryable()).isTrue();
        assertThat(outcome.failed().get(1).isRetryable()).isFalse();
    }

    @Test
    void aRetriedEntryThatSucceedsIsNoLongerFailed() {
        DeliveryLedger ledger = new DeliveryLedger(entries(3));
        ledger.accept(List.of(0, 1, 2), response(error("ThrottlingException"), ok("b"), error("ThrottlingException")));
        List<Integer> retry = ledger.takeRetryable();
        assertThat(retry).containsExactly(0, 2);
        // the retry request carries positions 0 and 2, in that order
        ledger.accept(retry, response(ok("a"), error("ThrottlingException")));
        assertThat(ledger.takeRetryable()).containsExactly(2);
        ledger.accept(List.of(2), response(ok("c")));

        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOf(DeliveryLedger.Delivered.class);
        assertThat(outcome.eventIds()).containsExactly("a", "b", "c");
    }

    @Test
    void entriesStillRetryableWhenRetriesRunOutAreReportedWithTheirLastCode() {
        DeliveryLedger ledger = new DeliveryLedger(entries(2));
        ledger.accept(List.of(0, 1), response(ok("a"), error("ThrottlingException")));
        ledger.takeRetryable();
        assertThat(ledger.outcome().failed()).singleElement()
                .satisfies(f -> {
                    assertThat(f.index()).isEqualTo(1);
                    assertThat(f.errorCode()).isEqualTo("ThrottlingException");
                    assertThat(f.errorMessage()).isEqualTo("ThrottlingException message");
                });
    }

    @Test
    void aWholeRequestFailureFailsItsEntriesWithTheServiceErrorCodeAndIsNotRetried() {
        DeliveryLedger ledger = new DeliveryLedger(entries(4));
        ledger.accept(List.of(0, 1), response(ok("a"), ok("b")));
        AwsServiceException throttled = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .build();
        ledger.reject(List.of(2, 3), new java.util.concurrent.CompletionException(throttled));

        assertThat(ledger.takeRetryable()).isEmpty();
        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOfSatisfying(DeliveryLedger.RequestFailed.class,
                failed -> assertThat(failed.error()).isSameAs(throttled));
        assertThat(outcome.eventIds()).containsExactly("a", "b", null, null);
        assertThat(outcome.failed()).extracting(FailedEntry::errorCode).containsOnly("ThrottlingException");
        assertThat(outcome.failed()).extracting(FailedEntry::index).containsExactly(2, 3);
    }

    @Test
    void aNonServiceFailureIsNamedByItsType() {
        DeliveryLedger ledger = new DeliveryLedger(entries(1));
        ledger.reject(List.of(0), new java.io.UncheckedIOException(new java.io.IOException("connection reset")));
        assertThat(ledger.outcome().failed().get(0).errorCode()).isEqualTo("UncheckedIOException");
    }

    @Test
    void aResponseWithFewerResultsThanEntriesFailsTheUnansweredEntriesInsteadOfShiftingIds() {
        DeliveryLedger ledger = new DeliveryLedger(entries(3));
        ledger.accept(List.of(0, 1, 2), response(ok("a")));
        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome.eventIds()).containsExactly("a", null, null);
        assertThat(outcome.failed()).extracting(FailedEntry::errorCode)
                .containsOnly(DeliveryLedger.MISSING_RESULT);
        assertThat(ledger.takeRetryable()).isEmpty();
    }

    @Test
    void requestsCompletingOnManyThreadsAreAllRecorded() throws Exception {
        int n = 2000;
        DeliveryLedger ledger = new DeliveryLedger(entries(n));
        List<Thread> threads = new ArrayList<>();
        for (int start = 0; start < n; start += 20) {
            int from = start;
            Thread thread = new Thread(() -> {
                List<Integer> positions = IntStream.range(from, from + 20).boxed().toList();
                PutPartnerEventsResultEntry[] results = positions.stream()
                        .map(p -> p % 7 == 0 ? error("ThrottlingException") : ok("id-" + p))
                        .toArray(PutPartnerEventsResultEntry[]::new);
                ledger.accept(positions, response(results));
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Integer> retry = ledger.takeRetryable();
        assertThat(retry).hasSize((n + 6) / 7).isSorted();
        List<String> ids = ledger.outcome().eventIds();
        for (int i = 0; i < n; i++) {
            assertThat(ids.get(i)).isEqualTo(i % 7 == 0 ? null : "id-" + i);
        }
    }
}
