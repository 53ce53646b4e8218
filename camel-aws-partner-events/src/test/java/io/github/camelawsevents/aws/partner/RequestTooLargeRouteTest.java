package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.OversizedRequestAnswer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EventBridge refuses a request as too large in two ways: 400 ValidationException (AWS's recorded PutEvents answer)
 * and 413 with an empty body (seen from AWS too). Both reach the exchanges whose entries the request carried as a
 * PartnerEventsFailedException whose cause names the request's size and the option to lower. Here the emulator's limit
 * (1,000 bytes) is set below the component's maxRequestSizeBytes, as when an account's limit is lower than the option.
 */
class RequestTooLargeRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().eventBridgeRequestSizeLimit(1000));

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").errorHandler(noErrorHandler()).to(URI + "&maxAttempts=1");
            }
        };
    }

    @ParameterizedTest
    @EnumSource(OversizedRequestAnswer.class)
    void bothOversizedAnswersFailTheExchangeWithTheSizeAndTheOptionToLower(OversizedRequestAnswer answer) {
        emulator().oversizedRequestAnswer(answer);
        String detail = "{\"p\":\"" + "x".repeat(2000) + "\"}";
        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(detail));

        assertThat(exchange.getException()).isInstanceOfSatisfying(PartnerEventsFailedException.class, e -> {
            assertThat(e.failedEntries()).singleElement()
                    .satisfies(f -> assertThat(f.entry().detail()).isEqualTo(detail));
            assertThat(e.getCause()).isInstanceOf(RequestTooLargeException.class)
                    .hasMessageContaining("1 entries").hasMessageContaining("maxRequestSizeBytes is 262144");
        });
        assertThat(emulator().partnerEvents().count()).isZero();
    }
}
