package io.github.camelawsevents.aws.scn;

/**
 * Where the idempotency token ({@code clientToken}) of each event comes from when the message has no
 * {@code CamelAwsScnClientToken} header. AWS completes a request only once per token within 8 hours and answers a
 * repeat with the first event's id.
 */
public enum ClientTokenSource {

    /**
     * Derived from Camel's message id (stable across Camel redeliveries of the message; for a JMS consumer it is the
     * JMS message id), the instance, event type, event group, dataset target, the event's position in the message and
     * its data. The default.
     */
    MESSAGE_ID,

    /** Like {@link #MESSAGE_ID}, from the exchange id instead (stable across redeliveries of the exchange). */
    EXCHANGE_ID,

    /**
     * Derived from the content only: instance, event type, event group, dataset target, position and data. Identical
     * content sent again within 8 hours is taken as a repeat and not stored again, even from another message.
     */
    CONTENT_HASH,

    /**
     * No token: the AWS SDK makes a random one per call (kept across its own retries of that call), so a Camel
     * redelivery can store the event twice.
     */
    NONE
}
