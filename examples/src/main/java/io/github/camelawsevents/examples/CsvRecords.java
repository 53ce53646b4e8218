package io.github.camelawsevents.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads CSV text whose first line names the columns into one record (column name to value) per line, in file and
 * column order; bound as bean {@code csv} for the YAML routes. Empty cells are left out of the record, so a record
 * carries only the columns it has values for (the way the Supply Chain data lake treats absent columns).
 */
public final class CsvRecords {

    private final ObjectReader reader = new CsvMapper().enable(CsvParser.Feature.SKIP_EMPTY_LINES).readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader());

    /** The records of {@code csv}. */
    public List<Map<String, String>> records(String csv) {
        List<Map<String, String>> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = reader.readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> record = new LinkedHashMap<>();
                rows.next().forEach((column, value) -> {
                    if (value != null && !value.isBlank()) {
                        record.put(column, value);
                    }
                });
                out.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV input", e);
        }
        return out;
    }
}
