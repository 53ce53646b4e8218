package io.github.camelawsevents.aws.core.delivery;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One instance shared by the producers of an endpoint (its delivery pipeline): made by the first producer that starts,
 * stopped by the last one that stops, so every route that sends to the endpoint shares its requests, its bounds and
 * its per-group order.
 */
public final class SharedByProducers<T> {

    private T current;
    private int users;

    /** The shared instance, made by {@code create} if no producer uses one now. */
    public synchronized T acquire(Supplier<T> create) {
        if (current == null) {
            current = create.get();
        }
        users++;
        return current;
    }

    /** Gives the instance back; the last user stops it with {@code stop}. */
    public synchronized void release(Consumer<T> stop) {
        if (current == null || --users > 0) {
            return;
        }
        T last = current;
        current = null;
        users = 0;
        stop.accept(last);
    }

    /** The shared instance while a producer uses it, else null. */
    public synchronized T current() {
        return current;
    }
}
