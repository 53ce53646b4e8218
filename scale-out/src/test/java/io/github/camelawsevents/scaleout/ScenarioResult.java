package io.github.camelawsevents.scaleout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario measured, and its checks. */
final class ScenarioResult {

    record Check(String name, boolean passed, String detail) {
    }

    private final String name;
    private final String description;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();

    ScenarioResult(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void metric(String key, Object value) {
        metrics.put(key, value);
    }

    Object metric(String key) {
        return metrics.get(key);
    }

    void check(String check, boolean passed, String detail) {
        checks.add(new Check(check, passed, detail));
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Map<String, Object> metrics() {
        return metrics;
    }

    List<Check> checks() {
        return checks;
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(": ").append(description).append('\n');
        metrics.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
        for (Check c : checks) {
            sb.append("  [").append(c.passed() ? "PASS" : "FAIL").append("] ").append(c.name()).append(": ")
                    .append(c.detail()).append('\n');
        }
        return sb.toString();
    }
}
