package io.github.camelawsevents.aws.partner;

import java.util.List;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole requests that fail (after the SDK's own retries) reach Camel's error handler as the SDK's exception, and the
 * component never retries them on top of the SDK: the emulator sees exactly requests x SDK attempts.
 */
class RequestFailuresRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:error");
                from("direct:twoAttempts").to(URI + "&maxAttempts=2&retryMode=STANDARD");
                from("direct:oneAttempt").to(URI + "&maxAttempts=1");
            }
        };
    }

    private MockEndpoint errors(int expected) {
        MockEndpoint error = getMockEndpoint("mock:error");
        error.expectedMessageCount(expected);
        return error;
    }

    @Test
    void throttledRequestsAreRetriedByTheSdkOnlyAndThenReachTheErrorHandler() throws Exception {
        emulator().faults().set(FaultSettings.builder().requestThrottleRate(1.0).build());
        MockEndpoint error = errors(1);
        template.sendBody("direct:twoAttempts", indexedDetails(45));
        error.assertIsSatisfied();

        Exchange failed = error.getExchanges().get(0);
        // the exchange's own typed failure, with the SDK's exception as its cause (onException matches causes too)
        assertThat(failed.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(PartnerEventsFailedException.class)
                .extracting(e -> ((Throwable) e).getCause()).isInstanceOfSatisfying(EventBridgeException.class,
                        e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                            assertThat(e.statusCode()).isEqualTo(400);
                        });
        // 3 requests x 2 SDK attempts, no entry retries on top
        assertThat(emulator().stats().requests(Api.PARTNER_EVENTS)).isEqualTo(6);
        assertThat(emulator().partnerEvents().count()).isZero();
        assertThat(failed.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(45);
        @SuppressWarnings("unchecked")
        List<FailedEntry> entries = failed.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRIES, List.class);
        assertThat(entries).hasSize(45).extracting(FailedEntry::errorCode).containsOnly("ThrottlingException");
    }

    @Test
    void serverErrorsAreRetriedByTheSdkOnlyAndThenReachTheErrorHandler() throws Exception {
        emulator().faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
        MockEndpoint error = errors(1);
        template.sendBody("direct:twoAttempts", indexedDetails(5));
        error.assertIsSatisfied();
        assertThat(error.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(PartnerEventsFailedException.class).extracting(e -> ((Throwable) e).getCause())
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(emulator().stats().requests(Api.PARTNER_EVENTS)).isEqualTo(2);
    }

    @Test
    void whenSomeRequestsFailTheOthersResultsAreStillReported() throws Exception {
        emulator().faults().set(FaultSettings.builder().serverErrorRate(0.5).build());
        MockEndpoint error = errors(1);
        template.sendBody("direct:oneAttempt", indexedDetails(200));
        error.assertIsSatisfied();

        Exchange failed = error.getExchanges().get(0);
        assertThat(emulator().stats().requests(Api.PARTNER_EVENTS)).isEqualTo(10);
        List<?> ids = failed.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        long delivered = ids.stream().filter(id -> id != null).count();
        assertThat(delivered).as("some requests succeeded").isPositive().isLessThan(200);
        assertThat(emulator().partnerEvents().count()).isEqualTo(delivered);
        assertThat(failed.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(
                (int) (200 - delivered));
    }

    @Test
    void aLostResponseIsResentByTheSdkSoDeliveryIsAtLeastOnce() throws Exception {
        // EventBridge stored the entries but the response never arrived: the SDK's retry stores them again
        emulator().faults().set(FaultSettings.builder().lostResponseRate(1.0).build());
        MockEndpoint error = errors(1);
        template.sendBody("direct:twoAttempts", indexedDetails(3));
        error.assertIsSatisfied();

        assertThat(error.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(PartnerEventsFailedException.class).extracting(e -> ((Throwable) e).getCause())
                .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
        assertThat(emulator().stats().requests(Api.PARTNER_EVENTS)).isEqualTo(2);
        assertThat(emulator().partnerEvents().count()).as("each entry stored twice").isEqualTo(6);
    }
}
