package io.github.camelawsevents.benchmarks;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Contender 1, the peer a user would pick today: Camel's own {@code aws2-eventbridge} component, operation
 * {@code putEvent}, which sends one PutEvents request with one entry per exchange on the SDK's synchronous client.
 * Its producer is synchronous, so with Camel's default SEDA consumer (one thread) it has one request in flight; the
 * variant with {@code concurrentConsumers} gives it as many threads as our producer has requests in flight.
 */
final class PeerEventBridge extends RouteContender {

    private final int consumers;

    PeerEventBridge(int window, int consumers) {
        super(window, PeerEventBridge::uri);
        this.consumers = consumers;
    }

    /** The peer's endpoint for the emulator. */
    static String uri(EmulatorControl.Info emulator) {
        return "aws2-eventbridge://default?operation=putEvent"
               + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
               + "&region=" + emulator.region()
               + "&accessKey=RAW(" + emulator.accessKey() + ")"
               + "&secretKey=RAW(" + emulator.secretKey() + ")";
    }

    @Override
    protected String consumerOptions() {
        return consumers > 1 ? "&concurrentConsumers=" + consumers : "";
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        fillPeer(exchange, n);
    }

    /** Event {@code n} as the peer's PutEvents entry: a custom source, the detail type and resource as headers. */
    static void fillPeer(Exchange exchange, long n) {
        Message in = exchange.getIn();
        in.setBody(SampleEvents.partnerDetail(n));
        in.setHeader("CamelAwsEventbridgeSource", SampleEvents.PUT_EVENTS_SOURCE);
        in.setHeader("CamelAwsEventbridgeDetailType", SampleEvents.DETAIL_TYPE);
        in.setHeader("CamelAwsEventbridgeResourcesArn", SampleEvents.RESOURCE);
    }
}
