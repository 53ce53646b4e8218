package io.github.camelawsevents.reliability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The copies of events {@code 0..events-1} an at-least-once service stored, in the order it stored them, each with
 * whether the sender could know it was stored. A sender sends an entry again only while it does not know the entry
 * was stored, so every copy of an event but its last must be one whose response was lost; any other copy is a
 * duplicate the sender made although it knew better (or one from somewhere else), and is counted as unexplained.
 */
final class StoredCopies {

    private final int events;
    private final int[] copies;
    /** For each event, whether the copies stored so far, all but the newest, were lost; updated copy by copy. */
    private final boolean[] lastLost;
    private final boolean[] anyLost;
    private final int[] unexplained;
    private final BitSet distinct;
    /** The request that stored each event's newest copy. */
    private final String[] newest;
    /** For the events with an unexplained copy: the requests of their copies, as far as known. */
    private final Map<Integer, List<String>> provenance = new TreeMap<>();
    private long total;
    private long outOfRange;

    StoredCopies(int events) {
        this.events = events;
        this.copies = new int[events];
        this.lastLost = new boolean[events];
        this.anyLost = new boolean[events];
        this.unexplained = new int[events];
        this.distinct = new BitSet(events);
        this.newest = new String[events];
    }

    /**
     * Adds the next stored copy of event {@code n}: {@code responseLost} when the service stored it and its response
     * never reached the sender; {@code storedBy} names the request, for the report. Events outside {@code 0..events-1}
     * are counted apart.
     */
    void add(long n, boolean responseLost, String storedBy) {
        total++;
        if (n < 0 || n >= events) {
            outOfRange++;
            return;
        }
        int i = (int) n;
        if (copies[i] > 0 && !lastLost[i]) {
            unexplained[i]++; // the previous copy was answered, yet this one was sent
            List<String> requests = provenance.computeIfAbsent(i, k -> new ArrayList<>(List.of(newest[i])));
            if (requests.size() < 8) {
                requests.add(storedBy);
            }
        } else if (provenance.containsKey(i) && provenance.get(i).size() < 8) {
            provenance.get(i).add(storedBy);
        }
        copies[i]++;
        lastLost[i] = responseLost;
        anyLost[i] |= responseLost;
        newest[i] = storedBy;
        distinct.set(i);
    }

    /** Every copy stored, out-of-range ones included. */
    long total() {
        return total;
    }

    /** Copies of numbers that are not one of the events. */
    long outOfRange() {
        return outOfRange;
    }

    /** The events stored at least once. */
    BitSet distinct() {
        return (BitSet) distinct.clone();
    }

    /** Copies beyond the first of each event. */
    long duplicates() {
        return total - outOfRange - distinct.cardinality();
    }

    /** Copies stored although the copy before them had been answered. */
    long unexplained() {
        long sum = 0;
        for (int u : unexplained) {
            sum += u;
        }
        return sum;
    }

    /** The events with at least one unexplained copy. */
    BitSet unexplainedEvents() {
        BitSet set = new BitSet(events);
        for (int i = 0; i < events; i++) {
            if (unexplained[i] > 0) {
                set.set(i);
            }
        }
        return set;
    }

    /** Whether a copy of event {@code n} was stored whose response was lost. */
    boolean anyCopyLost(int n) {
        return anyLost[n];
    }

    /**
     * For up to {@code limit} events with an unexplained copy, the requests that stored their copies from the one
     * before the first unexplained copy on (at most 8), for a report.
     */
    Map<Integer, List<String>> unexplainedProvenance(int limit) {
        Map<Integer, List<String>> sample = new TreeMap<>();
        for (Map.Entry<Integer, List<String>> e : provenance.entrySet()) {
            if (sample.size() == limit) {
                break;
            }
            sample.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return sample;
    }
}
