package io.github.camelawsevents.benchmarks;

import org.apache.camel.Exchange;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * A partner route as real routes are written: SEDA with {@code concurrentConsumers}, the producer, then a step of the
 * route's own that takes {@code stepMillis} (a status row, an audit call: it waits, it does not compute). It shows where
 * the rest of the route runs and how concurrently: our producer continues it on its worker pool, Camel's synchronous
 * {@code aws2-eventbridge} on the consumer threads. With {@code stepMillis} 0 the same route without the step, the
 * reference the step's cost is measured against.
 */
final class StepAfterProducer extends RouteContender {

    private final int consumers;
    private final long stepMillis;
    private final boolean peer;

    private StepAfterProducer(int window, int consumers, long stepMillis, boolean peer,
                              java.util.function.Function<EmulatorControl.Info, String> uri) {
        super(window, uri);
        this.consumers = consumers;
        this.stepMillis = stepMillis;
        this.peer = peer;
    }

    /** {@code aws-partner-events:} per exchange, then the step. */
    static StepAfterProducer ours(int window, int inFlight, int consumers, long stepMillis) {
        return new StepAfterProducer(window, consumers, stepMillis, false,
                emulator -> PartnerEndpoints.uri(emulator, inFlight));
    }

    /** Camel's {@code aws2-eventbridge} putEvent, then the step. */
    static StepAfterProducer peer(int window, int consumers, long stepMillis) {
        return new StepAfterProducer(window, consumers, stepMillis, true, PeerEventBridge::uri);
    }

    @Override
    protected String consumerOptions() {
        return "&concurrentConsumers=" + consumers;
    }

    /**
     * The producer, then (after it completed the exchange) the exchange leaves the feeder's window, then the step. The
     * window bounds what waits for or is in the producer, as for the other partner routes; the step is outside it, as
     * in a route whose SEDA consumers go back to the queue while earlier exchanges run their steps. With the step
     * inside, the window alone would cap this row at {@code window / (latency + step)} (Little's law: about 0.7× the
     * row without the step at 20 ms, whatever the producer does).
     */
    @Override
    protected boolean leavesWindowAfterProducer() {
        return true;
    }

    @Override
    protected ProcessorDefinition<?> route(RouteDefinition from) {
        ProcessorDefinition<?> sent = from.to(endpoint()).process(this::leaveWindow);
        if (stepMillis <= 0) {
            return sent;
        }
        long step = stepMillis;
        return sent.process(exchange -> Thread.sleep(step));
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        if (peer) {
            PeerEventBridge.fillPeer(exchange, n);
        } else {
            exchange.getIn().setBody(SampleEvents.partnerDetail(n));
        }
    }
}
