package io.github.camelawsevents.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one run of the examples.
 *
 * @param target   where the routes sent
 * @param elapsed  from the start of the routes until every feed settled (or the wait ended)
 * @param settled  whether every record read was delivered or dead-lettered
 * @param feeds    the counts of each feed
 * @param emulator what the emulator acknowledged, or null when the target was AWS
 * @param problems what makes the run a failure (empty when it succeeded)
 */
public record RunReport(Target target, Duration elapsed, boolean settled, List<FeedStats> feeds,
        EmulatorAcknowledgements emulator, List<String> problems) {

    /** Builds the report, listing as problems unsettled feeds and event ids the emulator does not hold. */
    static RunReport of(Target target, Duration elapsed, List<FeedStats> feeds, EmulatorAcknowledgements emulator) {
        List<String> problems = new ArrayList<>();
        for (FeedStats f : feeds) {
            if (!f.settled()) {
                problems.add(f.feed() + " did not finish: read " + f.read() + (f.readingDone() ? "" : " (still reading)")
                             + ", delivered " + f.delivered() + ", dead-lettered " + f.deadLettered());
            }
        }
        if (emulator != null) {
            long idsSeen = feeds.stream().mapToLong(f -> f.eventIds().size()).sum();
            long stored = emulator.scnEvents() + emulator.partnerEntries();
            if (!emulator.unknownEventIds().isEmpty()) {
                problems.add(emulator.unknownEventIds().size() + " event ids the routes got back are not in the"
                             + " emulator, e.g. " + emulator.unknownEventIds().get(0));
            }
            if (stored != idsSeen) {
                problems.add("the emulator stored " + stored + " events and entries, the routes got " + idsSeen
                             + " event ids back");
            }
        }
        boolean settled = feeds.stream().allMatch(FeedStats::settled);
        return new RunReport(target, elapsed, settled, List.copyOf(feeds), emulator, List.copyOf(problems));
    }

    /** Whether the run did all it should: every feed settled and, on the emulator, every acknowledgement matches. */
    public boolean succeeded() {
        return problems.isEmpty();
    }

    /** The feed named {@code name}. */
    public FeedStats feed(String name) {
        return feeds.stream().filter(f -> f.feed().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feed " + name));
    }

    /** All dead letters of all feeds. */
    public List<DeadLetter> deadLetters() {
        return feeds.stream().flatMap(f -> f.deadLetters().stream()).toList();
    }
}
