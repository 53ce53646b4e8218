package io.github.camelawsevents.reliability;

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
 * Watches this JVM's heap pools (MemoryPoolMXBean) during a run: the peak occupancy (sampled every few milliseconds
 * and taken just before every GC), and the peak occupancy right after a GC — the live data plus old garbage not yet
 * collected, which is what grows when something is retained per event.
 */
public final class HeapWatch implements AutoCloseable {

    private static final int SAMPLE_MILLIS = 10;

    private final List<MemoryPoolMXBean> pools;
    private final Set<String> poolNames = new HashSet<>();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final AtomicLong gcs = new AtomicLong();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch() {
        pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        pools.forEach(p -> poolNames.add(p.getName()));
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        peak.set(used());
        sampler = new Thread(this::sample, "reliability-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

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

    public long peakBytes() {
        return peak.get();
    }

    /** The highest heap occupancy right after a GC, or -1 if no GC ran while watching. */
    public long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    public long gcCount() {
        return gcs.get();
    }

    /** Heap in use after a full collection requested now: what the run left behind. */
    public static long retainedAfterFullGc() {
        System.gc();
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getUsage().getUsed();
            }
        }
        return sum;
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
