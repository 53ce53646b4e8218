package io.github.camelawsevents.quarkus.it;

import org.apache.camel.builder.RouteBuilder;

/**
 * Inbound orders to AWS Supply Chain, order events to a customer's partner event bus. Where the components send
 * is configuration: AWS in prod mode, the Dev Services emulator in dev and test mode.
 */
public class EventRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:inbound-orders").routeId("inbound-orders")
                .to("aws-scn-event:{{app.scn.instance-id}}?eventType=scn.data.inboundorder&eventGroupId=inbound-orders");

        from("direct:order-events").routeId("order-events")
                .to("aws-partner-events:{{app.partner.event-source}}");
    }
}
