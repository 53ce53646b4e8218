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
     * (most messages carry none). Camel keeps headers in a map sorted case-insensitively, where every name that starts
     * with the prefix sorts at or right after it; for headers kept any other way (a custom {@code HeadersMapFactory})
     * this answers true and the caller looks them up one by one.
     */
    public static boolean mayHaveAny(Message message, String prefix) {
        if (!message.hasHeaders()) {
            return false;
        }
        Map<String, Object> headers = message.getHeaders();
        if (headers instanceof NavigableMap<String, Object> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            String next = sorted.ceilingKey(prefix);
            return next != null && next.regionMatches(true, 0, prefix, 0, prefix.length());
        }
        return true;
    }
}
