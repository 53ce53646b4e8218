package io.github.camelawsevents.runtimes.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of the application: inbound orders go to AWS Supply Chain, order events go to a customer's partner
 * event bus. Both components are configured only in {@code application.properties}; the URIs carry only what
 * is specific to the route.
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
