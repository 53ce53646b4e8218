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
 * When a warm-up may end: the JIT compilers of the JVMs that deliver stayed quiet while they delivered. The benchmark
 * harness (rounds of warm-up batches {@link #WINDOW_MILLIS} long, in its own JVM) and the scale-out scenarios (rounds
 * of 5 % of the events, against the worker JVMs and the seda reference) both warm up with {@link #warmUp}. A fresh JVM goes on compiling the hot
 * paths of the AWS SDK, Netty, Kafka and Camel for tens of seconds after its first events; a JVM that runs for hours
 * pays that once, so a measurement should not.
 * <p>
 * The compilers must be quiet <em>under load</em>: a JVM that has delivered its warm-up and stands idle compiles
 * nothing, however much of its hot path is still interpreted or at C1. Waiting for an idle JVM's compilers to be quiet
 * (what the scale-out scenarios did until 2026-12-06) let C2 take 20 to 46 % of a worker's CPU in the first 30 s of
 * the timed part (async-profiler, full size, see the scale-out README).
 * <p>
 * Quiet: every JVM spent less than {@link #QUIET_SHARE} of a period of load compiling
 * ({@link CompilationMXBean#getTotalCompilationTime()}).
 */
public final class JitQuiet {

    /** The length of one warm-up round of the benchmark harness. */
    public static final long WINDOW_MILLIS = 2_000;
    /** The share of a period spent compiling below which the compilers count as quiet. */
    public static final double QUIET_SHARE = 0.02;

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

    /** One warm-up round: feeds events and returns once they are delivered. */
    @FunctionalInterface
    public interface Round {
        void run(int index) throws Exception;
    }

    /**
     * How a warm-up ended.
     *
     * @param rounds                   the rounds run
     * @param lastRoundMillis          how long the last round took
     * @param lastRoundCompiledMillis  the milliseconds each JVM spent compiling in it, in the order of the clocks
     * @param quiet                    whether every JVM was quiet in it ({@code false}: the warm-up ran out of rounds)
     */
    public record WarmUp(int rounds, long lastRoundMillis, List<Long> lastRoundCompiledMillis, boolean quiet) {
    }

    /**
     * Runs at least {@code minRounds} warm-up rounds, and on until every clock's JVM was quiet during one whole round
     * (the first round, which also loads the classes, never counts), or {@code maxRounds} ran. With no clocks, runs
     * {@code minRounds}.
     */
    public static WarmUp warmUp(List<? extends CompileClock> clocks, int minRounds, int maxRounds, Round round)
            throws Exception {
        if (minRounds < 1 || maxRounds < minRounds) {
            throw new IllegalArgumentException("need 1 <= minRounds <= maxRounds, was " + minRounds + " and "
                                               + maxRounds);
        }
        int rounds = 0;
        while (true) {
            long[] before = read(clocks);
            long start = System.nanoTime();
            round.run(rounds++);
            long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            long[] after = read(clocks);
            List<Long> compiled = new ArrayList<>();
            boolean allQuiet = rounds > 1 && !clocks.isEmpty();
            for (int i = 0; i < after.length; i++) {
                compiled.add(after[i] - before[i]);
                allQuiet &= quiet(after[i] - before[i], millis);
            }
            if (rounds >= minRounds && (allQuiet || clocks.isEmpty()) || rounds >= maxRounds) {
                return new WarmUp(rounds, millis, compiled, allQuiet);
            }
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
