package io.github.camelawsevents.aws.core.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the rest of a route runs after one of our producers completed its exchange (camel-kafka's {@code workerPool}):
 * never on a thread of the pipeline, nor on an AWS SDK or Netty thread.
 * <p>
 * The pool the component makes grows to {@code maxSize} threads before it queues anything (a plain
 * {@link ThreadPoolExecutor} queues first and grows only when its queue is full, so a route fed by many consumers
 * would run its steps on {@code coreSize} threads), keeps {@code coreSize} threads when idle, and queues without bound
 * beyond {@code maxSize} (it never refuses and never runs a task on the thread that hands it over). While one of its
 * threads waits for a pending bound, the pool may run one more thread ({@link #blockingOnThisThread}), up to
 * {@code maxSize} more. A pool the user supplies is used as it is, and never shut down by us.
 */
final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    /** What a thread about to wait for a pending bound holds until it stops waiting. */
    interface Blocking {
        Blocking NONE = () -> {
        };

        void end();
    }

    private final ExecutorService executor;
    private final Elastic own;
    private final String name;

    private WorkerPool(String name, ExecutorService executor, Elastic own) {
        this.name = name;
        this.executor = executor;
        this.own = own;
    }

    /** A pool of the user's: used as is, never shut down here. */
    static WorkerPool supplied(String name, ExecutorService executor) {
        return new WorkerPool(name, executor, null);
    }

    /** A pool of our own, with threads named by {@code threads}. */
    static WorkerPool own(String name, int coreSize, int maxSize, ThreadFactory threads) {
        if (coreSize < 0 || maxSize < 1 || coreSize > maxSize) {
            throw new IllegalArgumentException("workerPoolCoreSize must be 0 to workerPoolMaxSize and"
                                               + " workerPoolMaxSize at least 1, got " + coreSize + " and " + maxSize);
        }
        Elastic pool = new Elastic(coreSize, maxSize, threads);
        return new WorkerPool(name, pool, pool);
    }

    /**
     * Runs {@code task} on the pool. When the pool refuses it (a pool of the user's that is full, or any pool after
     * shutdown), it runs on the calling thread, which is never an SDK thread: a completion is never dropped.
     */
    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException refused) {
            LOG.debug("{}: the worker pool refused a completion; it runs on {}", name, Thread.currentThread().getName());
            task.run();
        }
    }

    /**
     * Runs {@code task} on the pool if it takes it.
     *
     * @return false when the pool refused it (a pool of the user's that is full, or any pool after shutdown)
     */
    boolean tryExecute(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException refused) {
            return false;
        }
    }

    /** Whether it is a pool of our own (shut down with the pipeline). */
    boolean isOwn() {
        return own != null;
    }

    /** Lets the completions already handed over run, then ends the threads (a pool of the user's is left alone). */
    void shutdown() {
        if (own != null) {
            own.shutdown();
        }
    }

    /** Threads of the pool now (ours only; -1 for a pool of the user's). */
    int threads() {
        return own != null ? own.getPoolSize() : -1;
    }

    /**
     * Called by a thread about to wait for a pending bound: when it is a thread of one of our own pools, that pool may
     * run one more thread until {@link Blocking#end()}.
     */
    static Blocking blockingOnThisThread() {
        if (Thread.currentThread() instanceof WorkerThread worker) {
            return worker.pool.blocking();
        }
        return Blocking.NONE;
    }

    /** A thread of one of our pools. */
    static final class WorkerThread extends Thread {
        private final Elastic pool;

        WorkerThread(Elastic pool, Runnable task, String name) {
            super(task, name);
            this.pool = pool;
        }
    }

    /** Grows to its maximum before it queues; queues without bound; compensates for threads that wait. */
    static final class Elastic extends ThreadPoolExecutor {
        private final int baseCore;
        private final int baseMax;
        private final AtomicInteger running = new AtomicInteger();
        private int blocked;

        Elastic(int coreSize, int maxSize, ThreadFactory threads) {
            super(coreSize, maxSize, 60, TimeUnit.SECONDS, new GrowFirstQueue());
            ((GrowFirstQueue) getQueue()).pool = this;
            this.baseCore = coreSize;
            this.baseMax = maxSize;
            setThreadFactory(task -> {
                Thread made = threads.newThread(task);
                WorkerThread worker = new WorkerThread(this, task, made.getName());
                worker.setDaemon(made.isDaemon());
                return worker;
            });
            // beyond the maximum, tasks queue: never refused while running, never run on the caller's thread
            setRejectedExecutionHandler((task, executor) -> {
                if (executor.isShutdown() || !((GrowFirstQueue) executor.getQueue()).force(task)) {
                    throw new RejectedExecutionException("the worker pool is shut down");
                }
            });
        }

        @Override
        public void execute(Runnable command) {
            running.incrementAndGet();
            try {
                super.execute(command);
            } catch (RejectedExecutionException e) {
                running.decrementAndGet();
                throw e;
            }
        }

        @Override
        protected void afterExecute(Runnable r, Throwable t) {
            running.decrementAndGet();
        }

        /** True when every thread has a task: a new task should start a thread rather than wait in the queue. */
        boolean allBusy() {
            return running.get() > getPoolSize();
        }

        Blocking blocking() {
            synchronized (this) {
                if (blocked >= baseMax) {
                    return Blocking.NONE; // as many extra threads as the pool's maximum: the waits are bounded
                }
                blocked++;
                // the maximum first, then a core size above the threads there are: that starts a thread for what is
                // queued now, or for the next task
                setMaximumPoolSize(baseMax + blocked);
                setCorePoolSize(Math.min(baseMax + blocked, Math.max(getCorePoolSize(), getPoolSize() + 1)));
            }
            return () -> {
                synchronized (this) {
                    blocked--;
                    // the core size first, then the maximum; threads above the core size end when idle
                    setCorePoolSize(blocked == 0 ? baseCore : Math.min(getCorePoolSize(), baseMax + blocked));
                    setMaximumPoolSize(baseMax + blocked);
                }
            };
        }
    }

    /** Refuses an offer while the pool can still grow and no thread is free, so the pool starts a thread instead. */
    static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        transient Elastic pool;

        @Override
        public boolean offer(Runnable task) {
            if (pool != null && pool.getPoolSize() < pool.getMaximumPoolSize() && pool.allBusy()) {
                return false;
            }
            return super.offer(task);
        }

        boolean force(Runnable task) {
            return super.offer(task);
        }
    }
}
