package io.github.camelawsevents.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap during a measured run: the peak occupancy (sampled every {@value #SAMPLE_MILLIS} ms and taken just
 * before every GC, so no peak between two samples is missed) and the peak occupancy right after a GC (the live data
 * plus the old-generation garbage not yet collected: what grows if something is retained per event).
 */
public final class HeapWatch implements AutoCloseable {

    static final int SAMPLE_MILLIS = 5;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Set<String> HEAP_POOLS = heapPools();

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong livePeak = new AtomicLong(-1);
    private final NotificationListener gcListener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
        peak.set(MEMORY.getHeapMemoryUsage().getUsed());
        sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching. */
    public static HeapWatch start() {
        return new HeapWatch();
    }

    public long peakBytes() {
        return peak.get();
    }

    /** The peak heap after a GC, or -1 when no GC ran while watching. */
    public long livePeakBytes() {
        return livePeak.get();
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
                    emitter.removeNotificationListener(gcListener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // never registered on this bean
                }
            }
        }
        peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    }

    private void sample() {
        while (running) {
            peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
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
        peak.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        livePeak.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private static long heapSum(Map<String, MemoryUsage> usage) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
            if (HEAP_POOLS.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    private static Set<String> heapPools() {
        Set<String> names = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                names.add(pool.getName());
            }
        }
        return names;
    }
}
