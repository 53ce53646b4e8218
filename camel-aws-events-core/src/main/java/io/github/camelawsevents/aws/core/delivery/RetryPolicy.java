package io.github.camelawsevents.aws.core.delivery;

import java.util.Set;
import java.util.random.RandomGenerator;

import io.github.camelawsevents.aws.core.Backoff;

/**
 * Decides what becomes of an item AWS answered for: accepted, retried after a jittered backoff (only for the codes the
 * API calls retryable, at most {@code maxRetries} times), or failed. A pure function of its inputs.
 *
 * @param maxRetries     how many times an item may be sent again after a retryable error (0: never)
 * @param backoff        the delay before each retry
 * @param retryableCodes the error codes worth sending again
 */
public record RetryPolicy(int maxRetries, Backoff backoff, Set<String> retryableCodes) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
        }
        retryableCodes = Set.copyOf(retryableCodes);
    }

    /**
     * @param id           the id AWS gave the item, or null when it did not accept it
     * @param errorCode    the item's error code when not accepted (null counts as not retryable)
     * @param errorMessage the item's error message
     * @param retriesSoFar how many times the item was sent again already
     */
    public Verdict decide(String id, String errorCode, String errorMessage, int retriesSoFar, RandomGenerator random) {
        if (id != null && errorCode == null) {
            return new Verdict.Accepted(id);
        }
        if (errorCode != null && retryableCodes.contains(errorCode) && retriesSoFar < maxRetries) {
            return new Verdict.RetryAfter(backoff.delayMillis(retriesSoFar + 1, random));
        }
        return new Verdict.Failed(errorCode, errorMessage);
    }
}
