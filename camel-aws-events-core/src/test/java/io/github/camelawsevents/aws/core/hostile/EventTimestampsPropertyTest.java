package io.github.camelawsevents.aws.core.hostile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import io.github.camelawsevents.aws.core.EventTimestamps;
import io.github.camelawsevents.aws.core.FieldValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Event timestamps from hostile values: every value ends as an instant the AWS SDK can write (epoch milliseconds
 * without overflow, years 0000 to 9999) or as a {@link FieldValidationException} naming the field, quickly: a number
 * such as {@code 1e999999999} must not make the conversion compute a billion-digit integer.
 */
class EventTimestampsPropertyTest {

    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Duration QUICK = Duration.ofSeconds(5);

    @Property(tries = 2000, seed = "4242")
    void epochSecondsEndAsAnInstantInRangeOrATypedError(@ForAll("epochSeconds") BigDecimal seconds) {
        assertTimeoutPreemptively(QUICK, () -> {
            try {
                Instant instant = EventTimestamps.ofEpochSeconds(seconds, "eventTimestamp", 3);
                assertSendable(instant);
            } catch (FieldValidationException e) {
                assertThat(e.getField()).isEqualTo("eventTimestamp");
                assertThat(e.getIndex()).isEqualTo(3);
            }
        }, () -> "ofEpochSeconds(" + describe(seconds) + ") did not return within " + QUICK);
    }

    @Property(tries = 2000, seed = "4243")
    void headerValuesEndAsAnInstantInRangeOrATypedError(@ForAll("headerValues") Object value) {
        assertTimeoutPreemptively(QUICK, () -> {
            try {
                Instant instant = EventTimestamps.fromHeader(value, "CamelAwsPartnerEventsTime");
                if (value == null) {
                    assertThat(instant).isNull();
                } else {
                    assertSendable(instant);
                }
            } catch (FieldValidationException e) {
                assertThat(e.getField()).isEqualTo("CamelAwsPartnerEventsTime");
            }
        });
    }

    @Example
    void aHugeExponentIsRefusedQuickly() {
        for (String text : new String[] { "1e999999999", "-1e999999999", "1e-999999999", "-1e-999999999",
                "1e2147483647", "1E-2147483647" }) {
            BigDecimal value = new BigDecimal(text);
            assertTimeoutPreemptively(QUICK, () -> {
                try {
                    assertSendable(EventTimestamps.ofEpochSeconds(value, "Time", -1));
                } catch (FieldValidationException e) {
                    assertThat(e.getField()).isEqualTo("Time");
                }
            }, text);
        }
    }

    @Example
    void numbersThatAreNotTimesAreRefusedNotWrappedAround() {
        // NaN would silently become 1970, and a BigInteger over 64 bits would wrap around to some other time
        for (Object value : new Object[] { Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                BigInteger.TWO.pow(64).add(BigInteger.valueOf(5)), new BigDecimal("1e30"), Long.MAX_VALUE,
                Long.MIN_VALUE }) {
            try {
                Instant instant = EventTimestamps.fromHeader(value, "Time");
                throw new AssertionError(value + " became " + instant);
            } catch (FieldValidationException e) {
                assertThat(e.getField()).isEqualTo("Time");
            }
        }
        assertThat(EventTimestamps.fromHeader(new BigDecimal("1700000000123.9"), "Time"))
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    }

    @Example
    void theRangeEndsAreAcceptedAndOnePastThemIsNot() {
        assertThat(EventTimestamps.parseIso("9999-12-31T23:59:59.999999999Z", "Time", -1)).isEqualTo(MAX);
        assertThat(EventTimestamps.parseIso("0000-01-01T00:00:00Z", "Time", -1)).isEqualTo(MIN);
        for (String text : new String[] { "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z",
                "+999999999-12-31T23:59:59Z" }) {
            try {
                throw new AssertionError(text + " became " + EventTimestamps.parseIso(text, "Time", -1));
            } catch (FieldValidationException e) {
                assertThat(e.getField()).isEqualTo("Time");
            }
        }
    }

    private static void assertSendable(Instant instant) {
        assertThat(instant).isNotNull().isBetween(MIN, MAX);
        // what the AWS SDK does when it writes a timestamp
        instant.toEpochMilli();
    }

    private static String describe(BigDecimal value) {
        return "unscaled " + (value.unscaledValue().bitLength() > 64 ? value.unscaledValue().bitLength() + " bits"
                : value.unscaledValue()) + ", scale " + value.scale();
    }

    @Provide
    Arbitrary<BigDecimal> epochSeconds() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L),
                        BigInteger.valueOf(1_000_000_000_000L)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(Long.MAX_VALUE),
                        BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(253_402_300_799L),
                        BigInteger.valueOf(253_402_300_800L), BigInteger.valueOf(-62_167_219_200L),
                        BigInteger.valueOf(-62_167_219_201L)));
        Arbitrary<Integer> scale = Arbitraries.oneOf(
                Arbitraries.integers().between(-20, 30),
                Arbitraries.integers().between(-1_000_000_000, 1_000_000_000),
                Arbitraries.of(Integer.MIN_VALUE + 1, Integer.MAX_VALUE, 0, 9, 10, -19));
        return unscaled.flatMap(u -> scale.map(s -> new BigDecimal(u, s)));
    }

    @Provide
    Arbitrary<Object> headerValues() {
        Arbitrary<Object> numbers = Arbitraries.oneOf(
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0d, Double.MAX_VALUE,
                        Double.MIN_VALUE, Float.NaN, Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_799_999L,
                        253_402_300_800_000L, -62_167_219_200_000L, -62_167_219_200_001L, (short) 7, (byte) -1),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70))
                        .map(Object.class::cast),
                epochSeconds().map(Object.class::cast));
        Arbitrary<Object> texts = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60).map(Object.class::cast),
                Arbitraries.of("2024-05-01T10:15:30Z", "2024-05-01T12:15:30+02:00", " 2024-05-01T10:15:30Z ",
                        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                        "+10000-01-01T00:00:00Z", "2024-13-01T00:00:00Z", "2024-05-01T10:15:30", "", "   ",
                        "1700000000", "NaN", "1e999999999"),
                Arbitraries.strings().withChars('0', '9').ofMinLength(1_000).ofMaxLength(20_000).map(Object.class::cast));
        Arbitrary<Object> times = Arbitraries.oneOf(
                Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L)
                        .map(s -> (Object) Instant.ofEpochSecond(s)),
                Arbitraries.of(Instant.MAX, Instant.MIN, Instant.EPOCH, new Date(Long.MAX_VALUE), new Date(Long.MIN_VALUE),
                        OffsetDateTime.MAX, OffsetDateTime.MIN, OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                Arbitraries.longs().map(ms -> {
                    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
                    c.setTimeInMillis(ms);
                    return (Object) c;
                }));
        Arbitrary<Object> wrongTypes = Arbitraries.of(new Object(), Boolean.TRUE, 'x', Map.of("a", 1), Optional.empty(),
                new int[] { 1 }, new StringBuilder("2024-05-01T10:15:30Z"), Duration.ofSeconds(5));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(4, numbers), net.jqwik.api.Tuple.of(4, texts),
                net.jqwik.api.Tuple.of(3, times), net.jqwik.api.Tuple.of(1, wrongTypes));
    }
}
