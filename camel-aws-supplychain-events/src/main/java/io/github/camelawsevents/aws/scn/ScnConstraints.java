package io.github.camelawsevents.aws.scn;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelawsevents.aws.core.FieldValidationException;

/**
 * The constraints of {@code SendDataIntegrationEvent} (Smithy model {@code supplychain-2024-01-01}) as plain checks,
 * so a message the service would reject never leaves the process. Each check throws a
 * {@link FieldValidationException} naming the API member, the limit and what was given (never the value of
 * {@code data}).
 * <p>
 * Lengths are counted in UTF-16 code units ({@link String#length()}). The model counts characters (Unicode scalar
 * values); a character outside the Basic Multilingual Plane is two code units, so this count is never lower than the
 * service's: whatever passes here passes there.
 */
public final class ScnConstraints {

    /** Largest {@code data}, in characters. */
    public static final int DATA_MAX_LENGTH = 1_048_576;
    /** Largest {@code eventGroupId}, in characters (at least 1). */
    public static final int EVENT_GROUP_ID_MAX_LENGTH = 255;
    /** Shortest {@code clientToken}. */
    public static final int CLIENT_TOKEN_MIN_LENGTH = 33;
    /** Longest {@code clientToken}. */
    public static final int CLIENT_TOKEN_MAX_LENGTH = 126;
    /** Shortest {@code datasetTarget.datasetIdentifier}. */
    public static final int DATASET_IDENTIFIER_MIN_LENGTH = 20;
    /** Longest {@code datasetTarget.datasetIdentifier}. */
    public static final int DATASET_IDENTIFIER_MAX_LENGTH = 1011;

    /** The event type that writes to a dataset named by {@code datasetTarget}. */
    public static final String DATASET_EVENT_TYPE = "scn.data.dataset";
    /** The namespace of AWS Supply Chain's own datasets, where {@code connection_id} is filled by the service. */
    public static final String ASC_NAMESPACE = "asc";
    /** The internal column a client must not send to an {@code asc} dataset. */
    public static final String CONNECTION_ID = "connection_id";

    /** The 16 event types of the API, in the model's order; the first 15 write to fixed {@code asc} datasets. */
    public static final List<String> EVENT_TYPES = List.of(
            "scn.data.forecast", "scn.data.inventorylevel", "scn.data.inboundorder", "scn.data.inboundorderline",
            "scn.data.inboundorderlineschedule", "scn.data.outboundorderline", "scn.data.outboundshipment",
            "scn.data.processheader", "scn.data.processoperation", "scn.data.processproduct",
            "scn.data.reservation", "scn.data.shipment", "scn.data.shipmentstop", "scn.data.shipmentstoporder",
            "scn.data.supplyplan", DATASET_EVENT_TYPE);

    /** The operation types of {@code datasetTarget}. */
    public static final List<String> OPERATION_TYPES = List.of("APPEND", "UPSERT", "DELETE");

    private static final String UUID = "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}";
    private static final Pattern INSTANCE_ID = Pattern.compile("^" + UUID + "$");
    private static final Pattern DATASET_ARN = Pattern.compile(
            "^arn:aws:scn:([a-z0-9-]+):([0-9]+):instance/(" + UUID + ")/namespaces/([^/]+)/datasets/([^/]+)$");

    private ScnConstraints() {
    }

    /** The length the limits of this API are checked against. */
    public static int length(CharSequence text) {
        return text.length();
    }

