package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordCountTest {

    @Test
    void anArrayHoldsItsTopLevelElementsAnythingElseOneRecord() {
        assertThat(RecordCount.of("{\"id\":\"a\"}")).isEqualTo(1);
        assertThat(RecordCount.of("  [ {\"id\":\"a\"} ]")).isEqualTo(1);
        assertThat(RecordCount.of("[{\"id\":\"a\",\"n\":[1,2,3]},{\"id\":\"b,]\\\"[\"},{}]")).isEqualTo(3);
        assertThat(RecordCount.of("[1, 2, \"three\"]")).isEqualTo(3);
        assertThat(RecordCount.of("[]")).isZero();
        assertThat(RecordCount.of("[ ]")).isZero();
        assertThat(RecordCount.of("\"text\"")).isEqualTo(1);
        assertThat(RecordCount.of("")).isEqualTo(1);
        assertThat(RecordCount.of(null)).isZero();
    }
}
