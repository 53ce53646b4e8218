package io.github.camelawsevents.aws.core.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelawsevents.aws.core.delivery.DeliveryListener;

/**
 * What an endpoint delivered since it was created, for the dev console: counters that any Camel thread may bump, and
 * the last few distinct errors (time, error code, how many items, the error text cut short, how often it happened: an
 * error with the same code and text as one kept is counted on it, not listed again). It never holds a payload or a
 * secret: the pipeline gives it only counts, AWS error codes and the safe error text of {@code SafeMessages}.
 */
public final class DeliveryStats implements DeliveryListener {

    /** How many of the latest distinct errors are kept. */
    public static final int LAST_ERRORS = 10;

    static final int MAX_MESSAGE = 300;

    /**
     * One distinct error as the console shows it: the same error code and text, seen {@code occurrences} times.
     *
     * @param time        when it happened last
     * @param errorCode   the AWS error code (or the exception's simple name)
     * @param items       the items (entries or records) that failed with it, over every occurrence
     * @param message     the error text, on one line and cut short
     * @param occurrences how often it happened
     * @param firstTime   when it happened first
     */
    public record LastError(Instant time, String errorCode, int items, String message, long occurrences,
            Instant firstTime) {

        /** One occurrence. */
        public LastError(Instant time, String errorCode, int items, String message) {
            this(time, errorCode, items, message, 1, time);
        }

        boolean sameAs(String code, String text) {
            return errorCode.equals(code) && message.equals(text);
        }

        /** This error seen once more, at {@code at}, with {@code moreItems}. */
        LastError again(Instant at, int moreItems) {
            long sum = (long) items + moreItems;
            return new LastError(at, errorCode, (int) Math.min(Integer.MAX_VALUE, sum), message, occurrences + 1,
                    firstTime);
        }
    }

    private final Clock clock;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder requestsAnswered = new LongAdder();
    private final LongAdder requestsFailed = new LongAdder();
    private final LongAdder requestItems = new LongAdder();
    private final Map<String, LongAdder> failedByCode = new ConcurrentHashMap<>();
    private final ArrayDeque<LastError> lastErrors = new ArrayDeque<>(LAST_ERRORS);

    public DeliveryStats() {
        this(Clock.systemUTC());
    }

    public DeliveryStats(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void requestAnswered(int items, long latencyNanos, String errorCode) {
        requestsAnswered.increment();
        requestItems.add(items);
        if (errorCode != null) {
            requestsFailed.increment();
        }
    }

    @Override
    public void accepted(int items) {
        accepted.add(items);
    }

    @Override
    public void failed(String errorCode, int items, String errorMessage) {
        String code = errorCode != null ? errorCode : "unknown";
        failedByCode.computeIfAbsent(code, c -> new LongAdder()).add(items);
        String text = shorten(errorMessage);
        Instant now = clock.instant();
        synchronized (lastErrors) {
            // the same error again is counted on the one kept and moves to the end, so ten identical failures are
            // one line with a count, and the list keeps the last ten distinct errors
            LastError error = null;
            for (Iterator<LastError> it = lastErrors.iterator(); it.hasNext(); ) {
                LastError kept = it.next();
                if (kept.sameAs(code, text)) {
                    it.remove();
                    error = kept.again(now, items);
                    break;
                }
            }
            if (error == null) {
                error = new LastError(now, code, items, text);
                if (lastErrors.size() == LAST_ERRORS) {
                    lastErrors.pollFirst();
                }
            }
            lastErrors.addLast(error);
        }
    }

    @Override
    public void retried(int items) {
        retried.add(items);
    }

    /** Items AWS accepted. */
    public long accepted() {
        return accepted.sum();
    }

    /** Items that failed for good, over every error code. */
    public long failed() {
        return failedByCode.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Items that failed for good, by error code, sorted by code. */
    public Map<String, Long> failedByCode() {
        Map<String, Long> out = new TreeMap<>();
        failedByCode.forEach((code, count) -> out.put(code, count.sum()));
        return out;
    }

    /** Items sent again after a retryable error. */
    public long retried() {
        return retried.sum();
    }

    /** Requests AWS answered (or that failed without an answer), accepted or not. */
    public long requests() {
        return requestsAnswered.sum();
    }

    /** Requests that failed as a whole. */
    public long requestsFailed() {
        return requestsFailed.sum();
    }

    /** Items carried by the requests answered, retries included. */
    public long requestItems() {
        return requestItems.sum();
    }

    /** The latest distinct errors, the least recent first, at most {@value #LAST_ERRORS}. */
    public List<LastError> lastErrors() {
        synchronized (lastErrors) {
            return List.copyOf(lastErrors);
        }
    }

    static String shorten(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replace('\r', ' ').replace('\n', ' ');
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }

    @Override
    public String toString() {
        return "DeliveryStats[accepted=" + accepted() + ", failed=" + failedByCode() + ", retried=" + retried()
               + ", requests=" + requests() + "]";
    }
}
