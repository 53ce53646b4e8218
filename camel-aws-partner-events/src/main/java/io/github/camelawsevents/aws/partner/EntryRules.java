package io.github.camelawsevents.aws.partner;

import java.util.List;
import java.util.regex.Pattern;

import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.EventTimestamps;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * What PutPartnerEvents accepts, checked before anything is sent. Each check throws a
 * {@link FieldValidationException} naming the member, the limit and the actual size (never the payload).
 */
public final class EntryRules {

    /** The API's largest request, in entries. */
    public static final int MAX_ENTRIES_PER_REQUEST = 20;
    /** The documented request size limit: a request's entries must total under 256 KB. */
    public static final long REQUEST_SIZE_LIMIT = 262_144;
    /** The highest maxRequestSizeBytes: EventBridge's 1 MB event payload limit of January 2026. */
    public static final long REQUEST_SIZE_CEILING = 1_048_576;
    public static final int SOURCE_MAX_LENGTH = 256;
    public static final int DETAIL_TYPE_MAX_LENGTH = 128;
    /** The model's EventResource length limit. */
    public static final int RESOURCE_MAX_LENGTH = 2048;
    public static final String SOURCE_REGEX = "^aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}$";

    private static final Pattern SOURCE_PATTERN = Pattern.compile(SOURCE_REGEX);

    private EntryRules() {
    }

    /**
     * The batching limits of one request. EventBridge wants the entries of a request to total <em>under</em>
     * {@code maxRequestSizeBytes} (a request of exactly 262,144 bytes is refused with HTTP 413), so a batch may hold
     * at most {@code maxRequestSizeBytes - 1} bytes, and so may a single entry.
     */
    public static BatchLimits requestLimits(int maxEntriesPerRequest, long maxRequestSizeBytes) {
        return new BatchLimits(maxEntriesPerRequest, maxRequestSizeBytes - 1, 0, 0);
    }

    /** The most UTF-8 bytes a valid Source can take (its pattern allows ASCII only). */
    public static final int SOURCE_MAX_BYTES = SOURCE_MAX_LENGTH;
    /** The most UTF-8 bytes a valid DetailType can take (128 characters of up to 4 bytes). */
    public static final int DETAIL_TYPE_MAX_BYTES = DETAIL_TYPE_MAX_LENGTH * 4;

    /** Checks a whole entry whose size (by {@link EntrySizer}) is {@code size}; {@code index} is its input position. */
    public static void check(PutPartnerEventsRequestEntry entry, long size, BatchLimits limits, int index) {
        checkSource(entry.source(), index);
        checkAllButSource(entry, size, limits, index, true);
    }

    /**
     * Checks every member but the Source (which callers may have checked already), and the entry's size.
     *
     * @param requireDetailType false where an absent DetailType is filled in later (an aggregation strategy's entries
     *                          take the endpoint's at send time)
     */
    public static void checkAllButSource(
            PutPartnerEventsRequestEntry entry, long size, BatchLimits limits, int index, boolean requireDetailType) {
        if (requireDetailType || entry.detailType() != null) {
            checkDetailType(entry.detailType(), index);
        }
        checkDetail(entry.detail(), index);
        if (entry.hasResources()) {
            checkResources(entry.resources(), index);
        }
        checkTimeAndSize(entry, size, limits, index);
    }

    /** An entry's own Time (years 0000 to 9999) and its size against the request limit. */
    public static void checkTimeAndSize(PutPartnerEventsRequestEntry entry, long size, BatchLimits limits, int index) {
        if (entry.time() != null) {
            // an entry's own Time: the same range as a header's (years 0000 to 9999)
            EventTimestamps.inRange(entry.time(), "Time", index);
        }
        if (size > limits.maxItemSize()) {
            throw new FieldValidationException("entry size", "under " + (limits.maxSize() + 1)
                                                             + " bytes (maxRequestSizeBytes; Time 14 + UTF-8 bytes of"
                                                             + " Source, DetailType, Detail and each Resource)",
                    size + " bytes", index);
        }
    }

    /** Source: required, 1..256 characters, {@value #SOURCE_REGEX}. */
    public static void checkSource(String source, int index) {
        if (source == null || source.isEmpty()) {
            throw FieldValidationException.missing("Source", index);
        }
        int length = source.codePointCount(0, source.length());
        if (length > SOURCE_MAX_LENGTH) {
            throw FieldValidationException.tooLong("Source", SOURCE_MAX_LENGTH, length, "characters", index);
        }
        if (!SOURCE_PATTERN.matcher(source).matches()) {
            throw new FieldValidationException("Source", "the pattern " + SOURCE_REGEX
                                                         + " (aws.partner/<partner>/<namespace>/<name>)",
                    "'" + source + "'", index);
        }
    }

    /** DetailType: required, at most 128 characters. */
    public static void checkDetailType(String detailType, int index) {
        if (detailType == null || detailType.isEmpty()) {
            throw FieldValidationException.missing("DetailType", index);
        }
        int length = detailType.codePointCount(0, detailType.length());
        if (length > DETAIL_TYPE_MAX_LENGTH) {
            throw FieldValidationException.tooLong("DetailType", DETAIL_TYPE_MAX_LENGTH, length, "characters", index);
        }
    }

    /** Detail: required, one well-formed JSON object. */
    public static void checkDetail(String detail, int index) {
        Json.Root root = Json.checkWellFormed(detail, "Detail", index);
        if (root != Json.Root.OBJECT) {
            throw new FieldValidationException("Detail", "a JSON object", "a JSON " + root.name().toLowerCase(), index);
        }
    }

    /**
     * Detail that Jackson wrote from a record (well-formed by construction): only checked to be a JSON object, so the
     * text is not parsed a second time.
     */
    public static void checkSerialisedDetail(String detail, int index) {
        int first = 0;
        while (first < detail.length() && Character.isWhitespace(detail.charAt(first))) {
            first++;
        }
        if (first == detail.length() || detail.charAt(first) != '{') {
            checkDetail(detail, index); // not an object: the full check says what it is
        }
    }

    /** Resources: no null or blank element, each at most {@value #RESOURCE_MAX_LENGTH} characters (the model's). */
    public static void checkResources(List<String> resources, int index) {
        for (int i = 0; i < resources.size(); i++) {
            String resource = resources.get(i);
            if (resource == null || resource.isBlank()) {
                throw new FieldValidationException("Resources[" + i + "]", "an ARN", resource == null ? "null"
                        : "blank text", index);
            }
            int length = resource.codePointCount(0, resource.length());
            if (length > RESOURCE_MAX_LENGTH) {
                throw FieldValidationException.tooLong("Resources[" + i + "]", RESOURCE_MAX_LENGTH, length,
                        "characters", index);
            }
        }
    }
}
