package io.github.camelawsevents.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Exchange;

import io.github.camelawsevents.aws.partner.AwsPartnerEventsConstants;
import io.github.camelawsevents.aws.scn.AwsScnEventConstants;

/**
 * What the feed routes read, delivered and dead-lettered, per feed; bound as bean {@code ledger}. The routes call it
 * ({@code read}, {@code readingDone}, {@code delivered}, {@code deadLettered}), and the run waits on it until every
 * record read was either delivered or dead-lettered, which is how the application knows it is done without guessing a
 * duration.
 * <p>
 * A record is one input item (an order header, an order line, a CSV row, a JSON line). A delivered exchange may hold
 * many records: the Aggregate EIP says how many in {@link Exchange#AGGREGATED_SIZE}.
 */
public final class FeedLedger {

    /** Exchange property naming the feed an exchange belongs to (set by each feed route). */
    public static final String FEED = "examples.feed";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Counts> feeds = new LinkedHashMap<>();

    /** @param feeds the feeds a complete run must have read to the end, in the order the summary lists them */
    public FeedLedger(Collection<String> feeds) {
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("at least one feed is expected");
        }
        for (String feed : feeds) {
            this.feeds.put(feed, new Counts());
        }
    }

    /** One more record of {@code feed} was read. */
    public void read(String feed) {
        update(feed, c -> c.read++);
    }

    /** {@code feed} has read all its input. */
    public void readingDone(String feed) {
        update(feed, c -> c.readingDone = true);
    }

    /**
     * An exchange of {@code feed} was sent: its records (the aggregated size, else 1) were delivered, and the ids AWS
     * gave them are in the component's out headers.
     */
    public void delivered(String feed, Exchange exchange) {
        int records = recordsIn(exchange);
        List<String> ids = eventIdsOf(exchange);
        update(feed, c -> {
            c.delivered += records;
            c.batches++;
            c.batchSizes.add(records);
            c.eventIds.addAll(ids);
        });
    }

    /**
     * An exchange of the feed named in its {@link #FEED} property reached the dead-letter channel. Records the dead
     * letters (exactly the entries that failed: for a partial PutPartnerEvents failure the accepted entries count as
     * delivered) and returns them for the dead-letter route to print.
     */
    public List<DeadLetter> deadLettered(Exchange exchange) {
        String feed = exchange.getProperty(FEED, String.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        DeadLetter.Outcome outcome = DeadLetter.outcomeOf(feed, exchange.getMessage(), cause, recordsIn(exchange));
        update(feed, c -> {
            c.delivered += outcome.delivered();
            c.eventIds.addAll(outcome.eventIds());
            if (outcome.delivered() > 0) {
                c.batches++;
                c.batchSizes.add(outcome.delivered() + outcome.records());
            }
            c.deadLettered += outcome.records();
            c.deadLetters.addAll(outcome.deadLetters());
        });
        return outcome.deadLetters();
    }

    /** Whether every expected feed read all its input and settled every record it read. */
    public boolean isSettled() {
        lock.lock();
        try {
            return feeds.values().stream().allMatch(Counts::isSettled);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@link #isSettled()} or the timeout passes.
     *
     * @return whether the ledger is settled
     */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!feeds.values().stream().allMatch(Counts::isSettled)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The counts of every feed, in the expected order. */
    public List<FeedStats> snapshot() {
        lock.lock();
        try {
            List<FeedStats> out = new ArrayList<>(feeds.size());
            feeds.forEach((name, c) -> out.add(new FeedStats(name, c.read, c.readingDone, c.delivered, c.deadLettered,
                    c.batches, List.copyOf(c.batchSizes), List.copyOf(c.eventIds), List.copyOf(c.deadLetters))));
            return out;
        } finally {
            lock.unlock();
        }
    }

    private void update(String feed, Consumer<Counts> change) {
        Objects.requireNonNull(feed, "feed");
        lock.lock();
        try {
            Counts counts = feeds.get(feed);
            if (counts == null) {
                throw new IllegalArgumentException("Unknown feed '" + feed + "'; expected one of " + feeds.keySet()
                                                   + " (property examples.feeds)");
            }
            change.accept(counts);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static int recordsIn(Exchange exchange) {
        Integer aggregated = exchange.getProperty(Exchange.AGGREGATED_SIZE, Integer.class);
        return aggregated != null ? aggregated : 1;
    }

    /** The event ids the last producer put in the out headers (null entries, for failed entries, left out). */
    @SuppressWarnings("unchecked")
    static List<String> eventIdsOf(Exchange exchange) {
        Object ids = exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_IDS);
        if (ids == null) {
            ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS);
        }
        if (ids == null) {
            String id = exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_ID, String.class);
            return id == null ? List.of() : List.of(id);
        }
        List<String> out = new ArrayList<>();
        for (Object id : (Collection<Object>) ids) {
            if (id != null) {
                out.add(id.toString());
            }
        }
        return out;
    }

    /** Mutable counts of one feed, guarded by the ledger's lock. */
    private static final class Counts {
        long read;
        boolean readingDone;
        long delivered;
        long deadLettered;
        long batches;
        final List<Integer> batchSizes = new ArrayList<>();
        final List<String> eventIds = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();

        boolean isSettled() {
            return readingDone && delivered + deadLettered == read;
        }
    }
}
