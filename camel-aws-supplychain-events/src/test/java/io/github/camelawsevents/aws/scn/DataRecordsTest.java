package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataRecordsTest {

    /** A record {"k":"vvv"} of exactly {@code length} characters (at least 8). */
    static String record(int length) {
        return "{\"k\":\"" + "v".repeat(length - 8) + "\"}";
    }

    static String array(String... records) {
        return "[" + String.join(",", records) + "]";
    }

    @Test
    void oneObjectIsOneRecord() {
        DataRecords r = DataRecords.scan("{\"id\":\"1\",\"nested\":{\"a\":[1,2]}}");
        assertThat(r.count()).isEqualTo(1);
        assertThat(r.isArray()).isFalse();
        assertThat(r.record(0)).isEqualTo("{\"id\":\"1\",\"nested\":{\"a\":[1,2]}}");
    }

    @Test
    void anArrayOfObjectsIsManyRecordsKeptExactlyAsWritten() {
        DataRecords r = DataRecords.scan(" [ {\"a\" : 1} ,\n{\"b\":\"x\\\"y\"} ] ");
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.isArray()).isTrue();
        assertThat(r.record(0)).isEqualTo("{\"a\" : 1}");
        assertThat(r.record(1)).isEqualTo("{\"b\":\"x\\\"y\"}");
        assertThat(r.recordLength(1)).isEqualTo(r.record(1).length());
    }

    @Test
    void textThatFitsIsSentAsItIsWithoutACopy() {
        String text = " [ {\"a\":1} , {\"b\":2} ] ";
        List<String> data = DataRecords.scan(text).eventData(1000);
        assertThat(data).hasSize(1);
        assertThat(data.get(0)).isSameAs(text);
    }

    @Test
    void notAnObjectOrArrayOfObjectsIsRefused() {
        assertThatThrownBy(() -> DataRecords.scan("\"text\"")).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("data").hasMessageContaining("a JSON string");
        assertThatThrownBy(() -> DataRecords.scan("42")).hasMessageContaining("a JSON number");
        assertThatThrownBy(() -> DataRecords.scan("null")).hasMessageContaining("JSON null");
        assertThatThrownBy(() -> DataRecords.scan("[{\"a\":1},[1]]"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("a JSON array");
        assertThatThrownBy(() -> DataRecords.scan("[{\"a\":1},\"x\"]")).hasMessageContaining("entry 1");
    }

    @Test
    void malformedOrTrailingOrEmptyTextIsRefused() {
        assertThatThrownBy(() -> DataRecords.scan("{\"a\":")).hasMessageContaining("valid JSON");
        assertThatThrownBy(() -> DataRecords.scan("{\"a\":1} {\"b\":2}")).hasMessageContaining("trailing content");
        assertThatThrownBy(() -> DataRecords.scan("")).hasMessageContaining("missing");
        assertThatThrownBy(() -> DataRecords.scan("   ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> DataRecords.scan("[]")).hasMessageContaining("an empty array");
        assertThatThrownBy(() -> DataRecords.ofRecords(List.of())).hasMessageContaining("an empty collection");
    }

    @Test
    void connectionIdAtTheTopLevelOfAnyRecordIsFound() {
        DataRecords.scan("[{\"a\":1},{\"nested\":{\"connection_id\":\"x\"}}]").checkNoConnectionId();
        assertThatThrownBy(() -> DataRecords.scan("[{\"a\":1},{\"connection_id\":\"x\"}]").checkNoConnectionId())
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("connection_id");
        assertThatThrownBy(() -> DataRecords.scan("{\"connection_id\":\"x\"}").checkNoConnectionId())
                .hasMessageContaining("connection_id");
        assertThatThrownBy(() -> DataRecords.ofRecords(List.of("{}", "{}", "{\"connection_id\":1}"))
                .checkNoConnectionId())
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.getIndex()).isEqualTo(2));
    }

    @Test
    void anObjectWithEventTypeAndDataKeysIsRequestShaped() {
        assertThat(DataRecords.scan("{\"eventType\":\"x\",\"data\":\"{}\"}").isRequestShaped()).isTrue();
        assertThat(DataRecords.scan("{\"eventType\":\"x\"}").isRequestShaped()).isFalse();
        assertThat(DataRecords.scan("{\"data\":\"x\"}").isRequestShaped()).isFalse();
        assertThat(DataRecords.scan("{\"a\":{\"eventType\":\"x\",\"data\":\"{}\"}}").isRequestShaped()).isFalse();
        assertThat(DataRecords.scan("[{\"eventType\":\"x\",\"data\":\"{}\"}]").isRequestShaped()).isFalse();
    }

    @Test
    void recordsGivenOneByOneAreSentAsAnArray() {
        DataRecords r = DataRecords.ofRecords(List.of("{\"a\":1}", " {\"b\":2} "));
        assertThat(r.text()).isEqualTo("[{\"a\":1},{\"b\":2}]");
        assertThat(r.eventData(100)).containsExactly("[{\"a\":1},{\"b\":2}]");
        assertThatThrownBy(() -> DataRecords.ofRecords(List.of("{}", "[{}]")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThatThrownBy(() -> DataRecords.ofRecords(List.of("{}", "nope")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
    }

    @Test
    void anArrayOfExactlyTheLimitIsOneEventAndOneMoreCharacterSplitsIt() {
        // [a,b] = 2 + 10 + 10 + 1 = 23
        String text = array(record(10), record(10));
        assertThat(text).hasSize(23);
        assertThat(DataRecords.scan(text).eventData(23)).containsExactly(text);
        assertThat(DataRecords.scan(text).eventData(22)).containsExactly(array(record(10)), array(record(10)));
    }

    @Test
    void commasAndBracketsAreCountedWhenPacking() {
        // three records of 10: [a,b,c] = 2 + 30 + 2 = 34; limit 33 fits two (23) then one (12)
        DataRecords r = DataRecords.ofRecords(List.of(record(10), record(10), record(10)));
        assertThat(r.eventData(34)).hasSize(1);
        assertThat(r.eventData(33)).extracting(String::length).containsExactly(23, 12);
        assertThat(r.eventData(23)).extracting(String::length).containsExactly(23, 12);
        assertThat(r.eventData(22)).extracting(String::length).containsExactly(12, 12, 12);
    }

    @Test
    void whitespaceBetweenRecordsIsDroppedWhenSplitting() {
        String text = "[ " + record(10) + " ,\n " + record(10) + " ]";
        assertThat(text.length()).isGreaterThan(23);
        assertThat(DataRecords.scan(text).eventData(23)).containsExactly(array(record(10), record(10)));
    }

    @Test
    void aRecordInAnArrayMayBeTwoLessThanTheLimit() {
        String text = array(record(8), record(18));
        assertThat(DataRecords.scan(text).eventData(20)).containsExactly(array(record(8)), array(record(18)));
        assertThatThrownBy(() -> DataRecords.scan(array(record(8), record(19))).eventData(20))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getActual()).isEqualTo("19 characters");
                });
    }

    @Test
    void oneObjectMayBeExactlyTheLimitButNotMore() {
        assertThat(DataRecords.scan(record(20)).eventData(20)).containsExactly(record(20));
        assertThat(DataRecords.scan("  " + record(20) + "\n").eventData(20)).containsExactly(record(20));
        assertThatThrownBy(() -> DataRecords.scan(record(21)).eventData(20))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.getActual()).isEqualTo("21 characters"));
    }

    @Test
    void multibyteCharactersCountOnceAndSurrogatePairsTwice() {
        String accented = "{\"k\":\"" + "é".repeat(4) + "\"}"; // 12 characters, 16 UTF-8 bytes
        String emoji = "{\"k\":\"" + "\uD83D\uDE00".repeat(2) + "\"}"; // 12 UTF-16 units, 2 code points
        assertThat(accented).hasSize(12);
        assertThat(emoji).hasSize(12);
        String text = array(accented, emoji); // 2 + 12 + 12 + 1 = 27
        assertThat(DataRecords.scan(text).eventData(27)).containsExactly(text);
        List<String> split = DataRecords.scan(text).eventData(26);
        assertThat(split).containsExactly(array(accented), array(emoji));
        // a surrogate pair is never cut
        assertThat(split.get(1)).contains("\uD83D\uDE00\uD83D\uDE00");
    }

    @Test
    void splittingAtTheRealLimitIsExact() {
        int limit = ScnConstraints.DATA_MAX_LENGTH;
        // two records that fill the limit exactly: 2 + a + b + 1 = limit
        int a = 600_000;
        int b = limit - 3 - a;
        String exact = array(record(a), record(b));
        assertThat(exact).hasSize(limit);
        assertThat(DataRecords.scan(exact).eventData(limit)).hasSize(1);
        String over = array(record(a), record(b + 1));
        assertThat(DataRecords.scan(over).eventData(limit)).extracting(String::length)
                .containsExactly(a + 2, b + 3);
        assertThat(DataRecords.scan(array(record(limit - 2))).eventData(limit)).hasSize(1);
        assertThatThrownBy(() -> DataRecords.scan(array(record(limit - 1))).eventData(limit))
                .isInstanceOf(FieldValidationException.class);
    }

    /** Random records and limits: order kept, every event within the limit, greedy (no event could take one more). */
    @Test
    void randomSplitsKeepOrderRespectTheLimitAndAreGreedy() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int limit = 20 + random.nextInt(200);
            List<String> records = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                records.add(record(8 + random.nextInt(limit - 9)));
            }
            DataRecords r = random.nextBoolean()
                    ? DataRecords.ofRecords(records)
                    : DataRecords.scan(" [ " + String.join(" , ", records) + " ] ");
            List<String> data = r.eventData(limit);
            List<String> back = new ArrayList<>();
            for (int k = 0; k < data.size(); k++) {
                String d = data.get(k);
                assertThat(d.length()).isLessThanOrEqualTo(limit);
                JsonNode node = Json.parse(d, "data", -1);
                node.forEach(e -> back.add(e.toString()));
                if (k + 1 < data.size()) {
                    int nextRecord = Json.parse(data.get(k + 1), "data", -1).get(0).toString().length();
                    assertThat(d.length() + 1 + nextRecord).as("greedy").isGreaterThan(limit);
                }
            }
            assertThat(back).isEqualTo(records);
        }
    }
}
