package io.github.camelawsevents.aws.partner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

class EntrySizerTest {

    @ParameterizedTest
    @ValueSource(strings = { "", "ascii only", "é", "ünïcödé", "€", "日本語のテキスト", "😀", "a😀b€cé", "\u0000",
                             "\u007f\u0080\u07ff\u0800\uffff" })
    void utf8LengthEqualsTheEncodedLengthOfWellFormedText(String text) {
        assertThat(EntrySizer.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void anUnpairedSurrogateCountsThreeBytesSoTheCountNeverUnderEstimates() {
        assertThat(EntrySizer.utf8Length("\ud83d")).isEqualTo(3);
        assertThat(EntrySizer.utf8Length("a\ude00b")).isEqualTo(5);
        assertThat(EntrySizer.utf8Length(null)).isZero();
    }

    @Test
    void timeCountsFourteenBytesOnlyWhenPresent() {
        PutPartnerEventsRequestEntry without = PutPartnerEventsRequestEntry.builder()
                .source("aws.partner/a/b").detailType("T").detail("{}").build();
        PutPartnerEventsRequestEntry with = without.toBuilder().time(Instant.EPOCH).build();
        assertThat(EntrySizer.sizeOf(without)).isEqualTo(15 + 1 + 2);
        assertThat(EntrySizer.sizeOf(with)).isEqualTo(15 + 1 + 2 + 14);
    }

    @Test
    void sourceDetailTypeDetailAndEachResourceCountTheirUtf8Bytes() {
        PutPartnerEventsRequestEntry entry = PutPartnerEventsRequestEntry.builder()
                .source("aws.partner/x/y")
                .detailType("Größe")
                .detail("{\"name\":\"日本\"}")
                .resources(List.of("arn:aws:s3:::bucket", "arn:aws:s3:::é"))
                .build();
        long expected = 15 + "Größe".getBytes(StandardCharsets.UTF_8).length
                        + "{\"name\":\"日本\"}".getBytes(StandardCharsets.UTF_8).length
                        + 19 + "arn:aws:s3:::é".getBytes(StandardCharsets.UTF_8).length;
        assertThat(EntrySizer.sizeOf(entry)).isEqualTo(expected);
    }

    @Test
    void absentMembersCountNothing() {
        assertThat(EntrySizer.sizeOf(PutPartnerEventsRequestEntry.builder().build())).isZero();
    }
}
