package io.github.camelawsevents.aws.scn;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * First in, first out per key: at most one task of a key runs at a time, the others of that key wait in arrival
 * order, and tasks of different keys never wait for each other. Pure bookkeeping (no threads, no I/O); thread-safe.
 * <p>
 * Protocol: {@link #offer} a task; when it returns true, run it now. When a running task of a key has completed, call
 * {@link #complete}; it returns the next waiting task of that key, which is now running and must be run, or null.
 *
 * @param <K> the key, e.g. (instance, event type, event group)
 * @param <T> the task
 */
public final class GroupSequencer<K, T> {

    /** A key is present while one of its tasks runs; the deque holds the tasks that wait behind it. */
    private final Map<K, ArrayDeque<T>> waiting = new HashMap<>();
    private int waitingCount;

    /**
     * Adds a task of {@code key}.
     *
     * @return true if no task of the key is running, so this one runs now; false if it waits its turn
     */
    public synchronized boolean offer(K key, T task) {
        ArrayDeque<T> queue = waiting.get(key);
        if (queue == null) {
            waiting.put(key, new ArrayDeque<>(2));
            return true;
        }
        queue.addLast(task);
        waitingCount++;
        return false;
    }

    /**
     * Records that the running task of {@code key} completed (successfully or not).
     *
     * @return the next task of the key, which now counts as running; null when none waits (the key is idle)
     * @throws IllegalStateException if no task of the key was running
     */
    public synchronized T complete(K key) {
        ArrayDeque<T> queue = waiting.get(key);
        if (queue == null) {
            throw new IllegalStateException("no task of key " + key + " is running");
        }
        T next = queue.pollFirst();
        if (next == null) {
            waiting.remove(key);
        } else {
            waitingCount--;
        }
        return next;
    }

    /** How many keys have a running task. */
    public synchronized int runningKeys() {
        return waiting.size();
    }

    /** How many tasks wait behind a running task of their key. */
    public synchronized int waitingTasks() {
        return waitingCount;
    }
}
