package io.github.camelawsevents.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of one scenario: its numbers, the invariants checked, and what the run was. */
public final class ScenarioResult {

    /** One invariant: what it says, whether it held, and the numbers behind it. */
    public record Check(String invariant, boolean passed, String detail) {
    }

    private final String name;
    private final String description;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ScenarioResult(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public ScenarioResult metric(String key, Object value) {
        metrics.put(key, value);
        return this;
    }

    public Object metric(String key) {
        return metrics.get(key);
    }

    public long longMetric(String key) {
        Object v = metrics.get(key);
        return v instanceof Number num ? num.longValue() : -1;
    }

    public Map<String, Object> metrics() {
        return metrics;
    }

    public ScenarioResult check(String invariant, boolean passed, String detail) {
        checks.add(new Check(invariant, passed, detail));
        return this;
    }

    public List<Check> checks() {
        return checks;
    }

    public ScenarioResult note(String note) {
        notes.add(note);
        return this;
    }

    public List<String> notes() {
        return notes;
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The checks that failed, for an assertion message. */
    public String failures() {
        StringBuilder sb = new StringBuilder();
        for (Check c : checks) {
            if (!c.passed()) {
                sb.append("\n  FAILED ").append(c.invariant()).append(": ").append(c.detail());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(passed() ? " PASSED" : " FAILED").append('\n');
        metrics.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
        for (Check c : checks) {
            sb.append("  [").append(c.passed() ? "ok" : "FAILED").append("] ").append(c.invariant()).append(": ")
                    .append(c.detail()).append('\n');
        }
        notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
        return sb.toString();
    }
}
