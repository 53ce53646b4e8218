package io.github.camelawsevents.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

    static Summary summary(String id, double eventsPerSecond, double cpuMsPerThousand) {
        return new Summary(id, 0, 10_000, 3, eventsPerSecond, eventsPerSecond / 20, cpuMsPerThousand, 10, 1.5, 9.25,
                64, 20, 1, true);
    }

    @Test
    void ratiosAreShownWithPrecisionThatFitsTheirSize() {
        assertThat(ResultTable.ratio(1, 1)).isEqualTo("1.00×");
        assertThat(ResultTable.ratio(3, 4)).isEqualTo("0.75×");
        assertThat(ResultTable.ratio(123, 10)).isEqualTo("12.3×");
        assertThat(ResultTable.ratio(15_000, 50)).isEqualTo("300×");
    }

    @Test
    void aRatioToNothingIsADash() {
        assertThat(ResultTable.ratio(5, 0)).isEqualTo("–");
        assertThat(ResultTable.ratio(5, Double.NaN)).isEqualTo("–");
    }

    @Test
    void numbersAreRoundedToThreeSignificantFigures() {
        assertThat(ResultTable.decimal(1234.4)).isEqualTo("1,234");
        assertThat(ResultTable.decimal(12.345)).isEqualTo("12.3");
        assertThat(ResultTable.decimal(1.2345)).isEqualTo("1.23");
        assertThat(ResultTable.decimal(0.12345)).isEqualTo("0.123");
        assertThat(ResultTable.decimal(0)).isEqualTo("0.00");
        assertThat(ResultTable.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void eachRowStatesItsRatioToContenderOneAndToTheLimit() {
        Summary peer = summary("peer", 100, 500);
        Summary ours = summary("ours", 9_000, 60);
        Summary limit = summary("limit", 10_000, 50);
        String table = ResultTable.comparison(List.of(
                new ResultTable.Row("1. peer", peer), new ResultTable.Row("4. ours", ours),
                new ResultTable.Row("5. limit", limit)), peer, limit);
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("events/s", "× c1", "× limit", "CPU × limit");
        assertThat(lines.get(1)).startsWith("|:--").endsWith("-:|");
        assertThat(cells(lines.get(3))).containsSequence("9,000", "90.0×", "0.90×", "450", "60.0", "1.20×");
        assertThat(cells(lines.get(2))).containsSequence("100", "1.00×", "0.01×");
        assertThat(cells(lines.get(4))).containsSequence("10,000", "100×", "1.00×");
    }

    @Test
    void aMissingBaselineOrLimitLeavesDashesAndAnIncompleteRowSaysSo() {
        Summary broken = new Summary("x", 0, 10, 1, 5, 5, 1, 1, 1, 1, 1, -1, 1, false);
        String table = ResultTable.comparison(List.of(new ResultTable.Row("x", broken)), null, null);
        List<String> row = cells(table.lines().toList().get(2));
        assertThat(row.get(0)).isEqualTo("x (INCOMPLETE)");
        assertThat(row.get(3)).isEqualTo("–");
        assertThat(row.get(4)).isEqualTo("–");
        assertThat(row.get(11)).isEqualTo("–");
    }

    @Test
    void theScaleTableHasOneRowPerN() {
        String table = ResultTable.scale(List.of(new ResultTable.Row("4. ours", summary("ours", 9_000, 60))));
        assertThat(table.lines()).hasSize(3);
        assertThat(cells(table.lines().toList().get(2))).containsSequence("4. ours", "10,000", "1.00", "9,000");
    }

    private static List<String> cells(String line) {
        return List.of(line.substring(1, line.length() - 1).split("\\|")).stream().map(String::trim).toList();
    }
}
