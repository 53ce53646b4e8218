package io.github.camelawsevents.aws.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.camelawsevents.aws.core.Backoff;
import io.github.camelawsevents.aws.core.delivery.RetryPolicy;
import io.github.camelawsevents.aws.core.delivery.Verdict;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-message ledger and the per-entry verdicts of a response: pure, no I/O. */
class DeliveryLedgerTest {

    private static final RetryPolicy POLICY = new RetryPolicy(2,
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)), EntryErrors.RETRYABLE);

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
    void answersInAnyOrderMapBackToInputPositionsAndSettleTheMessageOnce() {
        DeliveryLedger ledger = new DeliveryLedger(entries(3));
        assertThat(ledger.accepted(2, "c")).isFalse();
        assertThat(ledger.accepted(0, "a")).isFalse();
        assertThat(ledger.unsettled()).isEqualTo(1);
        assertThat(ledger.accepted(1, "b")).as("the last answer settles it").isTrue();
        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOf(DeliveryLedger.Delivered.class);
        assertThat(outcome.eventIds()).containsExactly("a", "b", "c");
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void entryFailuresAreReportedInInputOrderWithTheirCodes() {
        DeliveryLedger ledger = new DeliveryLedger(entries(4));
        ledger.failed(3, "InvalidArgument", "bad");
        ledger.accepted(0, "a");
        ledger.failed(1, "ThrottlingException", "slow down");
        ledger.accepted(2, "c");
        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOf(DeliveryLedger.EntriesFailed.class);
        assertThat(outcome.eventIds()).containsExactly("a", null, "c", null);
        assertThat(outcome.failed()).extracting(FailedEntry::index).containsExactly(1, 3);
        assertThat(outcome.failed()).extracting(FailedEntry::errorCode)
                .containsExactly("ThrottlingException", "InvalidArgument");
        assertThat(outcome.failed().get(0).entry().detail()).isEqualTo("{\"i\":1}");
        assertThat(outcome.failed().get(0).isRetryable()).isTrue();
        assertThat(outcome.failed().get(1).isRetryable()).isFalse();
    }

    @Test
    void aWholeRequestFailureFailsOnlyTheEntriesItCarriedWithTheServiceErrorCode() {
        DeliveryLedger ledger = new DeliveryLedger(entries(4));
        ledger.accepted(0, "a");
        ledger.accepted(1, "b");
        AwsServiceException throttled = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded")
                        .build())
                .build();
        assertThat(ledger.requestFailed(List.of(2, 3), new java.util.concurrent.CompletionException(throttled)))
                .isTrue();
        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOfSatisfying(DeliveryLedger.RequestFailed.class,
                failed -> assertThat(failed.error()).isSameAs(throttled));
        assertThat(outcome.eventIds()).containsExactly("a", "b", null, null);
        assertThat(outcome.failed()).extracting(FailedEntry::errorCode).containsOnly("ThrottlingException");
        assertThat(outcome.failed()).extracting(FailedEntry::index).containsExactly(2, 3);
    }

    @Test
    void aNonServiceFailureIsNamedByItsTypeAndAServiceErrorWithoutCodeByItsStatus() {
        DeliveryLedger ledger = new DeliveryLedger(entries(2));
        ledger.requestFailed(List.of(0), new java.io.UncheckedIOException(new java.io.IOException("connection reset")));
        ledger.requestFailed(List.of(1), AwsServiceException.builder().statusCode(413).build());
        assertThat(ledger.outcome().failed()).extracting(FailedEntry::errorCode)
                .containsExactly("UncheckedIOException", "HTTP 413");
    }

    @Test
    void abandoningFailsOnlyWhatWasNotAnsweredYet() {
        DeliveryLedger ledger = new DeliveryLedger(entries(3));
        ledger.accepted(1, "b");
        ledger.abandon(new IllegalStateException("stopped"));
        assertThat(ledger.unsettled()).isZero();
        DeliveryLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome).isInstanceOf(DeliveryLedger.RequestFailed.class);
        assertThat(outcome.eventIds()).containsExactly(null, "b", null);
        assertThat(outcome.failed()).extracting(FailedEntry::index).containsExactly(0, 2);
    }

    @Test
    void onlyRetryableEntryErrorsAreRetriedAndOnlyWhileRetriesAreLeft() {
        List<Verdict> verdicts = EntryVerdicts.of(
                response(ok("a"), error("ThrottlingException"), error("InternalFailure"), error("MalformedDetail"),
                        error("ThrottlingException")),
                new int[] { 0, 0, 1, 0, 2 }, POLICY, new Random(1));
        assertThat(verdicts.get(0)).isEqualTo(new Verdict.Accepted("a"));
        assertThat(verdicts.get(1)).isInstanceOfSatisfying(Verdict.RetryAfter.class,
                r -> assertThat(r.delayMillis()).as("first retry: 50..100 ms").isBetween(50L, 100L));
        assertThat(verdicts.get(2)).isInstanceOfSatisfying(Verdict.RetryAfter.class,
                r -> assertThat(r.delayMillis()).as("second retry: 100..200 ms").isBetween(100L, 200L));
        assertThat(verdicts.get(3)).isEqualTo(new Verdict.Failed("MalformedDetail", "MalformedDetail message"));
        assertThat(verdicts.get(4)).as("retries used up: failed with its last code")
                .isEqualTo(new Verdict.Failed("ThrottlingException", "ThrottlingException message"));
    }

    @Test
    void aResponseWithFewerResultsThanEntriesFailsTheUnansweredEntriesInsteadOfShiftingIds() {
        List<Verdict> verdicts = EntryVerdicts.of(response(ok("a")), new int[3], POLICY, new Random(1));
        assertThat(verdicts.get(0)).isEqualTo(new Verdict.Accepted("a"));
        assertThat(verdicts.subList(1, 3)).allSatisfy(v -> assertThat(v).isInstanceOfSatisfying(Verdict.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo(DeliveryLedger.MISSING_RESULT)));
    }

    @Test
    void answersOnManyThreadsAreAllRecordedAndSettleTheMessageExactlyOnce() throws Exception {
        int n = 2000;
        DeliveryLedger ledger = new DeliveryLedger(entries(n));
        AtomicInteger settledBy = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int start = 0; start < n; start += 20) {
            int from = start;
            Thread thread = new Thread(() -> {
                for (int p = from; p < from + 20; p++) {
                    boolean all = p % 7 == 0 ? ledger.failed(p, "InvalidArgument", "x") : ledger.accepted(p, "id-" + p);
                    if (all) {
                        settledBy.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(settledBy).hasValue(1);
        List<String> ids = ledger.outcome().eventIds();
        for (int i = 0; i < n; i++) {
            assertThat(ids.get(i)).isEqualTo(i % 7 == 0 ? null : "id-" + i);
        }
    }
}
