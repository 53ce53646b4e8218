package io.github.camelawsevents.aws.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimestampsTest {

    private static final Instant AT = Instant.parse("2024-05-01T10:15:30.250Z");

    @Test
    void headerValuesOfEveryUsualTimeTypeBecomeTheSameInstant() {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTime(Date.from(AT));
        for (Object value : new Object[] { AT, Date.from(AT), calendar, AT.toEpochMilli(),
                OffsetDateTime.ofInstant(AT, ZoneOffset.ofHours(2)), ZonedDateTime.ofInstant(AT, ZoneId.of("Asia/Tokyo")),
                "2024-05-01T12:15:30.250+02:00", " 2024-05-01T10:15:30.250Z " }) {
            assertThat(EventTimestamps.fromHeader(value, "Time")).as(value.getClass().getName()).isEqualTo(AT);
        }
        assertThat(EventTimestamps.fromHeader(null, "Time")).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EventTimestamps.fromHeader(new Object(), "eventTimestamp"))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("eventTimestamp");
        assertThatThrownBy(() -> EventTimestamps.fromHeader("yesterday", "Time"))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("'yesterday'");
    }

    @Test
    void epochSecondsKeepTheirFractionAlsoBeforeTheEpoch() {
        assertThat(EventTimestamps.ofEpochSeconds(new BigDecimal("1515531081.123"), "t", -1))
                .isEqualTo(Instant.ofEpochSecond(1515531081, 123_000_000));
        assertThat(EventTimestamps.ofEpochSeconds(new BigDecimal("-1.5"), "t", -1))
                .isEqualTo(Instant.ofEpochMilli(-1500));
        assertThatThrownBy(() -> EventTimestamps.ofEpochSeconds(new BigDecimal("1e30"), "t", 2))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.getIndex()).isEqualTo(2));
    }
}
