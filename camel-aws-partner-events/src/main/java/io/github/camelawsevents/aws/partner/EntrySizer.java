package io.github.camelawsevents.aws.partner;

import java.util.List;

import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * The size of a PutPartnerEvents entry by EventBridge's documented rule ("Calculating PutEvents event entry size"):
 * Time counts 14 bytes if present; Source, DetailType, Detail and each Resource count their UTF-8 bytes. A pure
 * function: no allocation, no encoding.
 */
final class EntrySizer {

    /** What a present Time counts. */
    public static final int TIME_BYTES = 14;

    private EntrySizer() {
    }

    /** The entry's size in bytes by the rule above; absent members count 0. */
    public static long sizeOf(PutPartnerEventsRequestEntry entry) {
        return sizeOf(entry.time() != null, entry.source(), entry.detailType(), entry.detail(),
                entry.hasResources() ? entry.resources() : null);
    }

    /** The same rule over the members, for callers that have not built the entry yet. */
    public static long sizeOf(boolean hasTime, String source, String detailType, String detail, List<String> resources) {
        long size = hasTime ? TIME_BYTES : 0;
        size += utf8Length(source) + utf8Length(detailType) + utf8Length(detail);
        if (resources != null) {
            for (String resource : resources) {
                size += utf8Length(resource);
            }
        }
        return size;
    }

    /**
     * The number of bytes {@code text} takes in UTF-8, counted without encoding. An unpaired surrogate counts 3 bytes
     * (the most any encoder can emit for it), so the count never under-estimates what goes on the wire.
     */
    public static long utf8Length(CharSequence text) {
        if (text == null) {
            return 0;
        }
        int n = text.length();
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // a pair of chars, 4 bytes
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }
}
