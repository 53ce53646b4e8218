package io.github.camelawsevents.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders summaries as Markdown tables, with each row's ratios to the group's first contender and to its limit. */
public final class ResultTable {

    /** A labelled row. */
    public record Row(String label, Summary summary) {
    }

    private ResultTable() {
    }

    /**
     * The comparison table of one API in one regime.
     *
     * @param baseline contender 1 of the group (the ratio "× c1"); null when it did not run
     * @param limit    the limit of the group (the ratios "× limit"); null when it did not run
     */
    public static String comparison(List<Row> rows, Summary baseline, Summary limit) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"contender", "N", "events/s", "× c1", "× limit", "requests/s", "CPU ms/1k ev",
            "CPU × limit", "p50 ms", "p99 ms", "heap peak MB", "live MB", "emulator CPU ms/1k ev"});
        for (Row row : rows) {
            Summary s = row.summary();
            cells.add(new String[] {
                row.label() + (s.complete() ? "" : " (INCOMPLETE)"),
                count(s.events()),
                count(Math.round(s.eventsPerSecond())),
                baseline == null ? "–" : ratio(s.eventsPerSecond(), baseline.eventsPerSecond()),
                limit == null ? "–" : ratio(s.eventsPerSecond(), limit.eventsPerSecond()),
                count(Math.round(s.requestsPerSecond())),
                decimal(s.cpuMsPerThousand()),
                limit == null ? "–" : ratio(s.cpuMsPerThousand(), limit.cpuMsPerThousand()),
                decimal(s.p50Ms()),
                decimal(s.p99Ms()),
                String.valueOf(Math.round(s.heapPeakMb())),
                s.liveHeapMb() < 0 ? "–" : String.valueOf(Math.round(s.liveHeapMb())),
                decimal(s.emulatorCpuMsPerThousand())});
        }
        return markdown(cells, 2);
    }

    /** The scale table: the same contender at growing N. */
    public static String scale(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"contender", "N", "seconds", "events/s", "CPU ms/1k ev", "p50 ms", "p99 ms",
            "heap peak MB", "live MB"});
        for (Row row : rows) {
            Summary s = row.summary();
            cells.add(new String[] {
                row.label() + (s.complete() ? "" : " (INCOMPLETE)"),
                count(s.events()),
                decimal(s.seconds()),
                count(Math.round(s.eventsPerSecond())),
                decimal(s.cpuMsPerThousand()),
                decimal(s.p50Ms()),
                decimal(s.p99Ms()),
                String.valueOf(Math.round(s.heapPeakMb())),
                s.liveHeapMb() < 0 ? "–" : String.valueOf(Math.round(s.liveHeapMb()))});
        }
        return markdown(cells, 1);
    }

    /** {@code value / reference} as "12.3×"; "–" when the reference is not positive. */
    public static String ratio(double value, double reference) {
        if (!(reference > 0)) {
            return "–";
        }
        double r = value / reference;
        if (r >= 100) {
            return String.format(Locale.ROOT, "%.0f×", r);
        }
        if (r >= 10) {
            return String.format(Locale.ROOT, "%.1f×", r);
        }
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    /** A count with thousands separators: 1,234,567. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Three significant figures at most, one decimal at least below 100: 0.123, 1.23, 12.3, 123, 1,234. */
    public static String decimal(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A Markdown table; the first {@code textColumns} columns are left-aligned, the others right-aligned. */
    static String markdown(List<String[]> cells, int textColumns) {
        int columns = cells.get(0).length;
        int[] width = new int[columns];
        for (String[] row : cells) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], Math.max(3, row[c].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            sb.append('|');
            for (int c = 0; c < columns; c++) {
                sb.append(' ').append(pad(row[c], width[c], c < textColumns || r == 0)).append(" |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append('|');
                for (int c = 0; c < columns; c++) {
                    sb.append(c < textColumns ? ":" + "-".repeat(width[c] + 1) : "-".repeat(width[c] + 1) + ":");
                    sb.append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(width - s.length());
        return left ? s + fill : fill + s;
    }
}
