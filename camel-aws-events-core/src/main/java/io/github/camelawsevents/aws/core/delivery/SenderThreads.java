package io.github.camelawsevents.aws.core.delivery;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * The threads that plan, send and read answers for one endpoint ({@code <Name>Sender}). Made before the endpoint's AWS
 * client, which completes its futures on them, and shut down by the endpoint after the client closed. Their queue is
 * unbounded: a pool that refused would leave an answer unread, and nothing ever runs in place on the thread that hands
 * it over. They never run a step of a route.
 */
public final class SenderThreads {

    private SenderThreads() {
    }

    /** Two threads (up to four on larger machines), which end when idle for a minute. */
    public static ThreadPoolExecutor newPool(CamelContext context, String name) {
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor[] pool = new ThreadPoolExecutor[1];
        pool[0] = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> new SenderThread(pool[0], task, executors.resolveThreadName(name + "Sender")));
        pool[0].allowCoreThreadTimeOut(true);
        return pool[0];
    }

    /** Whether the calling thread is one of {@code pool}'s. */
    static boolean isCurrent(ThreadPoolExecutor pool) {
        return pool != null && Thread.currentThread() instanceof SenderThread sender && sender.pool == pool;
    }

    private static final class SenderThread extends Thread {
        private final ThreadPoolExecutor pool;

        SenderThread(ThreadPoolExecutor pool, Runnable task, String threadName) {
            super(task, threadName);
            this.pool = pool;
            setDaemon(true);
        }
    }
}
