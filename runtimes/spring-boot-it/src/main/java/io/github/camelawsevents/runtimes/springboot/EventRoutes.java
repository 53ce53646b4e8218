package io.github.camelawsevents.runtimes.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The routes: both components are configured in {@code application.yml}; the URIs carry only what is specific to
 * the route.
 */
@Component
public class EventRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:inbound-orders").routeId("inbound-orders")
                .to("aws-scn-event:{{app.scn.instance-id}}?eventType=scn.data.inboundorder&eventGroupId=inbound-orders");

        from("direct:order-events").routeId("order-events")
                .to("aws-partner-events:{{app.partner.event-source}}");
    }
}
