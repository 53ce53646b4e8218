package io.github.camelawsevents.benchmarks;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * A contender that is a Camel route, fed the way a real route is fed: a feeder thread puts one exchange per event on
 * a bounded SEDA queue, and the route's SEDA consumer (one thread, Camel's defaults unless a contender says
 * otherwise) hands each exchange to the route. An asynchronous producer that returns before its request completes
 * lets that one thread take the next exchange at once, so the producer alone decides how many requests are in
 * flight; a synchronous producer holds the thread until its response is in.
 *
 * <p>At most {@code window} events are outstanding (queued, in the route, or in flight) at any time: the feeder
 * takes a permit per event and the route gives it back when the event completes (a route with a step of its own after
 * the producer gives it back when the producer completed the exchange: {@link #leaveWindow}). That keeps memory flat
 * at any N and makes every contender face the same backlog. An event's end-to-end latency runs from the moment it is
 * put on the queue until the route step after the producer runs (the producer's completion), or until the aggregated
 * exchange carrying it completes.
 */
abstract class RouteContender implements Contender {

    /** Header: when the event was put on the queue ({@link System#nanoTime()}). */
    static final String ENTRY_TIME = "BenchEntryTime";
    /** Property: the exchange's permits went back already ({@link #leaveWindow}). */
    private static final String LEFT_WINDOW = "BenchLeftWindow";
    /** Property of an exchange carrying several events: their entry times ({@link TimestampList}). */
    static final String ENTRY_TIMES = "BenchEntryTimes";

    private final int window;
    private final Semaphore permits;
    private final Function<EmulatorControl.Info, String> endpointUri;
    private volatile LatencyRecorder latencies;
    private volatile PendingEvents pending;
    private String endpoint;
    private CamelContext camel;
    private SedaEndpoint input;
    private BlockingQueue<Exchange> queue;

    /**
     * @param window      the most events outstanding at once
     * @param endpointUri the URI of the endpoint under test, for the emulator
     */
    RouteContender(int window, Function<EmulatorControl.Info, String> endpointUri) {
        this.window = window;
        this.permits = new Semaphore(window);
        this.endpointUri = endpointUri;
    }

    /** The endpoint under test. */
    protected String endpoint() {
        return endpoint;
    }

    /** The route after its SEDA consumer, up to and including the producer under test (by default, just it). */
    protected ProcessorDefinition<?> route(RouteDefinition from) {
        return from.to(endpoint);
    }

    /** Sets the body and headers of the exchange that carries event {@code n}. */
    protected abstract void fill(Exchange exchange, long n);

    /**
     * How many events one exchange carries; above one, {@link #fillBatch} builds the exchange (a body that is already
     * a batch, as a user who has batches at hand sends it).
     */
    protected int eventsPerExchange() {
        return 1;
    }

    /**
     * Sets the body of an exchange carrying events {@code first} to {@code first + count - 1}, adding each event's
     * entry time to {@code times} as the event is made.
     */
    protected void fillBatch(Exchange exchange, long first, int count, TimestampList times) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " sends one event per exchange");
    }

    /**
     * Whether the route aggregates: then, after the last event of a run, the feeder sends Camel's "complete all
     * groups" signal, as a real route does at the end of its input, instead of letting the last partial batch wait
     * for the completion timeout (the limit, too, sends its last partial batch at once).
     */
    protected boolean aggregates() {
        return false;
    }

    /**
     * How many events the service acknowledged for a completed exchange carrying {@code events} events: by default
     * all of them (a failure would have taken the error path).
     */
    protected int acknowledged(Exchange exchange, int events) {
        return events;
    }

    /** The SEDA consumer's options beyond the harness's (none: Camel's default of one consumer thread). */
    protected String consumerOptions() {
        return "";
    }

    @Override
    public void start(EmulatorControl.Info emulator) throws Exception {
        endpoint = endpointUri.apply(emulator);
        camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(30);
        // pollTimeout only bounds how long an idle consumer waits per poll (and how long it sleeps while the
        // context starts, 1 s by default); a busy consumer never waits on it
        String uri = "seda:bench?size=" + window + "&blockWhenFull=true&pollTimeout=100" + consumerOptions();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(RouteContender.this::failed);
                route(from(uri).routeId("bench")).process(RouteContender.this::completed);
            }
        });
        camel.start();
        input = camel.getEndpoint(uri, SedaEndpoint.class);
        queue = input.getQueue();
    }

    @Override
    public RunOutcome run(long first, int count, LatencyRecorder latencies) throws Exception {
        this.latencies = latencies;
        PendingEvents run = new PendingEvents(count);
        pending = run;
        int perExchange = eventsPerExchange();
        long end = first + count;
        for (long n = first; n < end; n += perExchange) {
            Exchange exchange = input.createExchange();
            if (perExchange == 1) {
                permits.acquire();
                fill(exchange, n);
                exchange.getIn().setHeader(ENTRY_TIME, System.nanoTime());
            } else {
                int events = (int) Math.min(perExchange, end - n);
                permits.acquire(events);
                TimestampList times = new TimestampList();
                fillBatch(exchange, n, events, times);
                exchange.setProperty(ENTRY_TIMES, times);
            }
            queue.put(exchange);
        }
        if (aggregates()) {
            Exchange flush = input.createExchange();
            flush.getIn().setHeader(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS, true);
            queue.put(flush);
        }
        return run.await();
    }

    /**
     * Whether the route gives an exchange's permits back right after the producer ({@link #leaveWindow}) rather than at
     * its end: a contender whose window bounds only what waits for or is in the producer (a step of the route's own
     * after it is outside). Only such routes mark their exchanges; the others pay nothing per exchange for it.
     */
    protected boolean leavesWindowAfterProducer() {
        return false;
    }

    /**
     * Gives the exchange's permits back, called by a route that {@link #leavesWindowAfterProducer() leaves the window
     * after the producer} right after it. The end of the route then only records the events.
     */
    protected void leaveWindow(Exchange exchange) {
        exchange.setProperty(LEFT_WINDOW, Boolean.TRUE);
        permits.release(eventsOf(exchange));
    }

    /** At the end of the route, or on its error path: the permits go back unless they went back already. */
    private void endOfRoute(Exchange exchange, int events) {
        if (!leavesWindowAfterProducer() || exchange.getProperty(LEFT_WINDOW) == null) {
            permits.release(events);
        }
    }

    private static int eventsOf(Exchange exchange) {
        TimestampList times = exchange.getProperty(ENTRY_TIMES, TimestampList.class);
        return times == null ? 1 : times.size();
    }

    private void completed(Exchange exchange) {
        TimestampList times = exchange.getProperty(ENTRY_TIMES, TimestampList.class);
        long now = System.nanoTime();
        int events;
        if (times == null) {
            latencies.record(now - exchange.getIn().getHeader(ENTRY_TIME, Long.class));
            events = 1;
        } else {
            for (int i = 0; i < times.size(); i++) {
                latencies.record(now - times.get(i));
            }
            events = times.size();
        }
        endOfRoute(exchange, events);
        pending.completed(events, 0, acknowledged(exchange, events));
    }

    private void failed(Exchange exchange) {
        int events = eventsOf(exchange);
        if (pending.failed() == 0) {
            System.err.println("[bench] first failure in " + getClass().getSimpleName() + ": "
                               + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        }
        endOfRoute(exchange, events);
        pending.completed(events, events, 0);
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }
}
