package io.github.camelawsevents.aws.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * When a warm-up may end: the JIT compilers of the JVMs that deliver are quiet. The benchmark harness's warm-up uses the
 * rule ({@link #quiet}) while it runs warm-up batches; the scale-out scenarios wait with {@link #await} for the worker
 * JVMs (and the seda reference) after their warm-up. A fresh JVM goes on compiling the hot paths of the AWS SDK, Netty,
 * Kafka and Camel for tens of seconds after its first events (on 2 cores shared by four JVMs, C2 was about 40 % of a
 * scale-out worker's CPU in the timed part: see that module's README); a JVM that runs for hours pays that once, so a
 * measurement should not.
 * <p>
 * Quiet: in a window of {@link #WINDOW_MILLIS}, every JVM spent less than {@link #QUIET_SHARE} of it compiling
 * ({@link CompilationMXBean#getTotalCompilationTime()}); at most {@link #MAX_MILLIS}. The window is a measurement
 * period, not a wait for something to happen.
 */
public final class JitQuiet {

    /** The measurement window. */
    public static final long WINDOW_MILLIS = 2_000;
    /** The share of the window spent compiling below which the compilers count as quiet. */
    public static final double QUIET_SHARE = 0.02;
    /** The longest {@link #await} waits. */
    public static final long MAX_MILLIS = 60_000;

    /** The compilation time of one JVM so far, in milliseconds. */
    public interface CompileClock extends Closeable {
        long millis() throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    private JitQuiet() {
    }

    /** This JVM's compilers. */
    public static CompileClock local() {
        CompilationMXBean compilers = ManagementFactory.getCompilationMXBean();
        return compilers::getTotalCompilationTime;
    }

    /** The compilers of the JVM with process id {@code pid} (a child of this JVM), read over JMX after attaching. */
    public static CompileClock attached(long pid) throws IOException {
        String url;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                url = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("cannot attach to JVM " + pid + ": " + e.getMessage(), e);
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url));
        CompilationMXBean compilers = ManagementFactory.getPlatformMXBean(connector.getMBeanServerConnection(),
                CompilationMXBean.class);
        return new CompileClock() {
            @Override
            public long millis() {
                return compilers.getTotalCompilationTime();
            }

            @Override
            public void close() throws IOException {
                connector.close();
            }
        };
    }

    /** Whether {@code compiledMillis} of compiling in a window of {@code windowMillis} counts as quiet. */
    public static boolean quiet(long compiledMillis, long windowMillis) {
        return compiledMillis < QUIET_SHARE * windowMillis;
    }

    /**
     * Waits until every clock's JVM is quiet, or {@link #MAX_MILLIS}.
     *
     * @return the milliseconds each JVM spent compiling in the last window, in the order of {@code clocks}
     */
    public static List<Long> await(List<? extends CompileClock> clocks) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000;
        long[] before = read(clocks);
        while (true) {
            long windowStart = System.nanoTime();
            Thread.sleep(WINDOW_MILLIS); // the measurement window itself
            long window = (System.nanoTime() - windowStart) / 1_000_000;
            long[] after = read(clocks);
            List<Long> compiled = new ArrayList<>();
            boolean allQuiet = true;
            for (int i = 0; i < after.length; i++) {
                compiled.add(after[i] - before[i]);
                allQuiet &= quiet(after[i] - before[i], window);
            }
            if (allQuiet || System.nanoTime() >= deadline) {
                return compiled;
            }
            before = after;
        }
    }

    private static long[] read(List<? extends CompileClock> clocks) throws IOException {
        long[] millis = new long[clocks.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = clocks.get(i).millis();
        }
        return millis;
    }
}
