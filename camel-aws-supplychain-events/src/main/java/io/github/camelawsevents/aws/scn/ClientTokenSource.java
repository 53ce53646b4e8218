package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.core.FieldValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

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
     * Derived from the Kafka record the exchange came from: its topic, partition and offset (headers
     * {@code kafka.TOPIC}, {@code kafka.PARTITION}, {@code kafka.OFFSET}, set by camel-kafka), plus the instance, event
     * type, event group, dataset target, position and data as for {@link #MESSAGE_ID}. A record consumed again after a
     * worker died, on whichever worker, gets the token it had the first time. A message without one of these headers
     * is refused.
     */
    KAFKA_RECORD,

    /**
     * Derived from the value of {@code clientTokenExpression} (a simple-language expression evaluated per exchange,
     * e.g. {@code ${header.orderId}}), plus the instance, event type, event group, dataset target, position and data
     * as for {@link #MESSAGE_ID}. A message whose expression evaluates to null or an empty text is refused.
     */
    EXPRESSION,

    /**
     * No token: the AWS SDK makes a random one per call (kept across its own retries of that call), so a Camel
     * redelivery can store the event twice.
     */
    NONE;

    /** camel-kafka's {@code KafkaConstants.TOPIC}, {@code PARTITION} and {@code OFFSET}. */
    static final String KAFKA_TOPIC = "kafka.TOPIC";
    static final String KAFKA_PARTITION = "kafka.PARTITION";
    static final String KAFKA_OFFSET = "kafka.OFFSET";

    /**
     * The identity {@link #KAFKA_RECORD} derives tokens from: {@code topic/partition/offset}.
     *
     * @throws FieldValidationException naming the first header that is missing
     */
    static String kafkaRecordIdentity(Message message) {
        return kafkaHeader(message, KAFKA_TOPIC) + "/" + kafkaHeader(message, KAFKA_PARTITION) + "/"
               + kafkaHeader(message, KAFKA_OFFSET);
    }

    private static String kafkaHeader(Message message, String name) {
        Object value = message.getHeader(name);
        if (value == null || value.toString().isEmpty()) {
            throw new FieldValidationException("header " + name,
                    "required with clientTokenSource=KAFKA_RECORD (camel-kafka sets it on every record it consumes)",
                    "missing", -1);
        }
        return value.toString();
    }

    /**
     * The identity {@link #EXPRESSION} derives tokens from: the expression's value for this exchange. Camel's simple
     * language caches what it parsed, so the text is parsed once.
     *
     * @throws FieldValidationException when the value is null or empty
     */
    static String expressionIdentity(Exchange exchange, String expressionText) {
        String value = exchange.getContext().resolveLanguage("simple").createExpression(expressionText)
                .evaluate(exchange, String.class);
        if (value == null || value.isEmpty()) {
            throw new FieldValidationException("clientTokenExpression",
                    "a value that identifies the message (" + expressionText + ")",
                    value == null ? "null" : "an empty text", -1);
        }
        return value;
    }
}
