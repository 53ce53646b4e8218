package io.github.camelawsevents.aws.core;

import java.util.Map;
import java.util.NavigableMap;

import org.apache.camel.Message;

/** Header look-ups both producers make on every message. */
public final class MessageHeaders {

    private MessageHeaders() {
    }

    /**
     * Whether the message may carry a header whose name starts with {@code prefix} (ignoring case, as Camel's header
     * names do). False is certain, so a producer that reads several headers of its own skips them all with one look-up
     * (most messages carry none). Camel 4.18 keeps headers in a map sorted case-insensitively (a {@code TreeMap}),
     * where every name that starts with the prefix sorts at or right after it, and each look-up costs a walk down the
     * tree; for headers kept any other way (Camel 4.22's hashed {@code CaseInsensitiveMap}, whose look-ups are cheap,
     * or a custom {@code HeadersMapFactory}) this answers true and the caller looks them up one by one.
     */
    public static boolean mayHaveAny(Message message, String prefix) {
        return message.hasHeaders() && mayHaveAny(message.getHeaders(), prefix);
    }

    /** As {@link #mayHaveAny(Message, String)}, on the headers themselves. */
    static boolean mayHaveAny(Map<String, Object> headers, String prefix) {
        if (headers.isEmpty()) {
            return false;
        }
        if (headers instanceof NavigableMap<String, Object> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            String next = sorted.ceilingKey(prefix);
            return next != null && next.regionMatches(true, 0, prefix, 0, prefix.length());
        }
        return true;
    }
}
