package io.github.camelawsevents.examples;

import java.util.List;

/**
 * The counts of one feed at one moment.
 *
 * @param feed         the feed's name
 * @param read         records read
 * @param readingDone  whether the feed read all its input
 * @param delivered    records AWS (or the emulator) accepted
 * @param deadLettered records that ended in the dead-letter channel
 * @param batches      messages the component sent (one record, or a batch from the Aggregate EIP)
 * @param batchSizes   records per sent message, in completion order
 * @param eventIds     the ids AWS gave the events or entries, in completion order
 * @param deadLetters  what could not be delivered
 */
public record FeedStats(String feed, long read, boolean readingDone, long delivered, long deadLettered, long batches,
        List<Integer> batchSizes, List<String> eventIds, List<DeadLetter> deadLetters) {

    /** Every record read was delivered or dead-lettered, and there is nothing more to read. */
    public boolean settled() {
        return readingDone && delivered + deadLettered == read;
    }
}
