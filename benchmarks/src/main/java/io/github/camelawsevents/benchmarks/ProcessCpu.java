package io.github.camelawsevents.benchmarks;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM process: every thread, GC and JIT compiler threads included. */
public final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU this process has used since it started. */
    public static long nanos() {
        return OS.getProcessCpuTime();
    }
}
