package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When reading an answer throws (here: a client whose interceptor leaves a hole in one answer's result list, so the
 * producer's answer mapping throws), exactly the exchanges of that request fail, each once, and the endpoint goes on
 * with the next ones. Real route, real SDK client, the emulator.
 */
class ThrowingAnswerRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private EventBridgeAsyncClient client;

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        AwsEventsEmulator emu = emulator();
        client = EventBridgeAsyncClient.builder().region(Region.of(emu.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emu.accessKey(), emu.secretKey())))
                .endpointOverride(emu.endpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                        PutPartnerEventsRequest request = (PutPartnerEventsRequest) context.request();
                        boolean poisoned = request.entries().stream().anyMatch(e -> e.detail().contains("poison"));
                        // a result list with a hole: reading it throws in the producer's answer mapping
                        return poisoned ? ((PutPartnerEventsResponse) context.response()).toBuilder()
                                .entries(java.util.Collections.singletonList((PutPartnerEventsResultEntry) null)).build()
                                : context.response();
                    }
                }))
                .build();
        context.getRegistry().bind("oddClient", client);
        return context;
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").errorHandler(noErrorHandler()).to(URI + "&eventBridgeClient=#oddClient");
            }
        };
    }

    @Test
    void anAnswerThatCannotBeReadFailsExactlyTheExchangesOfItsRequest() {
        Exchange before = template.send("direct:send", e -> e.getMessage().setBody("{\"n\":1}"));
        Exchange poisoned = template.send("direct:send", e -> e.getMessage().setBody("{\"n\":2,\"poison\":true}"));
        Exchange after = template.send("direct:send", e -> e.getMessage().setBody("{\"n\":3}"));

        assertThat(before.getException()).isNull();
        assertThat(after.getException()).isNull();
        assertThat(poisoned.getException()).isInstanceOfSatisfying(PartnerEventsFailedException.class,
                e -> assertThat(e.failedEntries()).singleElement()
                        .satisfies(f -> assertThat(f.entry().detail()).contains("poison")))
                .hasCauseInstanceOf(NullPointerException.class);
        assertThat(before.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_ID)).isNotNull();
        assertThat(after.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_ID)).isNotNull();
    }
}
