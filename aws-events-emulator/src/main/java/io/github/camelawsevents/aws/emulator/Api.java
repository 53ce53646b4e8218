package io.github.camelawsevents.aws.emulator;

/**
 * The write operations the emulator serves; the unit for request counters and for fault settings.
 * The Supply Chain read operations (GetDataIntegrationEvent, ListDataIntegrationEvents) are not
 * subject to faults.
 */
public enum Api {
    /** AWS Supply Chain {@code SendDataIntegrationEvent}. */
    SUPPLY_CHAIN("SendDataIntegrationEvent"),
    /** Amazon EventBridge {@code PutPartnerEvents}. */
    PARTNER_EVENTS("PutPartnerEvents"),
    /** Amazon EventBridge {@code PutEvents}. */
    PUT_EVENTS("PutEvents");

    private final String operation;

    Api(String operation) {
        this.operation = operation;
    }

    /** The AWS operation name, e.g. {@code PutPartnerEvents}. */
    public String operation() {
        return operation;
    }
}
