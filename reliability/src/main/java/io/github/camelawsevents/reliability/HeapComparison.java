package io.github.camelawsevents.reliability;

/**
 * Whether the route's heap grows with the number of events: the same scenario at a small and at the full size,
 * compared on the peak heap occupancy right after a GC (live data plus old garbage not yet collected) and on what is
 * left after a full GC at the end of the run.
 */
final class HeapComparison {

    /** Allowed growth of the after-GC peak from the small to the full run: 25% plus 16 MB of GC noise. */
    static final double GROWTH_FACTOR = 1.25;
    static final double SLACK_MB = 16;

    private HeapComparison() {
    }

    static ScenarioResult compare(ScenarioResult small, ScenarioResult full) {
        String scenario = full.name().substring(0, full.name().indexOf(':'));
        ScenarioResult r = new ScenarioResult("heap-bounded: " + scenario + " at " + small.longMetric("events")
                + " vs " + full.longMetric("events") + " events",
                "the same scenario at two sizes in the same JVM (fixed -Xmx); heap sampled from the heap"
                + " MemoryPoolMXBeans every 10 ms and at every GC");
        double smallAfterGc = afterGc(small);
        double fullAfterGc = afterGc(full);
        double smallRetained = (double) small.metric("heap retained after run (MB)")
                               - (double) small.metric("heap before run (MB)");
        double fullRetained = (double) full.metric("heap retained after run (MB)")
                              - (double) full.metric("heap before run (MB)");
        r.metric("component", full.metric("component"));
        r.metric("events", full.longMetric("events"));
        r.metric("peak heap (MB), small / full", small.metric("peak heap (MB)") + " / " + full.metric("peak heap (MB)"));
        r.metric("peak heap after GC (MB), small / full", smallAfterGc + " / " + fullAfterGc);
        r.metric("heap left after run minus before (MB), small / full",
                RouteScenario.round(smallRetained, 1) + " / " + RouteScenario.round(fullRetained, 1));
        r.check("peak heap after GC does not grow with the number of events (full <= small x " + GROWTH_FACTOR
                + " + " + SLACK_MB + " MB)", fullAfterGc <= smallAfterGc * GROWTH_FACTOR + SLACK_MB,
                smallAfterGc + " MB at " + small.longMetric("events") + " events, " + fullAfterGc + " MB at "
                + full.longMetric("events"));
        r.check("nothing per event is left on the heap after the run (within " + SLACK_MB + " MB)",
                fullRetained <= SLACK_MB, RouteScenario.round(fullRetained, 1) + " MB more than before the run");
        return r;
    }

    /**
     * The peak heap right after a GC during the run; a run short enough to end before the first GC has none (-1), so
     * its occupancy after the full GC that closes the run stands in for it (an upper bound of its live data).
     */
    static double afterGc(ScenarioResult run) {
        double peakAfterGc = (double) run.metric("peak heap after GC (MB)");
        return peakAfterGc >= 0 ? peakAfterGc : (double) run.metric("heap retained after run (MB)");
    }
}
