package io.github.camelawsevents.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped sample files, read independently of the routes (plain split for the CSV files, which hold no quoted
 * cells), so the tests can say what the emulator must hold.
 */
final class SampleData {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleData() {
    }

    /** The orders of inbound-orders.json, each with its "lines". */
    static List<Map<String, Object>> orders() {
        try (InputStream in = open("inbound-orders.json")) {
            return MAPPER.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a CSV file, blank cells left out. */
    static List<Map<String, String>> csv(String file) {
        String[] lines = text(file).split("\n");
        String[] columns = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) {
                if (!cells[c].isBlank()) {
                    row.put(columns[c], cells[c]);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The business events of saas-events.jsonl, one JSON object per line. */
    static List<JsonNode> saasEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (String line : text("saas-events.jsonl").split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return events;
    }

    /** {@code rows} grouped by {@code column}, groups and rows in file order. */
    static Map<String, List<Map<String, String>>> groupBy(List<Map<String, String>> rows, String column) {
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.get(column), k -> new ArrayList<>()).add(r));
        return groups;
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static String text(String file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = SampleData.class.getClassLoader().getResourceAsStream("data/" + file);
        if (in == null) {
            throw new IllegalStateException("data/" + file + " is not on the classpath");
        }
        return in;
    }
}
