package io.github.camelawsevents.aws.testsupport;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches this JVM's heap pools (MemoryPoolMXBean) during a measured run, for the benchmarks and the reliability
 * suite: the peak occupancy (sampled every {@value #SAMPLE_MILLIS} ms and taken just before every GC, so no peak
 * between two samples is missed), and the peak occupancy right after a GC: the live data plus the old-generation
 * garbage not yet collected, which is what grows when something is retained per event.
 */
public final class HeapWatch implements AutoCloseable {

    /** The sampling period. */
    public static final int SAMPLE_MILLIS = 5;

    private final List<MemoryPoolMXBean> pools;
    private final Set<String> poolNames = new HashSet<>();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final AtomicLong gcs = new AtomicLong();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch() {
        pools = heapPools();
        pools.forEach(p -> poolNames.add(p.getName()));
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        peak.set(used());
        sampler = new Thread(this::sample, "heap-watch-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching. */
    public static HeapWatch start() {
        return new HeapWatch();
    }

    /** Heap in use now, summed over the heap pools. */
    public long used() {
        long sum = 0;
        for (MemoryPoolMXBean p : pools) {
            sum += p.getUsage().getUsed();
        }
        return sum;
    }

    /** The highest heap occupancy seen. */
    public long peakBytes() {
        return peak.get();
    }

    /** The highest heap occupancy right after a GC, or -1 if no GC ran while watching. */
    public long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    /** How many GCs ran while watching. */
    public long gcCount() {
        return gcs.get();
    }

    /** Heap in use after a full collection requested now: what the run left behind. */
    public static long retainedAfterFullGc() {
        System.gc();
        long sum = 0;
        for (MemoryPoolMXBean p : heapPools()) {
            sum += p.getUsage().getUsed();
        }
        return sum;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private void sample() {
        while (running) {
            peak.accumulateAndGet(used(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS); // a sampling period, not a synchronisation
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        gcs.incrementAndGet();
        peak.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        peakAfterGc.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long sum(Map<String, MemoryUsage> usage) {
        long s = 0;
        for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
            if (poolNames.contains(e.getKey())) {
                s += e.getValue().getUsed();
            }
        }
        return s;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException ignored) {
                    // not registered on this bean
                }
            }
        }
        peak.accumulateAndGet(used(), Math::max);
    }
}
