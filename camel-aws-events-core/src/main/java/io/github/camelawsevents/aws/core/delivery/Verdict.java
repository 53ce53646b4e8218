package io.github.camelawsevents.aws.core.delivery;

/** What becomes of one item after an answer from AWS: a closed set of cases. */
public sealed interface Verdict {

    /** AWS accepted the item and gave it this id. */
    record Accepted(String id) implements Verdict {
    }

    /** Send the item again after this delay. */
    record RetryAfter(long delayMillis) implements Verdict {
    }

    /** The item failed for good with this code and message. */
    record Failed(String errorCode, String errorMessage) implements Verdict {
    }
}
