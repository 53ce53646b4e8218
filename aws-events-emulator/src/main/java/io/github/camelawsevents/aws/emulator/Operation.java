package io.github.camelawsevents.aws.emulator;

/** The operations the emulator routes to, with the signing name and protocol each requires. */
enum Operation {
    SEND_DATA_INTEGRATION_EVENT("SendDataIntegrationEvent", Api.SUPPLY_CHAIN, "scn", WireProtocol.REST_JSON_1),
    GET_DATA_INTEGRATION_EVENT("GetDataIntegrationEvent", null, "scn", WireProtocol.REST_JSON_1),
    LIST_DATA_INTEGRATION_EVENTS("ListDataIntegrationEvents", null, "scn", WireProtocol.REST_JSON_1),
    CREATE_DATA_LAKE_DATASET("CreateDataLakeDataset", null, "scn", WireProtocol.REST_JSON_1),
    GET_DATA_LAKE_DATASET("GetDataLakeDataset", null, "scn", WireProtocol.REST_JSON_1),
    PUT_PARTNER_EVENTS("PutPartnerEvents", Api.PARTNER_EVENTS, "events", WireProtocol.AWS_JSON_1_1),
    PUT_EVENTS("PutEvents", Api.PUT_EVENTS, "events", WireProtocol.AWS_JSON_1_1),
    /** An awsJson1_1 request whose X-Amz-Target names no operation served here. */
    UNKNOWN_TARGET("Unknown", null, "events", WireProtocol.AWS_JSON_1_1),
    /** A path no operation serves. */
    UNKNOWN_PATH("Unknown", null, null, WireProtocol.REST_JSON_1);

    final String awsName;
    /** The write API for counters and faults; {@code null} for reads and unknown operations. */
    final Api api;
    final String signingName;
    final WireProtocol protocol;

    Operation(String awsName, Api api, String signingName, WireProtocol protocol) {
        this.awsName = awsName;
        this.api = api;
        this.signingName = signingName;
        this.protocol = protocol;
    }

    /** The error type for an unknown access key: EventBridge says UnrecognizedClientException, Supply Chain AccessDeniedException. */
    String unknownAccessKeyErrorType() {
        return protocol == WireProtocol.AWS_JSON_1_1 ? "UnrecognizedClientException" : "AccessDeniedException";
    }

    /** ThrottlingException is 429 in Supply Chain's model and 400 in EventBridge's. */
    int throttlingStatus() {
        return protocol == WireProtocol.REST_JSON_1 ? 429 : 400;
    }

    /** The 500 error type: InternalServerException (Supply Chain) or InternalException (EventBridge). */
    String internalErrorType() {
        return protocol == WireProtocol.REST_JSON_1 ? "InternalServerException" : "InternalException";
    }
}
