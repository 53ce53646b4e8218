package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import io.github.camelawsevents.aws.core.delivery.RetryPolicy;
import io.github.camelawsevents.aws.core.delivery.Verdict;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;

/**
 * Maps a PutPartnerEvents response to a verdict per entry of the request, by position: accepted with its EventId,
 * retried after a backoff (retryable codes, while retries are left), or failed. An entry the response has no result
 * for fails with {@link DeliveryLedger#MISSING_RESULT} instead of taking another entry's id. A pure function.
 */
final class EntryVerdicts {

    private EntryVerdicts() {
    }

    /**
     * @param response     the answer to a request of {@code retriesSoFar.length} entries
     * @param retriesSoFar how often each entry of the request was sent again already
     */
    public static List<Verdict> of(PutPartnerEventsResponse response, int[] retriesSoFar, RetryPolicy policy,
                                   RandomGenerator random) {
        List<PutPartnerEventsResultEntry> results = response.hasEntries() ? response.entries() : List.of();
        List<Verdict> verdicts = new ArrayList<>(retriesSoFar.length);
        for (int j = 0; j < retriesSoFar.length; j++) {
            if (j >= results.size()) {
                verdicts.add(new Verdict.Failed(DeliveryLedger.MISSING_RESULT,
                        "The response had " + results.size() + " results for " + retriesSoFar.length + " entries"));
                continue;
            }
            PutPartnerEventsResultEntry result = results.get(j);
            String code = result.errorCode() != null ? result.errorCode()
                    : result.eventId() == null ? DeliveryLedger.MISSING_RESULT : null;
            verdicts.add(policy.decide(result.eventId(), code, result.errorMessage(), retriesSoFar[j], random));
        }
        return verdicts;
    }
}
