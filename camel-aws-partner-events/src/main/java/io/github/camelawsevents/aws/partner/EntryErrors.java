package io.github.camelawsevents.aws.partner;

import java.util.Set;

/** The per-entry error codes of PutPartnerEvents, and which of them are worth sending again. */
public final class EntryErrors {

    /** EventBridge's retryable entry error codes. */
    public static final Set<String> RETRYABLE = Set.of("ThrottlingException", "InternalFailure");

    private EntryErrors() {
    }

    public static boolean isRetryable(String errorCode) {
        return errorCode != null && RETRYABLE.contains(errorCode);
    }
}
