package io.github.camelawsevents.aws.scn;

import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * clientTokenSource=EXPRESSION: the token comes from a simple expression evaluated per exchange, so any identity the
 * messages carry (a business key, the Kafka coordinates) makes a resend idempotent across messages and instances.
 */
class ExpressionClientTokenRouteTest extends EmulatorRouteTestSupport {

    private static final String BASE = SCN + "?eventType=scn.data.inboundorder&clientTokenSource=EXPRESSION";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order-id").errorHandler(noErrorHandler())
                        .to(BASE + "&clientTokenExpression=${header.orderId}");
                from("direct:kafka").errorHandler(noErrorHandler())
                        .to(BASE + "&clientTokenExpression="
                            + "${header[kafka.TOPIC]}/${header[kafka.PARTITION]}/${header[kafka.OFFSET]}");
            }
        };
    }

    private static String order(int i) {
        return "{\"id\":\"o-" + i + "\",\"tpartner_id\":\"p\"}";
    }

    @Test
    void messagesWithTheSameExpressionValueAndContentAreStoredOnce() {
        Exchange first = send("direct:order-id", order(1), Map.of("orderId", "A-1", AwsScnEventConstants.EVENT_GROUP_ID, "g"));
        Exchange second = send("direct:order-id", order(1), Map.of("orderId", "A-1", AwsScnEventConstants.EVENT_GROUP_ID, "g"));
        send("direct:order-id", order(1), Map.of("orderId", "A-2", AwsScnEventConstants.EVENT_GROUP_ID, "g"));
        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(AwsScnEventConstants.EVENT_ID))
                .isEqualTo(first.getMessage().getHeader(AwsScnEventConstants.EVENT_ID));
        assertThat(stored()).hasSize(2);
        assertThat(emulator().supplyChain().idempotentReplays()).isEqualTo(1);
    }

    @Test
    void theKafkaCoordinatesAsAnExpressionGiveTheSameTokenAsKafkaRecord() {
        Map<String, Object> kafka = Map.of("kafka.TOPIC", "orders", "kafka.PARTITION", 3, "kafka.OFFSET", 1041L,
                AwsScnEventConstants.EVENT_GROUP_ID, "g");
        send("direct:kafka", order(1), kafka);
        template.send(SCN + "?eventType=scn.data.inboundorder&clientTokenSource=KAFKA_RECORD", e -> {
            e.getMessage().setBody(order(1));
            e.getMessage().setHeaders(new java.util.HashMap<>(kafka));
        });
        assertThat(stored()).hasSize(1);
        assertThat(stored().get(0).clientToken()).isNotBlank();
    }

    @Test
    void anExpressionThatIsEmptyOrNullForAMessageRefusesIt() {
        Exchange out = send("direct:order-id", order(1), Map.of(AwsScnEventConstants.EVENT_GROUP_ID, "g"));
        assertThat(out.getException()).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.getField()).isEqualTo("clientTokenExpression"));
        assertThat(out.getException().getMessage()).contains("${header.orderId}");
        Exchange empty = send("direct:order-id", order(1), Map.of("orderId", "", AwsScnEventConstants.EVENT_GROUP_ID, "g"));
        assertThat(empty.getException()).isInstanceOf(FieldValidationException.class);
        assertThat(stored()).isEmpty();
    }

    @Test
    void expressionWithoutClientTokenExpressionIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(BASE))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("clientTokenExpression");
    }
}
