package io.github.camelawsevents.aws.emulator;

/**
 * How the emulator answers a PutPartnerEvents or PutEvents request whose entries total more than the request size
 * limit. Both answers have been seen from AWS; a client should handle both.
 */
public enum OversizedRequestAnswer {
    /**
     * HTTP 400, {@code {"__type":"ValidationException","message":"Total size of the entries in the request is over
     * the limit."}}: the service's own answer, recorded for PutEvents and documented for partner event sources. The
     * SDKs map it to their typed ValidationException. The default.
     */
    VALIDATION_EXCEPTION_400,
    /**
     * HTTP 413 with an empty body, as a front end answers: no SDK maps it to a modelled error type (the AWS CLI
     * prints "(413)", the SDK for JavaScript v3 "Unknown", v2 "UnknownError", the SDK for Java a plain
     * EventBridgeException with status 413).
     */
    EMPTY_413
}