    public static String checkInstanceId(String instanceId) {
        if (instanceId == null || instanceId.isEmpty()) {
            throw FieldValidationException.missing("instanceId", -1);
        }
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            throw new FieldValidationException("instanceId", "a lower-case UUID matching " + INSTANCE_ID.pattern(),
                    "'" + abbreviate(instanceId) + "'", -1);
        }
        return instanceId;
    }

    public static String checkEventType(String eventType) {
        if (eventType == null || eventType.isEmpty()) {
            throw FieldValidationException.missing("eventType", -1);
        }
        if (!EVENT_TYPES.contains(eventType)) {
            throw new FieldValidationException("eventType", "one of " + String.join(", ", EVENT_TYPES),
                    "'" + abbreviate(eventType) + "'", -1);
        }
        return eventType;
    }

    public static String checkEventGroupId(String eventGroupId) {
        if (eventGroupId == null || eventGroupId.isEmpty()) {
            // says where a group comes from, so the fix is one look away
            throw new FieldValidationException("eventGroupId", "1 to " + EVENT_GROUP_ID_MAX_LENGTH + " characters,"
                    + " from the header " + AwsScnEventConstants.EVENT_GROUP_ID + " or the endpoint option eventGroupId",
                    eventGroupId == null ? "missing" : "an empty text", -1);
        }
        if (length(eventGroupId) > EVENT_GROUP_ID_MAX_LENGTH) {
            throw FieldValidationException.tooLong("eventGroupId", EVENT_GROUP_ID_MAX_LENGTH, length(eventGroupId),
                    "characters", -1);
        }
        return eventGroupId;
    }

    public static String checkClientToken(String clientToken) {
        int len = length(clientToken);
        // the minimum is counted as the service counts (code points): UTF-16 units would over-count a short token
        int minLen = minimumLength(clientToken);
        if (minLen < CLIENT_TOKEN_MIN_LENGTH || len > CLIENT_TOKEN_MAX_LENGTH) {
            throw new FieldValidationException("clientToken",
                    CLIENT_TOKEN_MIN_LENGTH + " to " + CLIENT_TOKEN_MAX_LENGTH + " characters",
                    (minLen < CLIENT_TOKEN_MIN_LENGTH ? minLen : len) + " characters", -1);
        }
        return clientToken;
    }

    /**
     * The length a minimum is checked against: Unicode code points, as the service counts. {@link #length} counts
     * UTF-16 units, never fewer than the service, which is right for maximums; for a minimum it could pass a text the
     * service finds too short (17 emoji are 34 units but 17 characters).
     */
    public static int minimumLength(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    public static String checkDatasetIdentifier(String datasetIdentifier) {
        if (datasetIdentifier == null || datasetIdentifier.isEmpty()) {
            throw FieldValidationException.missing("datasetTarget.datasetIdentifier", -1);
        }
        int len = length(datasetIdentifier);
        if (len < DATASET_IDENTIFIER_MIN_LENGTH || len > DATASET_IDENTIFIER_MAX_LENGTH) {
            throw new FieldValidationException("datasetTarget.datasetIdentifier",
                    DATASET_IDENTIFIER_MIN_LENGTH + " to " + DATASET_IDENTIFIER_MAX_LENGTH + " characters",
                    len + " characters", -1);
        }
        if (!DATASET_ARN.matcher(datasetIdentifier).matches()) {
            throw new FieldValidationException("datasetTarget.datasetIdentifier",
                    "a dataset ARN like arn:aws:scn:<region>:<account>:instance/<instanceId>/namespaces/<namespace>"
                                                                          + "/datasets/<name>",
                    "'" + abbreviate(datasetIdentifier) + "'", -1);
        }
        return datasetIdentifier;
    }

    public static String checkOperationType(String operationType) {
        if (operationType == null || operationType.isEmpty()) {
            throw FieldValidationException.missing("datasetTarget.operationType", -1);
        }
        if (!OPERATION_TYPES.contains(operationType)) {
            throw new FieldValidationException("datasetTarget.operationType", "one of APPEND, UPSERT, DELETE",
                    "'" + abbreviate(operationType) + "'", -1);
        }
        return operationType;
    }

    /**
     * Checks that a dataset target is given exactly when the event type needs one: both members for
     * {@code scn.data.dataset}, neither for the other types.
     */
    public static void checkDatasetTarget(String eventType, String datasetIdentifier, String operationType) {
        if (DATASET_EVENT_TYPE.equals(eventType)) {
            checkDatasetIdentifier(datasetIdentifier);
            checkOperationType(operationType);
        } else if (datasetIdentifier != null || operationType != null) {
            throw new FieldValidationException("datasetTarget", "only with eventType " + DATASET_EVENT_TYPE,
                    "a dataset target with eventType " + eventType, -1);
        }
    }

    /** The namespace part of a dataset ARN, or null if it is not one. */
    public static String namespaceOf(String datasetIdentifier) {
        if (datasetIdentifier == null) {
            return null;
        }
        Matcher m = DATASET_ARN.matcher(datasetIdentifier);
        return m.matches() ? m.group(4) : null;
    }

    /**
     * Whether the event writes to a dataset of the {@code asc} namespace, whose records must not carry
     * {@code connection_id}: every fixed event type, and {@code scn.data.dataset} aimed at an {@code asc} dataset.
     */
    public static boolean targetsAscNamespace(String eventType, String datasetIdentifier) {
        return !DATASET_EVENT_TYPE.equals(eventType) || ASC_NAMESPACE.equals(namespaceOf(datasetIdentifier));
    }

    /** A user-given value shortened for an error message. */
    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
