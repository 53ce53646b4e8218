package io.github.camelawsevents.aws.partner;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** Input the API would refuse is refused before sending; the route carries on with the next message. */
class ValidationRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(URI);
                from("direct:noDetailType").to("aws-partner-events:" + SOURCE);
            }
        }, new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("seda:stream?pollTimeout=50").routeId("stream").to(URI).to("mock:sent");
            }
        } };
    }

    /**
     * Sends an invalid message, checks the exception names the field and limit, that nothing reached the emulator,
     * and that a valid message right after it is delivered.
     */
    private void assertRefused(String uri, Object body, Consumer<Message> headers, String field, String messagePart) {
        Exchange refused = template.send(uri, e -> {
            e.getMessage().setBody(body);
            headers.accept(e.getMessage());
        });
        assertThat(refused.getException())
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.getField()).isEqualTo(field))
                .hasMessageContaining(messagePart);
        assertThat(emulator().stats().totalRequests()).as("nothing was sent").isZero();

        Exchange next = template.send("direct:send", e -> e.getMessage().setBody("{\"next\":true}"));
        assertThat(next.getException()).isNull();
        assertThat(emulator().partnerEvents().events()).singleElement()
                .satisfies(ev -> assertThat(ev.detail()).isEqualTo("{\"next\":true}"));
    }

    private static Consumer<Message> none() {
        return m -> {
        };
    }

    @Test
    void missingDetailIsRefused() {
        assertRefused("direct:send", null, none(), "Detail", "Invalid Detail (entry 0): required, got missing");
    }

    @Test
    void detailThatIsNotJsonIsRefused() {
        assertRefused("direct:send", "{\"a\": oops}", none(), "Detail", "valid JSON text");
    }

    @Test
    void detailThatIsNotAJsonObjectIsRefused() {
        assertRefused("direct:send", "[1,2,3]", none(), "Detail", "a JSON object, got a JSON array");
    }

    @Test
    void missingDetailTypeIsRefused() {
        assertRefused("direct:noDetailType", "{}", none(), "DetailType", "required");
    }

    @Test
    void detailTypeOver128CharactersIsRefused() {
        assertRefused("direct:send", "{}", m -> m.setHeader(AwsPartnerEventsConstants.DETAIL_TYPE, "x".repeat(129)),
                "DetailType", "at most 128 characters, got 129 characters");
    }

    @Test
    void sourceOffThePatternIsRefused() {
        assertRefused("direct:send", "{}", m -> m.setHeader(AwsPartnerEventsConstants.SOURCE, "aws.partner/only-one"),
                "Source", "pattern");
    }

    @Test
    void sourceOver256CharactersIsRefused() {
        String longSource = "aws.partner/example.com/" + "s".repeat(240);
        assertRefused("direct:send", "{}", m -> m.setHeader(AwsPartnerEventsConstants.SOURCE, longSource),
                "Source", "at most 256 characters, got 264 characters");
    }

    @Test
    void blankResourceIsRefused() {
        assertRefused("direct:send", "{}", m -> m.setHeader(AwsPartnerEventsConstants.RESOURCES, List.of(" ")),
                "Resources[0]", "blank");
    }

    @Test
    void aSingleEntryOverTheByteLimitIsRefused() {
        String tooBig = "{\"p\":\"" + "x".repeat(262_144) + "\"}";
        assertRefused("direct:send", tooBig, none(), "entry size", "under 262144 bytes");
    }

    @Test
    void theComponentAndTheEmulatorAgreeThatAnEntryMustBeUnder262144Bytes() {
        // Source + DetailType + Time (14) + Detail: 262,143 bytes go and are stored; 262,144 are refused unsent
        int fixed = SOURCE.length() + "OrderCreated".length() + 14;
        java.time.Instant time = java.time.Instant.parse("2026-12-05T00:00:00Z");
        String largest = "{\"p\":\"" + "x".repeat(262_143 - fixed - 8) + "\"}";
        Exchange sent = template.send("direct:send", e -> e.getMessage().setBody(
                PutPartnerEventsRequestEntry.builder().detail(largest).time(time).build()));
        assertThat(sent.getException()).isNull();
        assertThat(emulator().partnerEvents().events()).singleElement()
                .satisfies(ev -> assertThat(ev.detail()).hasSize(largest.length()));

        String oneMore = "{\"p\":\"" + "x".repeat(262_144 - fixed - 8) + "\"}";
        Exchange refused = template.send("direct:send", e -> e.getMessage().setBody(
                PutPartnerEventsRequestEntry.builder().detail(oneMore).time(time).build()));
        assertThat(refused.getException()).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("under 262144 bytes");
        assertThat(emulator().stats().totalRequests()).as("only the first was sent").isEqualTo(1);
    }

    @Test
    void oneBadEntryRefusesTheWholeMessageNamingItsPosition() {
        List<Object> batch = List.of("{}", "{}", PutPartnerEventsRequestEntry.builder().detail("{}")
                .detailType("y".repeat(200)).build(), "{}");
        Exchange refused = template.send("direct:send", e -> e.getMessage().setBody(batch));
        assertThat(refused.getException()).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.getIndex()).isEqualTo(2)).hasMessageContaining("(entry 2)");
        assertThat(emulator().stats().totalRequests()).isZero();
    }

    @Test
    void aRefusedMessageGoesToTheDeadLetterChannelAndTheStreamCarriesOn() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        MockEndpoint sent = getMockEndpoint("mock:sent");
        dead.expectedMessageCount(1);
        sent.expectedMessageCount(3);
        template.sendBody("seda:stream", "{\"n\":1}");
        template.sendBody("seda:stream", Map.of());
        template.sendBodyAndHeader("seda:stream", "{\"n\":3}", AwsPartnerEventsConstants.DETAIL_TYPE, "z".repeat(300));
        template.sendBody("seda:stream", "{\"n\":4}");
        sent.assertIsSatisfied();
        dead.assertIsSatisfied();
        assertThat(dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(FieldValidationException.class);
        // the empty map is {} (a valid object): three of four sent
        assertThat(emulator().partnerEvents().count()).isEqualTo(3);
    }
}
