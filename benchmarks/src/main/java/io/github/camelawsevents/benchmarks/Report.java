package io.github.camelawsevents.benchmarks;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The Markdown report of a run: settings, one comparison table per API and regime, the scale table, the aims. */
final class Report {

    /** A cell and the summaries of its runs, and the error that kept it from some, if any. */
    record CellResult(Cell cell, List<Summary> summaries, String error) {
    }

    private Report() {
    }

    static String render(BenchSettings settings, List<CellResult> results, List<Double> loadAverages) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmark results (").append(settings.mode()).append(" mode)\n\n");
        sb.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(".\n");
        if (!loadAverages.isEmpty() && loadAverages.stream().allMatch(l -> l >= 0)) {
            double[] loads = loadAverages.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(loads);
            sb.append(String.format(Locale.ROOT,
                    "1-minute load average when each cell started: min %.1f, median %.1f, max %.1f (on %d cores, more"
                    + " than the harness's own ~2 means other work competed for the CPU).%n",
                    loads[0], Medians.median(loads), loads[loads.length - 1],
                    Runtime.getRuntime().availableProcessors()));
        }
        sb.append("Each cell: ").append(settings.warmupEvents()).append(" warm-up events at 0 ms, then ")
                .append(settings.repetitions()).append(" measured repetition(s), median reported; ")
                .append(switch (settings.fork()) {
                    case ALL -> "a fresh JVM per cell (" + String.join(" ", settings.workerJvmArgs()) + ")";
                    case SCALE -> "the comparison cells in the harness's JVM, a fresh JVM per scale cell";
                    case NONE -> "all cells in the harness's JVM";
                })
                .append("; the emulator in its own JVM (count-only, SigV4 verified).\n");
        sb.append("In flight: aws-partner-events and its limit ").append(settings.partnerInFlight())
                .append(" requests, aws-scn-event and its limit ").append(settings.scnInFlight())
                .append(" requests. Outstanding events per route: partner ").append(Contenders.partnerWindow(settings))
                .append(", Supply Chain ").append(Contenders.scnWindow(settings)).append(" (aggregated: ")
                .append(Contenders.scnAggregatedWindow()).append(").\n\n");

        List<Summary> comparison = new ArrayList<>();
        List<Summary> scale = new ArrayList<>();
        for (CellResult r : results) {
            (r.cell().scale() ? scale : comparison).addAll(r.summaries());
        }
        for (Contenders.Api api : Contenders.Api.values()) {
            sb.append("## ").append(api.title()).append("\n\n");
            for (int latency : settings.latenciesMs()) {
                List<ResultTable.Row> rows = new ArrayList<>();
                Summary baseline = null;
                Summary limit = null;
                for (Contenders.Spec spec : Contenders.all()) {
                    if (spec.api() != api) {
                        continue;
                    }
                    Summary s = find(comparison, spec.id(), latency);
                    if (s == null) {
                        continue;
                    }
                    rows.add(new ResultTable.Row(Contenders.label(spec, settings), s));
                    if (spec.role() == Contenders.Role.BASELINE) {
                        baseline = s;
                    } else if (spec.role() == Contenders.Role.LIMIT) {
                        limit = s;
                    }
                }
                if (rows.isEmpty()) {
                    continue;
                }
                sb.append("### Emulator latency ").append(latency).append(" ms\n\n");
                sb.append(ResultTable.comparison(rows, baseline, limit));
                if (latency > 0 && rows.stream().anyMatch(r -> r.summary().events() < settings.events())) {
                    sb.append("\nRows with a smaller N are bounded by their requests in flight: at ").append(latency)
                            .append(" ms per round trip they run what they can carry in about ")
                            .append(settings.latencyRunSeconds())
                            .append(" s (their events/s does not depend on N).\n");
                }
                sb.append('\n');
            }
        }
        if (!scale.isEmpty()) {
            for (int latency : settings.scaleLatenciesMs()) {
                List<ResultTable.Row> rows = new ArrayList<>();
                for (Contenders.Spec spec : Contenders.all()) {
                    for (Summary s : scale) {
                        if (s.contender().equals(spec.id()) && s.latencyMs() == latency) {
                            rows.add(new ResultTable.Row(Contenders.label(spec, settings), s));
                        }
                    }
                }
                if (!rows.isEmpty()) {
                    sb.append("## Scale, emulator latency ").append(latency).append(" ms\n\n");
                    sb.append(ResultTable.scale(rows)).append('\n');
                }
            }
        }
        sb.append("## Aims\n\n");
        if ("smoke".equals(settings.mode())) {
            sb.append("Not evaluated in smoke mode: a few hundred events say nothing about speed.\n");
        } else {
            for (Aims.Outcome o : Aims.evaluate(comparison, scale)) {
                sb.append(o.toMarkdown()).append('\n');
            }
        }
        List<CellResult> failed = results.stream().filter(r -> r.error() != null).toList();
        if (!failed.isEmpty()) {
            sb.append("\n## Cells that did not complete\n\n");
            for (CellResult r : failed) {
                sb.append("- ").append(r.cell()).append(": ").append(r.error()).append('\n');
            }
        }
        return sb.toString();
    }

    private static Summary find(List<Summary> summaries, String contender, int latency) {
        for (Summary s : summaries) {
            if (Objects.equals(s.contender(), contender) && s.latencyMs() == latency) {
                return s;
            }
        }
        return null;
    }
}
