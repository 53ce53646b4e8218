package io.github.camelawsevents.aws.emulator;

/** Each kind of fault the emulator can inject; the keys of {@link EmulatorStats#faults()}. */
public enum FaultKind {
    /** The connection was closed before the request was processed; no response. */
    DROPPED_CONNECTION,
    /** The whole request was answered with a ThrottlingException by {@code requestThrottleRate}. */
    REQUEST_THROTTLED,
    /** The whole request was answered with a ThrottlingException by the token bucket ({@code requestsPerSecond}). */
    RATE_LIMITED,
    /** The whole request was answered with a ThrottlingException inside a throttling burst window. */
    BURST_THROTTLED,
    /** The whole request was answered with a 500 before processing by {@code serverErrorRate}. */
    SERVER_ERROR,
    /** One PutPartnerEvents / PutEvents entry failed with ErrorCode {@code ThrottlingException}. */
    ENTRY_THROTTLED,
    /** One PutPartnerEvents / PutEvents entry failed with ErrorCode {@code InternalFailure}. */
    ENTRY_INTERNAL_FAILURE,
    /** The request was processed and stored, then the connection was closed without a response. */
    LOST_RESPONSE,
    /** The request was processed and stored, then answered with a 500. */
    ERROR_AFTER_STORE,
    /** A response was delayed by a fixed or random latency. */
    LATENCY_ADDED
}
