package io.github.camelawsevents.aws.core.delivery;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One instance shared by the producers of an endpoint (its delivery pipeline), so every route that sends to the
 * endpoint shares its requests, its bounds and its per-group order. Made by the first producer that starts; quiesced
 * when the last one stops, but kept, so a producer that starts again resumes it (work still open from before goes on
 * in the same order); closed when the endpoint stops.
 */
public final class SharedByProducers<T> {

    private volatile T current;
    private int users;

    /** The shared instance: resumed with {@code resume} when it was quiesced, made by {@code create} if none. */
    public synchronized T acquire(Supplier<T> create, Consumer<T> resume) {
        if (current == null) {
            current = create.get();
        } else if (users == 0) {
            resume.accept(current);
        }
        users++;
        return current;
    }

    /** Gives the instance back; the last user quiesces it with {@code quiesce} (it stays, for a restart). */
    public synchronized void release(Consumer<T> quiesce) {
        if (current == null || users == 0) {
            return;
        }
        if (--users == 0) {
            quiesce.accept(current);
        }
    }

    /** The endpoint stops: the instance, if any, is closed with {@code close} and forgotten. */
    public synchronized void close(Consumer<T> close) {
        T last = current;
        current = null;
        users = 0;
        if (last != null) {
            close.accept(last);
        }
    }

    /**
     * The shared instance while it exists (started, or quiesced with work still open), else null. Not synchronized: a
     * gauge or console read must not wait for a stopping pipeline's shutdown timeout.
     */
    public T current() {
        return current;
    }
}
