package io.github.camelawsevents.reliability;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the route told the sender about each event (by its number {@code n}): reported delivered, handed to the
 * dead-letter channel (and how often), redelivered by Camel. One bit per event, so it stays small at 100,000 events.
 * Thread-safe.
 */
public final class Ledger {

    private final BitSet reportedOk = new BitSet();
    private final BitSet deadLettered = new BitSet();
    private final BitSet redelivered = new BitSet();
    private final Map<String, Long> deadLetterCauses = new TreeMap<>();
    private long deadLetterDeliveries;
    private long deadLetterRepeats;
    private long redeliveryAttempts;
    private final BitSet failedOutsideDeadLetter = new BitSet();
    private final Map<String, Long> failedOutsideCauses = new TreeMap<>();

    public synchronized void ok(long n) {
        if (n >= 0) {
            reportedOk.set((int) n);
        }
    }

    /** One event handed to the dead-letter channel, with the simple name of the exception that failed it. */
    public synchronized void deadLettered(long n, String cause) {
        deadLetterDeliveries++;
        if (n < 0) {
            deadLetterCauses.merge("(unidentified) " + cause, 1L, Long::sum);
            return;
        }
        if (deadLettered.get((int) n)) {
            deadLetterRepeats++;
        }
        deadLettered.set((int) n);
        deadLetterCauses.merge(cause, 1L, Long::sum);
    }

    /**
     * One event whose exchange ended failed without reaching the dead-letter channel: Camel's error handler does not
     * run while Camel forces a route down, it marks the exchange RejectedExecutionException instead.
     */
    public synchronized void failedOutsideDeadLetter(long n, String cause) {
        if (n >= 0) {
            failedOutsideDeadLetter.set((int) n);
        }
        failedOutsideCauses.merge(cause, 1L, Long::sum);
    }

    public synchronized BitSet failedOutsideDeadLetter() {
        return (BitSet) failedOutsideDeadLetter.clone();
    }

    public synchronized Map<String, Long> failedOutsideCauses() {
        return new TreeMap<>(failedOutsideCauses);
    }

    public synchronized void redelivered(long n) {
        redeliveryAttempts++;
        if (n >= 0) {
            redelivered.set((int) n);
        }
    }

    public synchronized BitSet reportedOk() {
        return (BitSet) reportedOk.clone();
    }

    public synchronized BitSet deadLettered() {
        return (BitSet) deadLettered.clone();
    }

    public synchronized BitSet redelivered() {
        return (BitSet) redelivered.clone();
    }

    /** Events handed to the dead-letter channel, counting each delivery. */
    public synchronized long deadLetterDeliveries() {
        return deadLetterDeliveries;
    }

    /** Dead-letter deliveries of an event that was already dead-lettered. */
    public synchronized long deadLetterRepeats() {
        return deadLetterRepeats;
    }

    public synchronized long redeliveryAttempts() {
        return redeliveryAttempts;
    }

    public synchronized Map<String, Long> deadLetterCauses() {
        return new TreeMap<>(deadLetterCauses);
    }
}
