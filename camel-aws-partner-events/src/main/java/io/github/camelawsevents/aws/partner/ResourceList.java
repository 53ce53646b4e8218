package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.camelawsevents.aws.core.FieldValidationException;

/** Resources (ARNs) given as a comma-separated text or a collection, as the option and the header take them. */
final class ResourceList {

    private ResourceList() {
    }

    /** Splits comma-separated ARNs, trimming each and dropping empty parts; null for null. */
    static List<String> parse(String commaSeparated) {
        if (commaSeparated == null) {
            return null;
        }
        List<String> out = new ArrayList<>(4);
        for (String part : commaSeparated.split(",")) {
            String arn = part.trim();
            if (!arn.isEmpty()) {
                out.add(arn);
            }
        }
        return List.copyOf(out);
    }

    /** The value of the Resources header: a comma-separated String or a Collection of Strings; null for null. */
    static List<String> fromHeader(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString());
        }
        if (value instanceof Collection<?> items) {
            List<String> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(item == null ? null : item.toString().trim());
            }
            return out;
        }
        throw new FieldValidationException(AwsPartnerEventsConstants.RESOURCES,
                "a List of ARNs or a comma-separated String", "a " + value.getClass().getName(), -1);
    }
}
