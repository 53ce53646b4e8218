package io.github.camelawsevents.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelawsevents.aws.testsupport.HeapWatch;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * What every scenario does around its route: a Camel context, a feeder thread that puts the events on a bounded SEDA
 * queue (it blocks while the queue is full, so nothing per event piles up in memory), an optional stop and restart of
 * the route in the middle of the run, waiting (signalled, not polled) until every event has a final outcome, and the
 * time and heap figures.
 */
abstract class RouteScenario {

    /** How long Camel's graceful shutdown waits for in-flight exchanges (default; a scenario may set its own). */
    static final int SHUTDOWN_TIMEOUT_SECONDS = 60;
    static final String N_HEADER = "RelN";

    protected final EmulatorHandle emulator;
    protected final long seed;
    protected final int events;
    protected final Ledger ledger = new Ledger();
    protected final Progress progress = new Progress();
    /** Events the route's consumer has taken off the queue. */
    protected final AtomicLong entered = new AtomicLong();
    private final AtomicLong fed = new AtomicLong();
    private final AtomicReference<Throwable> feederFailure = new AtomicReference<>();
    /** Camel's shutdown timeout for this run (a route stop waits this long, then forces the stop). */
    protected int shutdownTimeoutSeconds = SHUTDOWN_TIMEOUT_SECONDS;
    /**
     * Whether the feeder keeps feeding while the route stops. A SEDA route's graceful stop also waits for its queue
     * to drain (Camel counts it as pending exchanges), so a feeder that keeps it full always runs the stop into its
     * timeout, and Camel forces the route down. When false the feeder pauses during the stop, as a broker holds its
     * messages while the route's consumer is stopped.
     */
    protected boolean feedWhileStopping;
    private final Object gate = new Object();
    private boolean paused;

    protected RouteScenario(EmulatorHandle emulator, long seed, int events) {
        this.emulator = emulator;
        this.seed = seed;
        this.events = events;
    }

    /** The SEDA endpoint the feeder sends to and the route consumes from. */
    protected abstract String sedaUri();

    /** The route id of the route under test. */
    protected abstract String routeId();

    protected abstract RouteBuilder routes();

    /** Body and headers of event {@code n}. */
    protected abstract Object body(long n);

    protected abstract Map<String, Object> headers(long n);

    /** The AWS connection options of our components and Camel's aws2 components, pointing at the emulator. */
    protected String connection() {
        return "region=" + emulator.region() + "&accessKey=RAW(" + emulator.accessKey() + ")&secretKey=RAW("
               + emulator.secretKey() + ")&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint();
    }

    /** The figures of one execution: filled by {@link #execute}. */
    static final class Execution {
        long elapsedNanos;
        long peakHeap;
        long peakHeapAfterGc;
        long gcs;
        long retainedAfterRun;
        long baselineHeap;
        boolean completed;
        ServiceStatus routeStatus;
        boolean stopped;
        long stopMillis;
        long enteredAtStop;
        long doneAtStop;
        long inflightAfterStop;
        long doneAfterStop;
        long enteredAfterStop;
        long fedAtStop;
        long fedAfterStop;
    }

