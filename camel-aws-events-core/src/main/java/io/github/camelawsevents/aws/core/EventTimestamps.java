package io.github.camelawsevents.aws.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;

/**
 * Event timestamps from the forms a route or the AWS CLI gives them: header values of the usual Java time types,
 * ISO-8601 text, and the APIs' epoch seconds. Pure functions; errors name the field.
 */
public final class EventTimestamps {

    private EventTimestamps() {
    }

    /**
     * An {@link Instant}, {@link Date}, {@link Calendar}, {@link OffsetDateTime}, {@link ZonedDateTime}, a Number of
     * epoch milliseconds, or ISO-8601 text with a zone or offset; null for null.
     *
     * @param  field                    names the source of the value in the error message
     * @throws FieldValidationException for any other value
     */
    public static Instant fromHeader(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Calendar calendar) {
            return calendar.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        if (value instanceof CharSequence text) {
            return parseIso(text.toString(), field, -1);
        }
        throw new FieldValidationException(field,
                "an Instant, Date, Calendar, OffsetDateTime, ZonedDateTime, epoch milliseconds or ISO-8601 text",
                "a " + value.getClass().getName(), -1);
    }

    /** ISO-8601 text with a zone or offset, e.g. {@code 2024-05-01T10:15:30Z} or {@code 2024-05-01T12:15:30+02:00}. */
    public static Instant parseIso(String text, String field, int index) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeException e) {
            throw new FieldValidationException(field, "ISO-8601 date-time with zone, e.g. 2024-05-01T10:15:30Z",
                    "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'", index);
        }
    }

    /** Epoch seconds as the APIs and the CLI write them, fractions allowed (rounded to nanoseconds). */
    public static Instant ofEpochSeconds(BigDecimal seconds, String field, int index) {
        try {
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValue();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw new FieldValidationException(field, "epoch seconds within the range of a timestamp",
                    seconds.toPlainString(), index);
        }
    }
}
