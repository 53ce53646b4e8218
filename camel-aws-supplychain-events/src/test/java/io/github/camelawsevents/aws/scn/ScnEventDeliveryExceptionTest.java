package io.github.camelawsevents.aws.scn;

import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScnEventDeliveryExceptionTest {

    @Test
    void anAwsTextEndingInAPeriodReadsAsOneSentenceBeforeCamelsExchangeId() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            DefaultExchange exchange = new DefaultExchange(context);
            ScnEventDeliveryException e = new ScnEventDeliveryException("AWS did not accept event 1 of 1 of group g"
                    + " (scn.data.inboundorder): UnrecognizedClientException (HTTP 403): The security token included"
                    + " in the request is invalid.", exchange,
                    new EventGroupKey("8928ae12-15e5-4441-825d-ec2184f0a43a", "scn.data.inboundorder", "g"), 0, 1,
                    List.of(), null);

            assertThat(e.getMessage()).contains("the request is invalid. Exchange[")
                    .doesNotContain("..");
        }
    }

    @Test
    void onlyFinalPeriodsGoAndAnEllipsisStays() {
        assertThat(ScnEventDeliveryException.withoutFinalPeriod("is invalid.")).isEqualTo("is invalid");
        assertThat(ScnEventDeliveryException.withoutFinalPeriod("is invalid. . ")).isEqualTo("is invalid");
        assertThat(ScnEventDeliveryException.withoutFinalPeriod("cut short...")).isEqualTo("cut short...");
        assertThat(ScnEventDeliveryException.withoutFinalPeriod("v1.2 accepted")).isEqualTo("v1.2 accepted");
    }
}
