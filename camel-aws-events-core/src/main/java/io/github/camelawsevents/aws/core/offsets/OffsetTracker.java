package io.github.camelawsevents.aws.core.offsets;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The offsets of records handed to asynchronous delivery, per partition: which are in flight, which completed (in any
 * order), and so which offset can be committed. The committable offset of a partition is the offset of its first record
 * that has not completed, or the offset after the last record started when all completed: a commit never covers a
 * record that is still in flight or failed, however many later records completed.
 * <p>
 * A record <em>completes</em> when it is done for good: delivered, or handed to a dead-letter destination. A record that
 * <em>failed</em> will not complete here (its delivery gave up, the worker stops): the committable offset of its
 * partition stays below it, so whoever consumes the partition next delivers it again. A failed record may still
 * complete later (for example once a dead-letter destination took it).
 * <p>
 * {@link #revoke Revoking} a partition forgets it: completions that arrive for it afterwards are ignored, because its
 * offsets are another consumer's to commit now. Thread-safe: records are started on the consuming thread and complete on
 * delivery threads.
 */
public final class OffsetTracker {

    private final Map<PartitionId, Offsets> partitions = new LinkedHashMap<>();
    private int inFlight;

    /**
     * A record of {@code partition} is handed to delivery. The offsets of one partition are started in increasing order
     * (gaps are allowed: compacted topics and transaction markers leave some out).
     *
     * @throws IllegalArgumentException when {@code offset} is not above every offset started before in the partition
     */
    public synchronized void started(PartitionId partition, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("an offset is 0 or more, got " + offset + " in " + partition);
        }
        Offsets offsets = partitions.get(partition);
        if (offsets == null) {
            // the consumer's start position: nothing before it is this tracker's to commit
            offsets = new Offsets(offset);
            partitions.put(partition, offsets);
        } else if (offset < offsets.next) {
            throw new IllegalArgumentException("offset " + offset + " of " + partition + " started after offset "
                                               + (offsets.next - 1) + ": the records of a partition start in order");
        }
        offsets.open.addLast(offset);
        offsets.inFlight.add(offset);
        offsets.next = offset + 1;
        inFlight++;
    }

    /**
     * The record is done for good (delivered, or dead-lettered).
     *
     * @return false when it is not a record in flight or failed here (its partition was revoked, or it completed
     *         already): nothing changes
     */
    public synchronized boolean completed(PartitionId partition, long offset) {
        Offsets offsets = partitions.get(partition);
        if (offsets == null) {
            return false;
        }
        if (offsets.inFlight.remove(offset)) {
            inFlight--;
            notifyAll();
        } else if (!offsets.failed.remove(offset)) {
            return false;
        }
        offsets.done.add(offset);
        offsets.advance();
        return true;
    }

    /**
     * The record will not complete here: the committable offset of its partition stays at or below it.
     *
     * @return false when it is not a record in flight here: nothing changes
     */
    public synchronized boolean failed(PartitionId partition, long offset) {
        Offsets offsets = partitions.get(partition);
        if (offsets == null || !offsets.inFlight.remove(offset)) {
            return false;
        }
        offsets.failed.add(offset);
        inFlight--;
        notifyAll();
        return true;
    }

    /**
     * The offset to commit for {@code partition} (the offset of the next record to consume, as Kafka commits it): the
     * first record not completed, or the offset after the last record started. Empty when no record of it was started
     * (or it was revoked).
     */
    public synchronized OptionalLong committableOffset(PartitionId partition) {
        Offsets offsets = partitions.get(partition);
        return offsets == null ? OptionalLong.empty() : OptionalLong.of(offsets.committable());
    }

    /** Per partition, the committable offset where it moved past the last one {@link #committed marked committed}. */
    public synchronized Map<PartitionId, Long> toCommit() {
        Map<PartitionId, Long> answer = new LinkedHashMap<>();
        partitions.forEach((partition, offsets) -> {
            long committable = offsets.committable();
            if (committable > offsets.committed) {
                answer.put(partition, committable);
            }
        });
        return answer;
    }

    /** {@code offset} of {@code partition} was committed: {@link #toCommit} leaves it out until it moves further. */
    public synchronized void committed(PartitionId partition, long offset) {
        Offsets offsets = partitions.get(partition);
        if (offsets != null) {
            offsets.committed = Math.max(offsets.committed, offset);
        }
    }

    /** Records started and neither completed nor failed, in every partition. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Records of {@code partition} started and neither completed nor failed. */
    public synchronized int inFlight(PartitionId partition) {
        Offsets offsets = partitions.get(partition);
        return offsets == null ? 0 : offsets.inFlight.size();
    }

    /** Records of {@code partition} that failed and have not completed since. */
    public synchronized int failed(PartitionId partition) {
        Offsets offsets = partitions.get(partition);
        return offsets == null ? 0 : offsets.failed.size();
    }

    /**
     * Waits until no record of {@code among} is in flight (failed records do not count: they will not complete), at
     * most {@code timeout}.
     *
     * @return whether none is in flight now
     */
    public synchronized boolean awaitIdle(Collection<PartitionId> among, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (inFlightOf(among) > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private int inFlightOf(Collection<PartitionId> among) {
        int count = 0;
        for (PartitionId partition : among) {
            Offsets offsets = partitions.get(partition);
            count += offsets == null ? 0 : offsets.inFlight.size();
        }
        return count;
    }

    /**
     * Forgets {@code revoked}: later completions of their records are ignored.
     *
     * @return per revoked partition that had records started, its committable offset at that moment
     */
    public synchronized Map<PartitionId, Long> revoke(Collection<PartitionId> revoked) {
        Map<PartitionId, Long> last = new LinkedHashMap<>();
        for (PartitionId partition : revoked) {
            Offsets offsets = partitions.remove(partition);
            if (offsets != null) {
                last.put(partition, offsets.committable());
                inFlight -= offsets.inFlight.size();
            }
        }
        notifyAll();
        return last;
    }

    /** The partitions with records started and not revoked. */
    public synchronized Set<PartitionId> partitions() {
        return Set.copyOf(partitions.keySet());
    }

    /** One partition: offsets in start order until the commit point passes them. */
    private static final class Offsets {
        /** Started and not yet behind the commit point, ascending. */
        final ArrayDeque<Long> open = new ArrayDeque<>();
        final Set<Long> inFlight = new HashSet<>();
        final Set<Long> failed = new HashSet<>();
        /** Completed, still in {@link #open} behind a record that has not. */
        final Set<Long> done = new HashSet<>();
        /** The offset after the last one started. */
        long next;
        /** The offset last committed, or where consumption started. */
        long committed;

        Offsets(long first) {
            next = first;
            committed = first;
        }

        void advance() {
            while (!open.isEmpty() && done.remove(open.peekFirst())) {
                open.pollFirst();
            }
        }

        long committable() {
            return open.isEmpty() ? next : open.peekFirst();
        }
    }

    @Override
    public synchronized String toString() {
        Map<String, Object> view = new HashMap<>();
        partitions.forEach((p, o) -> view.put(p.toString(), o.committable() + "(" + o.inFlight.size() + " in flight)"));
        return "OffsetTracker" + view;
    }
}