    /**
     * Runs the route until every event has an outcome or {@code timeout} passed.
     *
     * @param stopAt when in (0, 1): stop the route once this fraction of the events is done, check that nothing taken
     *               off the queue is left without an outcome, and start it again; otherwise no stop
     */
    protected Execution execute(double stopAt, Duration timeout) throws Exception {
        Execution x = new Execution();
        CamelContext camel = new DefaultCamelContext();
        camel.disableJMX();
        camel.getShutdownStrategy().setTimeout(shutdownTimeoutSeconds);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.addRoutes(routes());
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
                if (routeId().equals(exchange.getFromRouteId()) && exchange.getException() != null) {
                    failedOutsideDeadLetter(exchange);
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeFailedEvent;
            }
        });
        camel.start();
        try {
            x.baselineHeap = HeapWatch.retainedAfterFullGc();
            ProducerTemplate template = camel.createProducerTemplate();
            Thread feeder = new Thread(() -> feed(template), "reliability-feeder");
            long start = System.nanoTime();
            try (HeapWatch heap = HeapWatch.start()) {
                feeder.start();
                if (stopAt > 0 && stopAt < 1) {
                    stopAndRestart(camel, x, (long) (events * stopAt), timeout);
                }
                x.completed = progress.await(events, timeout);
                x.elapsedNanos = System.nanoTime() - start;
                feeder.join(TimeUnit.SECONDS.toMillis(10));
                x.peakHeap = heap.peakBytes();
                x.peakHeapAfterGc = heap.peakAfterGcBytes();
                x.gcs = heap.gcCount();
            }
            x.retainedAfterRun = HeapWatch.retainedAfterFullGc();
            x.routeStatus = camel.getRouteController().getRouteStatus(routeId());
            template.close();
        } finally {
            camel.close();
        }
        Throwable failure = feederFailure.get();
        if (failure != null) {
            throw new IllegalStateException("the feeder failed after " + fed.get() + " events", failure);
        }
        return x;
    }

    private void stopAndRestart(CamelContext camel, Execution x, long target, Duration timeout) throws Exception {
        if (!progress.await(target, timeout)) {
            return;
        }
        x.enteredAtStop = entered.get();
        x.doneAtStop = progress.done();
        long t0 = System.nanoTime();
        if (!feedWhileStopping) {
            pauseFeeder(true);
        }
        x.fedAtStop = fed.get();
        camel.getRouteController().stopRoute(routeId(), shutdownTimeoutSeconds, TimeUnit.SECONDS);
        x.stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        x.stopped = true;
        // the consumer is stopped: what it took must all have an outcome now, nothing may hang or vanish
        x.enteredAfterStop = entered.get();
        x.doneAfterStop = progress.done();
        x.inflightAfterStop = camel.getInflightRepository().size(routeId());
        x.fedAfterStop = fed.get();
        camel.getRouteController().startRoute(routeId());
        pauseFeeder(false);
    }

    private void pauseFeeder(boolean pause) {
        synchronized (gate) {
            paused = pause;
            gate.notifyAll();
        }
    }

    private void feed(ProducerTemplate template) {
        try {
            for (long n = 0; n < events; n++) {
                synchronized (gate) {
                    while (paused) {
                        gate.wait();
                    }
                }
                template.sendBodyAndHeaders(sedaUri(), body(n), headers(n));
                fed.incrementAndGet();
            }
        } catch (Throwable t) {
            feederFailure.set(t);
            progress.add(Long.MAX_VALUE / 2); // wake the waiting thread: the run cannot complete
        }
    }

    /**
     * An exchange of the route under test ended failed without reaching the dead-letter channel (Camel's error handler
     * refuses to run while it forces a route down): records its events as such and counts them as done.
     */
    protected void failedOutsideDeadLetter(Exchange exchange) {
        ledger.failedOutsideDeadLetter(n(exchange), exchange.getException().getClass().getSimpleName());
        progress.add(1);
    }

    /** The event number an exchange carries in its header, or -1. */
    protected static long n(Exchange exchange) {
        Long n = exchange.getMessage().getHeader(N_HEADER, Long.class);
        return n == null ? -1 : n;
    }

    /** The simple class name of the exception that failed an exchange (for the dead-letter report). */
    protected static String cause(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (t == null) {
            t = exchange.getException();
        }
        return t == null ? "none" : t.getClass().getSimpleName();
    }

    /** Common figures of an execution, into the result. */
    protected void describe(ScenarioResult r, Execution x) {
        double seconds = x.elapsedNanos / 1e9;
        r.metric("time (s)", round(seconds, 1));
        r.metric("events/s", seconds > 0 ? Math.round(events / seconds) : 0);
        r.metric("peak heap (MB)", mb(x.peakHeap));
        r.metric("peak heap after GC (MB)", mb(x.peakHeapAfterGc));
        r.metric("heap before run (MB)", mb(x.baselineHeap));
        r.metric("heap retained after run (MB)", mb(x.retainedAfterRun));
        r.metric("GCs", x.gcs);
        r.metric("route status at end", String.valueOf(x.routeStatus));
        r.metric("exchanges failed outside the dead-letter channel (Camel forced shutdown)",
                ledger.failedOutsideDeadLetter().cardinality() + " " + ledger.failedOutsideCauses());
        r.check("every event reached a final outcome within the time limit", x.completed,
                progress.done() + " of " + events + " events done");
        r.check("the route is still running at the end", x.routeStatus == ServiceStatus.Started,
                "route " + routeId() + " is " + x.routeStatus);
        if (x.stopped) {
            r.metric("stopped after events done", x.doneAtStop);
            r.metric("taken off the queue when stopped", x.enteredAfterStop);
            r.metric("route stop took (ms)", x.stopMillis);
            r.metric("shutdown timeout (s)", shutdownTimeoutSeconds);
            r.metric("fed to the queue when the stop began / ended", x.fedAtStop + " / " + x.fedAfterStop);
            r.metric("feeder", feedWhileStopping ? "kept feeding during the stop (forced stop)"
                    : "paused during the stop (graceful stop)");
            String after = "after stopRoute returned: " + x.enteredAfterStop + " taken off the queue, "
                           + x.doneAfterStop + " with an outcome, " + x.inflightAfterStop + " exchanges in flight";
            r.metric("at the end of the stop", after);
            if (!feedWhileStopping) {
                r.check("graceful route stop: every event the consumer had taken was completed or handed back",
                        x.doneAfterStop == x.enteredAfterStop && x.inflightAfterStop == 0, after);
            }
        }
    }

    static double mb(long bytes) {
        return bytes < 0 ? -1 : round(bytes / (1024.0 * 1024.0), 1);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : round(100.0 * part / whole, 2);
    }
}
