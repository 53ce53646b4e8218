package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Properties of the record check over generated records of the shipped schemas. */
class RecordCheckPropertyTest {

    private static final List<String> EVENT_TYPES = List.copyOf(AscEntitySchemas.shipped().eventTypes()).stream()
            .sorted().toList();

    /** A valid value of a column type, as a Java value Jackson writes. */
    private static Arbitrary<Object> valid(ColumnType type) {
        return switch (type) {
            case STRING -> Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank()).map(s -> s);
            case INT -> Arbitraries.oneOf(Arbitraries.integers().map(i -> i), Arbitraries.integers().map(String::valueOf));
            case LONG -> Arbitraries.oneOf(Arbitraries.longs().map(l -> l), Arbitraries.longs().map(String::valueOf));
            case DOUBLE -> Arbitraries.oneOf(Arbitraries.doubles().map(d -> d),
                    Arbitraries.doubles().map(String::valueOf), Arbitraries.integers().map(i -> i));
            case TIMESTAMP -> Arbitraries.oneOf(
                    Arbitraries.longs().between(0, 9_999_999_999_999L).map(l -> l),
                    Arbitraries.longs().between(0, 9_999_999_999_999L).map(String::valueOf),
                    Arbitraries.of("2024-01-31", "2024-01-31T08:15:00Z", "2024-01-31 08:15:00",
                            "2024-02-29T23:59:59.999+05:30"));
        };
    }

    /** A valid record of a schema: every required column, and some optional ones. */
    private static Arbitrary<Map<String, Object>> validRecord(RecordSchema schema) {
        List<String> optional = schema.columns().stream().filter(c -> !schema.isInternal(c))
                .filter(c -> !schema.required(false).contains(c)).sorted().toList();
        return Arbitraries.subsetOf(optional).ofMaxSize(6).flatMap(chosen -> {
            List<String> columns = new ArrayList<>(schema.required(false));
            columns.addAll(chosen.stream().sorted().toList());
            List<Arbitrary<Object>> values = columns.stream().map(c -> valid(schema.typeOf(c))).toList();
            return Combinators.combine(values).as(vs -> {
                Map<String, Object> record = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    record.put(columns.get(i), vs.get(i));
                }
                return record;
            });
        });
    }

    @Provide
    Arbitrary<Map.Entry<String, Map<String, Object>>> records() {
        return Arbitraries.of(EVENT_TYPES).flatMap(type -> validRecord(AscEntitySchemas.shipped().forEventType(type))
                .map(r -> Map.entry(type, r)));
    }

    @Property(tries = 300)
    void everyValidRecordPassesStrict(@ForAll("records") Map.Entry<String, Map<String, Object>> record) {
        RecordSchema schema = AscEntitySchemas.shipped().forEventType(record.getKey());
        String json = Json.toJsonText(record.getValue());
        assertThat(RecordCheck.check(DataRecords.scan(json), schema, RecordCheckMode.STRICT, false)).isEmpty();
    }

    @Property(tries = 300)
    void droppingARequiredColumnIsRefusedNamingIt(@ForAll("records") Map.Entry<String, Map<String, Object>> record,
                                                  @ForAll("indexes") int pick, @ForAll("batchPositions") int position) {
        RecordSchema schema = AscEntitySchemas.shipped().forEventType(record.getKey());
        List<String> required = schema.required(false);
        String dropped = required.get(pick % required.size());
        Map<String, Object> bad = new LinkedHashMap<>(record.getValue());
        bad.remove(dropped);
        String data = batch(record.getValue(), bad, position);
        RecordCheckException e = catchThrowableOfType(
                () -> RecordCheck.check(DataRecords.scan(data), schema, RecordCheckMode.WARN_UNKNOWN, false),
                RecordCheckException.class);
        assertThat(e).isNotNull();
        assertThat(e.getIndex()).isEqualTo(position);
        assertThat(e.getColumn()).isEqualTo(dropped);
        assertThat(e.getRule()).isEqualTo(RecordRule.REQUIRED);
    }

    @Property(tries = 300)
    void aWrongTypeIsRefusedAndTheMessageNeverHoldsTheValue(
            @ForAll("records") Map.Entry<String, Map<String, Object>> record, @ForAll("indexes") int pick,
            @ForAll("batchPositions") int position) {
        RecordSchema schema = AscEntitySchemas.shipped().forEventType(record.getKey());
        List<String> columns = new ArrayList<>(record.getValue().keySet());
        String column = columns.get(pick % columns.size());
        ColumnType type = schema.typeOf(column);
        // a boolean fits no column type; a string of letters fits only STRING
        Object wrong = type == ColumnType.STRING ? Boolean.TRUE : "zq-secret-" + pick;
        Map<String, Object> bad = new LinkedHashMap<>(record.getValue());
        bad.put(column, wrong);
        String data = batch(record.getValue(), bad, position);
        RecordCheckException e = catchThrowableOfType(
                () -> RecordCheck.check(DataRecords.scan(data), schema, RecordCheckMode.WARN_UNKNOWN, false),
                RecordCheckException.class);
        assertThat(e).isNotNull();
        assertThat(e.getIndex()).isEqualTo(position);
        assertThat(e.getColumn()).isEqualTo(column);
        assertThat(e.getRule()).isIn(RecordRule.TYPE, RecordRule.TIMESTAMP_FORMAT);
        assertThat(e.getMessage()).doesNotContain("zq-secret");
    }

    @Property(tries = 200)
    void unknownColumnsPassWarnAndFailStrict(@ForAll("records") Map.Entry<String, Map<String, Object>> record,
                                             @ForAll("columnNames") String extra) {
        RecordSchema schema = AscEntitySchemas.shipped().forEventType(record.getKey());
        Assume.that(schema.typeOf(extra) == null && !schema.isInternal(extra));
        Map<String, Object> more = new LinkedHashMap<>(record.getValue());
        more.put(extra, "x");
        DataRecords records = DataRecords.scan(Json.toJsonText(more));
        assertThat(RecordCheck.check(records, schema, RecordCheckMode.WARN_UNKNOWN, false)).containsExactly(extra);
        RecordCheckException e = catchThrowableOfType(
                () -> RecordCheck.check(records, schema, RecordCheckMode.STRICT, false), RecordCheckException.class);
        assertThat(e.getRule()).isEqualTo(RecordRule.UNKNOWN_COLUMN);
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<Integer> batchPositions() {
        return Arbitraries.integers().between(0, 4);
    }

    @Provide
    Arbitrary<String> columnNames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_0123456789").ofMinLength(1).ofMaxLength(30);
    }

    /** Five records, all good but the one at {@code position}. */
    private static String batch(Map<String, Object> good, Map<String, Object> bad, int position) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(i == position ? bad : good);
        }
        return Json.toJsonText(records);
    }
}
