package io.github.camelawsevents.examples;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordsTest {

    private final CsvRecords csv = new CsvRecords();

    @Test
    void eachLineBecomesARecordInColumnOrderWithoutItsEmptyCells() {
        List<Map<String, String>> records = csv.records("id,site_id,note\nS1,DC-1,\nS2,,\"a, b\"\n\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsExactly(Map.entry("id", "S1"), Map.entry("site_id", "DC-1"));
        assertThat(records.get(1)).containsExactly(Map.entry("id", "S2"), Map.entry("note", "a, b"));
    }

    @Test
    void aHeaderWithoutRowsHasNoRecords() {
        assertThat(csv.records("id,site_id\n")).isEmpty();
    }
}
