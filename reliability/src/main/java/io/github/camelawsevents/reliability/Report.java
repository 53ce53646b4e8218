package io.github.camelawsevents.reliability;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The results of a suite run, as a plain-text table and as markdown. */
public final class Report {

    private static final String[] COLUMNS = {"scenario", "component", "events", "stored (distinct)", "lost",
        "duplicates", "order violations", "dead-lettered", "faults injected", "time (s)", "peak heap / after GC (MB)",
        "result"};

    private final int events;
    private final long seed;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final List<ScenarioResult> probes = new ArrayList<>();
    private String emulator = "";

    Report(int events, long seed) {
        this.events = events;
        this.seed = seed;
    }

    void emulator(String description) {
        this.emulator = description;
    }

    void add(ScenarioResult r) {
        results.add(r);
    }

    void probe(ScenarioResult r) {
        probes.add(r);
    }

    public List<ScenarioResult> results() {
        return results;
    }

    public long passedCount() {
        return results.stream().filter(ScenarioResult::passed).count()
               + probes.stream().filter(ScenarioResult::passed).count();
    }

    public long failedCount() {
        return results.size() + probes.size() - passedCount();
    }

    private static List<String> row(ScenarioResult r) {
        String name = r.name().contains(":") ? r.name().substring(0, r.name().indexOf(':')) : r.name();
        return List.of(name, str(r.metric("component")), num(r.metric("events")),
                r.metric("stored") == null ? "" : num(r.metric("stored")) + " (" + num(r.metric("stored distinct")) + ")",
                withPercent(r, "lost"), duplicates(r), str(r.metric("order violations")),
                str(r.metric("dead-lettered")), faults(r), str(r.metric("time (s)")),
                r.metric("peak heap (MB)") == null ? str(r.metric("peak heap after GC (MB), small / full"))
                        : r.metric("peak heap (MB)") + " / " + r.metric("peak heap after GC (MB)"),
                r.name().startsWith("peer-") ? "measured" : r.passed() ? "PASS" : "FAIL");
    }

    private static String duplicates(ScenarioResult r) {
        if (r.metric("silently dropped (reported delivered, not stored)") != null) {
            return str(r.metric("duplicates stored")) + "; silently dropped: "
                   + num(r.metric("silently dropped (reported delivered, not stored)")) + " ("
                   + r.metric("silently dropped %") + "%)";
        }
        if (r.metric("duplicates stored") == null) {
            return "";
        }
        String s = num(r.metric("duplicates stored"));
        if (r.metric("faults: lost responses") != null && "aws-partner-events".equals(r.metric("component"))) {
            s += " (" + num(r.metric("faults: lost responses")) + " lost responses)";
        }
        return s;
    }

    private static String withPercent(ScenarioResult r, String key) {
        Object v = r.metric(key);
        if (v == null) {
            return "";
        }
        Object p = r.metric(key + " %");
        return p == null ? num(v) : num(v) + " (" + p + "%)";
    }

    private static String faults(ScenarioResult r) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
            if (e.getKey().startsWith("faults: ") && !e.getKey().endsWith("latency added")
                    && e.getValue() instanceof Number n && n.longValue() > 0) {
                sb.append(sb.length() > 0 ? ", " : "").append(e.getKey().substring(8)).append(' ').append(num(n));
            }
        }
        if (r.metric("idempotent replays") != null) {
            sb.append("; idempotent replays ").append(num(r.metric("idempotent replays")));
        }
        if (r.longMetric("Camel redeliveries") > 0) {
            sb.append("; Camel redeliveries ").append(num(r.metric("Camel redeliveries")));
        }
        return sb.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String num(Object o) {
        return o instanceof Number n ? String.format("%,d", n.longValue()) : str(o);
    }

    /** A plain-text table for the console. */
    public String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(COLUMNS));
        results.forEach(r -> rows.add(row(r)));
        int[] width = new int[COLUMNS.length];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.min(60, Math.max(width[i], row.get(i).length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(String.format("%-" + width[i] + "s", cell.length() > 60 ? cell.substring(0, 57) + "..." : cell));
                sb.append(i + 1 < row.size() ? " | " : "\n");
            }
        }
        return sb.toString();
    }

    /** The markdown snippet for RELIABILITY.md. */
    public String markdown(String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("Command: `").append(command).append("`\n\n");
        sb.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", ")
                .append(String.format("%,d", events)).append(" events per scenario, seed ").append(seed).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" at the end, Java ").append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB, Camel ")
                .append(Versions.of("org.apache.camel", "camel-api")).append(", AWS SDK ")
                .append(Versions.of("software.amazon.awssdk", "sdk-core")).append(", ").append(emulator)
                .append(".\n\n");
        sb.append('|');
        for (String c : COLUMNS) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < COLUMNS.length; i++) {
            sb.append("---|");
        }
        sb.append('\n');
        for (ScenarioResult r : results) {
            sb.append('|');
            for (String cell : row(r)) {
                sb.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\n").append(passedCount()).append(" passed, ").append(failedCount()).append(" failed\n");
        List<ScenarioResult> all = new ArrayList<>(probes);
        all.addAll(results);
        for (ScenarioResult r : all) {
            sb.append("\n#### ").append(r.name()).append("\n\n").append(r.description()).append("\n\n");
            r.metrics().forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
            sb.append('\n');
            for (ScenarioResult.Check c : r.checks()) {
                sb.append("- ").append(c.passed() ? "✅ " : "❌ ").append(c.invariant()).append(": ")
                        .append(c.detail()).append('\n');
            }
            r.notes().forEach(n -> sb.append("- note: ").append(n).append('\n'));
        }
        return sb.toString();
    }
}
