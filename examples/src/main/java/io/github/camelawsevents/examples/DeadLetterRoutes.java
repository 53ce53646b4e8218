package io.github.camelawsevents.examples;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The dead-letter channel of every feed route. It works out exactly what failed ({@link FeedLedger#deadLettered}:
 * for a partial PutPartnerEvents failure, only the entries EventBridge refused; the accepted ones of the same batch
 * were delivered) and prints one line per dead letter: feed, reference, entry index, error code, reason. Never the
 * payload.
 */
public class DeadLetterRoutes extends RouteBuilder {

    /** Where the feed routes' dead-letter channel sends. */
    public static final String DEAD_LETTERS = "direct:dead-letters";

    @Override
    public void configure() {
        from(DEAD_LETTERS).routeId("dead-letters")
                .bean("ledger", "deadLettered")
                .split(body())
                    .log(LoggingLevel.WARN, "io.github.camelawsevents.examples.dead-letters", "Dead letter: ${body}")
                .end();
    }
}
