package io.github.camelawsevents.aws.scn;

/**
 * The pure rules of confirming dataset loads (option {@code confirmDatasetLoad}): when the next
 * {@code GetDataIntegrationEvent} of an event goes, and what an answer means for the exchanges the event carried.
 */
final class DatasetLoadRules {

    /** What an answer to a confirmation poll means. */
    enum Verdict {
        /** The load SUCCEEDED: the exchanges complete. */
        SUCCEEDED,
        /** The load FAILED: the exchanges fail with AWS's message. */
        FAILED,
        /** Not finished (or not readable for a passing reason) and time is left: ask again after the next delay. */
        POLL_AGAIN,
        /** Still IN_PROGRESS at the time limit, with datasetLoadTimeoutAction=FAIL: the exchanges fail. */
        TIMED_OUT,
        /** Still IN_PROGRESS at the time limit, with datasetLoadTimeoutAction=COMPLETE: they complete, IN_PROGRESS. */
        COMPLETE_IN_PROGRESS,
        /** The status could not be read (a lasting error, or a passing one at the time limit): the exchanges fail. */
        NOT_CONFIRMED
    }

    private DatasetLoadRules() {
    }

    /**
     * The delay before poll {@code poll} (1-based) of one event: {@code firstMs} doubled with every poll, at most
     * {@code maxMs}, and never past the time limit (the last poll goes when it runs out), so an event is asked at most
     * about log2(max/first) + timeout/max + 1 times.
     *
     * @param elapsedMs how long ago the event was accepted
     * @param timeoutMs the time limit, counted from the acceptance
     */
    static long delayBeforePoll(int poll, long firstMs, long maxMs, long elapsedMs, long timeoutMs) {
        if (poll < 1 || firstMs < 0 || maxMs < firstMs || timeoutMs < 0) {
            throw new IllegalArgumentException("poll " + poll + ", first " + firstMs + " ms, max " + maxMs
                                               + " ms, timeout " + timeoutMs + " ms");
        }
        int shift = Math.min(poll - 1, 62);
        long backoff = firstMs == 0 ? 0 : (firstMs > (maxMs >> shift) ? maxMs : Math.min(maxMs, firstMs << shift));
        long left = Math.max(0, timeoutMs - Math.max(0, elapsedMs));
        return Math.min(backoff, left);
    }

    /**
     * What a load status means.
     *
     * @param status           AWS's datasetLoadExecution.status; null (not reported yet) or anything unknown counts as
     *                         IN_PROGRESS
     * @param timeLimitReached whether datasetLoadTimeout has run out since the event was accepted
     */
    static Verdict ofStatus(String status, boolean timeLimitReached, DatasetLoadTimeoutAction action) {
        if ("SUCCEEDED".equals(status)) {
            return Verdict.SUCCEEDED;
        }
        if ("FAILED".equals(status)) {
            return Verdict.FAILED;
        }
        if (!timeLimitReached) {
            return Verdict.POLL_AGAIN;
        }
        return action == DatasetLoadTimeoutAction.COMPLETE ? Verdict.COMPLETE_IN_PROGRESS : Verdict.TIMED_OUT;
    }

    /**
     * What a failed poll means (after the AWS SDK's own retries): a passing error (throttling, 5xx, I/O) is asked
     * again while time is left; anything else (e.g. AccessDeniedException for a missing scn:GetDataIntegrationEvent)
     * fails the exchanges at once.
     */
    static Verdict ofError(boolean passing, boolean timeLimitReached) {
        return passing && !timeLimitReached ? Verdict.POLL_AGAIN : Verdict.NOT_CONFIRMED;
    }

    /** How bad a status is, for the one status a message of several events reports: FAILED over IN_PROGRESS. */
    static int rank(String status) {
        if ("FAILED".equals(status)) {
            return 3;
        }
        if ("SUCCEEDED".equals(status)) {
            return 1;
        }
        return status == null ? 0 : 2;
    }
}
