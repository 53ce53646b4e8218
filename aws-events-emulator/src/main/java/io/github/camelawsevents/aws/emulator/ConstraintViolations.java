package io.github.camelawsevents.aws.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects model-constraint violations into one ValidationException message, in the service's wording. */
final class ConstraintViolations {

    private static final int MAX_ECHOED_VALUE = 100;

    private final List<String> violations = new ArrayList<>(2);

    void missing(String member) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    void add(String member, String value, String constraint) {
        violations.add("Value " + (value == null ? "" : "'" + echo(value) + "' ") + "at '" + member
                + "' failed to satisfy constraint: Member must " + constraint);
    }

    /**
     * A pattern violation, quoting the pattern as the model writes it: without the {@code ^…$} anchors our
     * matcher uses (Smithy patterns are written unanchored; the services print them so).
     */
    void pattern(String member, String value, Pattern pattern) {
        pattern(member, value, modelPattern(pattern));
    }

    /** A pattern violation quoting {@code modelPattern}, the pattern as the model writes it. */
    void pattern(String member, String value, String modelPattern) {
        add(member, value, "satisfy regular expression pattern: " + modelPattern);
    }

    static String modelPattern(Pattern pattern) {
        String text = pattern.pattern();
        if (text.startsWith("^")) {
            text = text.substring(1);
        }
        if (text.endsWith("$") && !text.endsWith("\\$")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /**
     * A length limit on every item of a list of strings (in code points), reported once for the list as the
     * services word it: {@code Value '[…]' at 'm' failed to satisfy constraint: Member must satisfy constraint:
     * [Member must have length less than or equal to N]}.
     */
    void itemsMaxLength(String member, List<String> values, int max) {
        for (String item : values) {
            if (item.length() > max && Utf8.codePointLength(item) > max) {
                add(member, values.toString(), "satisfy constraint: [Member must have length less than or equal to "
                        + max + "]");
                return;
            }
        }
    }

    /** A violation whose value must not be echoed (sensitive or large members). */
    void addWithoutValue(String member, String constraint) {
        add(member, null, constraint);
    }

    /** Checks a length in Unicode code points (Smithy's measure); {@code echoValue} false for sensitive members. */
    void length(String member, String value, int min, int max, boolean echoValue) {
        int chars = value.length();
        // code points lie within [chars / 2, chars]: decide without counting when that range is inside [min, max]
        if (chars <= max && chars >= 2 * min) {
            return;
        }
        int length = Utf8.codePointLength(value);
        if (length < min) {
            add(member, echoValue ? value : null,
                    "have length greater than or equal to " + min + " (actual length " + length + ")");
        } else if (length > max) {
            add(member, echoValue ? value : null,
                    "have length less than or equal to " + max + " (actual length " + length + ")");
        }
    }

    int count() {
        return violations.size();
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        String head = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        throw AwsServiceError.validation(head + String.join("; ", violations));
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHOED_VALUE ? value : value.substring(0, MAX_ECHOED_VALUE) + "...";
    }
}
