package io.github.camelawsevents.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes a {@link RunReport} as the text the application prints at the end of a run. */
public final class RunSummary {

    private static final String RULE = "=".repeat(100);
    private static final int IDS_SHOWN = 3;

    private RunSummary() {
    }

    /**
     * @param report      the run's outcome
     * @param allEventIds list every event id, not just the first few of each feed
     */
    public static String format(RunReport report, boolean allEventIds) {
        StringBuilder out = new StringBuilder(4096);
        out.append(RULE).append('\n');
        out.append(String.format(Locale.ROOT, "Camel AWS Events examples: %s in %.1f s, target %s%n",
                report.succeeded() ? "finished" : "FAILED", report.elapsed().toMillis() / 1000.0, targetText(report)));
        out.append('\n');
        feedTable(out, report.feeds());
        out.append('\n');
        eventIds(out, report.feeds(), allEventIds);
        if (report.emulator() != null) {
            out.append('\n');
            emulator(out, report.emulator(), report.feeds());
        }
        out.append('\n');
        List<DeadLetter> dead = report.deadLetters();
        out.append("Dead letters (").append(dead.size()).append(")").append(dead.isEmpty() ? ": none" : ":").append('\n');
        dead.forEach(d -> out.append("  ").append(d).append('\n'));
        if (!report.problems().isEmpty()) {
            out.append('\n').append("Problems:").append('\n');
            report.problems().forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.append(RULE).append('\n').toString();
    }

    private static String targetText(RunReport report) {
        if (report.emulator() == null) {
            return "AWS";
        }
        return "the emulator at " + report.emulator().endpoint() + " (" + report.emulator().region() + ")";
    }

    private static void feedTable(StringBuilder out, List<FeedStats> feeds) {
        out.append(String.format(Locale.ROOT, "%-18s %8s %10s %13s %11s %9s  %s%n", "feed", "read", "delivered",
                "dead letters", "event ids", "messages", "records per message"));
        for (FeedStats f : feeds) {
            out.append(String.format(Locale.ROOT, "%-18s %8d %10d %13d %11d %9d  %s%n", f.feed(), f.read(),
                    f.delivered(), f.deadLettered(), f.eventIds().size(), f.batches(), sizes(f.batchSizes())));
        }
    }

    private static void eventIds(StringBuilder out, List<FeedStats> feeds, boolean all) {
        out.append(all ? "Event ids:" : "Event ids (the first " + IDS_SHOWN
                                        + " of each feed; -Dexamples.summary.allEventIds=true lists all):").append('\n');
        for (FeedStats f : feeds) {
            List<String> ids = f.eventIds();
            List<String> shown = all ? ids : ids.subList(0, Math.min(IDS_SHOWN, ids.size()));
            out.append(String.format(Locale.ROOT, "  %-18s %s%s%n", f.feed(), String.join(", ", shown),
                    shown.size() < ids.size() ? ", ... (" + ids.size() + ")" : ""));
        }
    }

    private static void emulator(StringBuilder out, EmulatorAcknowledgements e, List<FeedStats> feeds) {
        out.append("What the emulator acknowledged:").append('\n');
        out.append("  SendDataIntegrationEvent: ").append(e.scnEvents()).append(" events stored (")
                .append(e.scnEventsByType().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(t -> t.getKey() + " " + t.getValue())
                        .collect(Collectors.joining(", ")))
                .append(")\n");
        out.append("    ").append(e.scnRequests()).append(" requests, ").append(e.scnRejected())
                .append(" answered with an error and retried by the AWS SDK, ").append(e.scnIdempotentReplays())
                .append(" idempotent replays").append('\n');
        out.append("  PutPartnerEvents: ").append(e.partnerEntries()).append(" entries stored from ")
                .append(e.partnerRequests()).append(" requests (").append(e.partnerRejected())
                .append(" answered with an error)").append('\n');
        out.append("    entries per request: ").append(sizes(e.partnerBatchSizes())).append('\n');
        long retried = e.failedEntriesByErrorCode().entrySet().stream()
                .filter(c -> c.getKey().equals("ThrottlingException") || c.getKey().equals("InternalFailure"))
                .mapToLong(Map.Entry::getValue).sum();
        out.append("    entries answered with an ErrorCode: ")
                .append(e.failedEntriesByErrorCode().isEmpty() ? "none" : new TreeMap<>(e.failedEntriesByErrorCode()).toString())
                .append(retried > 0 ? "; the component resent the retryable ones" : "").append('\n');
        long idsSeen = feeds.stream().mapToLong(f -> f.eventIds().size()).sum();
        out.append("  Every one of the ").append(idsSeen).append(" event ids the routes got back is stored in the")
                .append(" emulator: ").append(e.unknownEventIds().isEmpty() ? "yes" : "NO").append('\n');
    }

    /** Sizes as "20 x3, 18, 1": runs of equal sizes collapsed. */
    static String sizes(List<Integer> sizes) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sizes.size()) {
            int j = i;
            while (j < sizes.size() && sizes.get(j).equals(sizes.get(i))) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(sizes.get(i));
            if (j - i > 1) {
                sb.append(" x").append(j - i);
            }
            i = j;
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }
}
