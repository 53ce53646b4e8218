package io.github.camelawsevents.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsConstants;
import io.github.camelawsevents.aws.partner.FailedEntry;
import io.github.camelawsevents.aws.scn.AwsScnEventConstants;

/**
 * One thing that could not be delivered: a partner event entry EventBridge refused (after the component's retries), a
 * record the route refused before sending, or a Supply Chain batch whose request failed.
 *
 * @param feed      the feed it came from
 * @param reference what identifies it in the input: the business event id, or the event group (order id, site)
 * @param index     its position in the message that carried it, or -1 when the whole message failed
 * @param errorCode the AWS ErrorCode or error type, else the exception's simple class name
 * @param reason    the error message (never the payload)
 * @param records   how many input records it stands for
 */
public record DeadLetter(String feed, String reference, int index, String errorCode, String reason, int records) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What reaching the dead-letter channel meant for one exchange. */
    record Outcome(int records, int delivered, List<String> eventIds, List<DeadLetter> deadLetters) {
    }

    /**
     * Works out the dead letters of an exchange that reached the dead-letter channel.
     *
     * @param feed    the feed of the exchange
     * @param message the message as it failed
     * @param cause   the exception caught
     * @param records how many input records the message held
     */
    static Outcome outcomeOf(String feed, Message message, Throwable cause, int records) {
        List<?> failedEntries = message.getHeader(AwsPartnerEventsConstants.FAILED_ENTRIES, List.class);
        if (failedEntries != null && !failedEntries.isEmpty()) {
            // PutPartnerEvents answered: exactly these entries failed, the others were accepted
            List<DeadLetter> letters = new ArrayList<>(failedEntries.size());
            for (Object o : failedEntries) {
                FailedEntry f = (FailedEntry) o;
                letters.add(new DeadLetter(feed, eventIdInDetail(f.entry().detail()), f.index(), f.errorCode(),
                        f.errorMessage(), 1));
            }
            List<String> accepted = new ArrayList<>(FeedLedger.eventIdsOf(message.getExchange()));
            return new Outcome(letters.size(), accepted.size(), accepted, letters);
        }
        Throwable telling = tellingCause(cause);
        int index = telling instanceof FieldValidationException invalid ? invalid.getIndex() : -1;
        DeadLetter letter = new DeadLetter(feed, referenceOf(message), index, errorCodeOf(telling),
                reasonOf(telling), records);
        return new Outcome(records, 0, List.of(), List.of(letter));
    }

    /** The exception that says what went wrong: AWS's answer, else the validation error, else the cause itself. */
    static Throwable tellingCause(Throwable cause) {
        AwsServiceException aws = ObjectHelper.getException(AwsServiceException.class, cause);
        if (aws != null) {
            return aws;
        }
        FieldValidationException invalid = ObjectHelper.getException(FieldValidationException.class, cause);
        return invalid != null ? invalid : cause;
    }

    /** The AWS error code when AWS answered, else the exception's simple class name. */
    static String errorCodeOf(Throwable telling) {
        if (telling instanceof AwsServiceException aws && aws.awsErrorDetails() != null
            && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return telling != null ? telling.getClass().getSimpleName() : "Unknown";
    }

    private static String reasonOf(Throwable telling) {
        if (telling instanceof AwsServiceException aws && aws.awsErrorDetails() != null
            && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return telling != null ? telling.getMessage() : "unknown failure";
    }

    /** A record's own id (a business event's "id"), else the event group of the message. */
    private static String referenceOf(Message message) {
        if (message.getBody() instanceof Map<?, ?> record && record.get("id") != null) {
            return record.get("id").toString();
        }
        String group = message.getHeader(AwsScnEventConstants.EVENT_GROUP_ID, String.class);
        return group != null ? group : "message " + message.getMessageId();
    }

    private static String eventIdInDetail(String detail) {
        try {
            JsonNode id = MAPPER.readTree(detail).get("id");
            return id != null ? id.asText() : "(no id)";
        } catch (JsonProcessingException | RuntimeException e) {
            return "(unreadable detail)";
        }
    }

    /** Feed, reference, position, error code and reason; never the payload. */
    @Override
    public String toString() {
        return feed + " " + reference + (index >= 0 ? " (entry " + index + ")" : "")
               + (records > 1 ? " [" + records + " records]" : "") + ": " + errorCode + " - " + reason;
    }
}
