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

    /** The earliest timestamp accepted: 0000-01-01T00:00:00Z. */
    public static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    /** The latest timestamp accepted: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final String RANGE = "between " + MIN + " and " + MAX;
    /** Epoch seconds text longer than this is no timestamp (and would make BigDecimal parsing slow). */
    private static final int MAX_NUMBER_TEXT = 64;

    private EventTimestamps() {
    }

    /**
     * An {@link Instant}, {@link Date}, {@link Calendar}, {@link OffsetDateTime}, {@link ZonedDateTime}, a Number of
     * epoch milliseconds, or ISO-8601 text with a zone or offset; null for null. The result is always within
     * {@link #MIN} and {@link #MAX}, so the AWS SDK can write it.
     *
     * @param  field                    names the source of the value in the error message
     * @throws FieldValidationException for any other value, a number that is not finite or not whole milliseconds
     *                                  in range, or a time outside the range
     */
    public static Instant fromHeader(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return inRange(instant, field, -1);
        }
        if (value instanceof Date date) {
            return inRange(date.toInstant(), field, -1);
        }
        if (value instanceof Calendar calendar) {
            return inRange(calendar.toInstant(), field, -1);
        }
        if (value instanceof OffsetDateTime odt) {
            return inRange(odt.toInstant(), field, -1);
        }
        if (value instanceof ZonedDateTime zdt) {
            return inRange(zdt.toInstant(), field, -1);
        }
        if (value instanceof Number millis) {
            return inRange(Instant.ofEpochMilli(epochMillis(millis, field)), field, -1);
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
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeException e) {
            throw new FieldValidationException(field, "ISO-8601 date-time with zone, e.g. 2024-05-01T10:15:30Z",
                    "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'", index);
        }
        return inRange(instant, field, index);
    }

    /**
     * Epoch seconds as the APIs and the CLI write them, fractions allowed (rounded to nanoseconds). Cheap for any
     * value: magnitude and scale are checked before any arithmetic, so {@code 1e999999999} is refused at once instead
     * of computing a number with a billion digits.
     */
    public static Instant ofEpochSeconds(BigDecimal seconds, String field, int index) {
        BigDecimal value = seconds;
        // digits before the point: precision - scale; more than 19 cannot be a long number of seconds
        if (value.signum() != 0 && (long) value.precision() - value.scale() > 19) {
            throw outOfRange(field, value, index);
        }
        // below a nanosecond (|value| < 1e-10): the epoch itself
        if (value.signum() == 0 || (long) value.scale() - value.precision() >= 10) {
            return Instant.EPOCH;
        }
        try {
            BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
            long nanos = value.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValue();
            return inRange(Instant.ofEpochSecond(whole.longValueExact(), nanos), field, index);
        } catch (ArithmeticException | DateTimeException e) {
            throw outOfRange(field, value, index);
        }
    }

    /**
     * Epoch seconds as any Number (e.g. the value of a parsed JSON number: Integer, Long, BigInteger, Double or
     * BigDecimal). A Double or Float that is not finite is refused like any value out of range.
     */
    public static Instant ofEpochSeconds(Number seconds, String field, int index) {
        if (seconds instanceof BigDecimal decimal) {
            return ofEpochSeconds(decimal, field, index);
        }
        if (seconds instanceof java.math.BigInteger integer) {
            return ofEpochSeconds(new BigDecimal(integer), field, index);
        }
        if (seconds instanceof Double || seconds instanceof Float) {
            double d = seconds.doubleValue();
            if (!Double.isFinite(d)) {
                throw new FieldValidationException(field, "epoch seconds " + RANGE, "'" + d + "'", index);
            }
            return ofEpochSeconds(BigDecimal.valueOf(d), field, index);
        }
        if (seconds instanceof Long || seconds instanceof Integer || seconds instanceof Short
                || seconds instanceof Byte) {
            return ofEpochSeconds(BigDecimal.valueOf(seconds.longValue()), field, index);
        }
        Instant instant = ofEpochSecondsText(String.valueOf(seconds), field, index);
        if (instant == null) {
            throw new FieldValidationException(field, "epoch seconds " + RANGE, "a " + seconds.getClass().getName(),
                    index);
        }
        return instant;
    }

    /**
     * Epoch seconds written as text (e.g. by the CLI), fractions allowed; null when the text is not a plain decimal
     * number (the caller may then try ISO-8601).
     */
    public static Instant ofEpochSecondsText(String text, String field, int index) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            return null;
        }
        return ofEpochSeconds(value, field, index);
    }

    /**
     * A timestamp as the AWS CLI's JSON input writes it: epoch seconds as a JSON number (fractions allowed) or as
     * text, or ISO-8601 text. The one parser of CLI timestamps, for PutPartnerEvents' {@code Time} and
     * SendDataIntegrationEvent's {@code eventTimestamp} alike.
     */
    public static Instant fromCliJson(com.fasterxml.jackson.databind.JsonNode value, String field, int index) {
        if (value.isNumber()) {
            // numberValue, not decimalValue: a double that overflowed to Infinity is refused, not thrown at
            return ofEpochSeconds(value.numberValue(), field, index);
        }
        if (value.isTextual()) {
            return fromCliText(value.textValue(), field, index);
        }
        throw new FieldValidationException(field, "epoch seconds or ISO-8601 text",
                "a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT), index);
    }

    /** A CLI timestamp given as text: epoch seconds (fractions allowed) or ISO-8601. */
    public static Instant fromCliText(String text, String field, int index) {
        String trimmed = text.trim();
        // a number as the CLI reads one (like Python's float(): 1700000000, 1.7e9, -5.5)
        if (!trimmed.isEmpty() && (Character.isDigit(trimmed.charAt(0)) || trimmed.charAt(0) == '-'
                                   || trimmed.charAt(0) == '+' || trimmed.charAt(0) == '.')
                && trimmed.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e'
                                                 || c == 'E')) {
            Instant seconds = ofEpochSecondsText(trimmed, field, index);
            if (seconds != null) {
                return seconds;
            }
            // not a number after all (or far too long for one): fall through to ISO-8601
        }
        return parseIso(trimmed, field, index);
    }

    /** The instant itself when it is within {@link #MIN} and {@link #MAX}. */
    public static Instant inRange(Instant instant, String field, int index) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new FieldValidationException(field, "a time " + RANGE, "'" + instant + "'", index);
        }
        return instant;
    }

    private static long epochMillis(Number millis, String field) {
        if (millis instanceof Double || millis instanceof Float) {
            double d = millis.doubleValue();
            if (!Double.isFinite(d)) {
                throw new FieldValidationException(field, "epoch milliseconds " + RANGE, "'" + d + "'", -1);
            }
            if (Math.abs(d) >= 9.2e18) {
                throw new FieldValidationException(field, "epoch milliseconds " + RANGE, "'" + d + "'", -1);
            }
            return (long) Math.floor(d);
        }
        if (millis instanceof BigDecimal || millis instanceof java.math.BigInteger) {
            BigDecimal exact = millis instanceof BigDecimal bd ? bd : new BigDecimal((java.math.BigInteger) millis);
            if (exact.signum() != 0 && (long) exact.precision() - exact.scale() > 19) {
                throw new FieldValidationException(field, "epoch milliseconds " + RANGE, abbreviate(exact), -1);
            }
            try {
                return exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            } catch (ArithmeticException e) {
                throw new FieldValidationException(field, "epoch milliseconds " + RANGE, abbreviate(exact), -1);
            }
        }
        if (millis instanceof Long || millis instanceof Integer || millis instanceof Short || millis instanceof Byte
                || millis instanceof java.util.concurrent.atomic.AtomicInteger
                || millis instanceof java.util.concurrent.atomic.AtomicLong) {
            return millis.longValue();
        }
        // another Number type: go through its decimal text, exactly
        String text = String.valueOf(millis);
        BigDecimal exact;
        try {
            if (text.length() > MAX_NUMBER_TEXT) {
                throw new NumberFormatException("too long");
            }
            exact = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FieldValidationException(field, "epoch milliseconds " + RANGE,
                    "a " + millis.getClass().getName(), -1);
        }
        return epochMillis(exact, field);
    }

    private static FieldValidationException outOfRange(String field, BigDecimal value, int index) {
        return new FieldValidationException(field, "epoch seconds " + RANGE, abbreviate(value), index);
    }

    private static String abbreviate(BigDecimal value) {
        String text = value.precision() > 40 || Math.abs((long) value.scale()) > 40 ? value.toString()
                : value.toPlainString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
