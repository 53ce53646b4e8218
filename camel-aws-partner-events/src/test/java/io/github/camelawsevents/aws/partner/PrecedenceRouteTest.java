package io.github.camelawsevents.aws.partner;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** Each member comes from the entry, else the header, else the endpoint option (and the component's defaults). */
class PrecedenceRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private static final String OPTIONS = "aws-partner-events:" + SOURCE
                                          + "?detailType=OptionType&resources=arn:aws:s3:::opt-a,arn:aws:s3:::opt-b";

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected void configure(AwsPartnerEventsConfiguration configuration) {
        super.configure(configuration);
        // component-level default, overridden by endpoints that set their own
        configuration.setDetailType("ComponentType");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:options").to(OPTIONS);
                from("direct:component").to("aws-partner-events:" + SOURCE);
            }
        };
    }

    private PartnerEvent sendOne(String uri, Object body, Map<String, Object> headers) {
        template.sendBodyAndHeaders(uri, body, headers);
        List<PartnerEvent> events = emulator().partnerEvents().events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void optionsApplyWhenNothingElseSays() {
        PartnerEvent event = sendOne("direct:options", "{}", Map.of());
        assertThat(event.source()).isEqualTo(SOURCE);
        assertThat(event.detailType()).isEqualTo("OptionType");
        assertThat(event.resources()).containsExactly("arn:aws:s3:::opt-a", "arn:aws:s3:::opt-b");
        assertThat(event.time()).isNull();
    }

    @Test
    void componentOptionsAreTheEndpointsDefaults() {
        assertThat(sendOne("direct:component", "{}", Map.of()).detailType()).isEqualTo("ComponentType");
    }

    @Test
    void headersOverrideOptions() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(AwsPartnerEventsConstants.SOURCE, "aws.partner/example.com/orders/updated");
        headers.put(AwsPartnerEventsConstants.DETAIL_TYPE, "HeaderType");
        headers.put(AwsPartnerEventsConstants.RESOURCES, "arn:aws:s3:::hdr");
        headers.put(AwsPartnerEventsConstants.TIME, 1_714_558_530_250L);
        PartnerEvent event = sendOne("direct:options", "{}", headers);
        assertThat(event.source()).isEqualTo("aws.partner/example.com/orders/updated");
        assertThat(event.detailType()).isEqualTo("HeaderType");
        assertThat(event.resources()).containsExactly("arn:aws:s3:::hdr");
        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(1_714_558_530_250L));
    }

    @Test
    void theTimeHeaderMayBeADateOrAnInstant() {
        Instant t = Instant.parse("2024-05-01T10:15:30Z");
        assertThat(sendOne("direct:options", "{}", Map.of(AwsPartnerEventsConstants.TIME, Date.from(t))).time())
                .isEqualTo(t);
        emulator().reset();
        assertThat(sendOne("direct:options", "{}", Map.of(AwsPartnerEventsConstants.TIME, t)).time()).isEqualTo(t);
    }

    @Test
    void anEntryOverridesHeadersAndOptions() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(AwsPartnerEventsConstants.SOURCE, "aws.partner/example.com/orders/updated");
        headers.put(AwsPartnerEventsConstants.DETAIL_TYPE, "HeaderType");
        headers.put(AwsPartnerEventsConstants.RESOURCES, List.of("arn:aws:s3:::hdr"));
        headers.put(AwsPartnerEventsConstants.TIME, Instant.parse("2020-01-01T00:00:00Z"));
        PutPartnerEventsRequestEntry entry = PutPartnerEventsRequestEntry.builder()
                .source("aws.partner/example.com/orders/deleted").detailType("EntryType").detail("{}")
                .resources("arn:aws:s3:::entry").time(Instant.parse("2024-05-01T10:15:30Z")).build();
        PartnerEvent event = sendOne("direct:options", entry, headers);
        assertThat(event.source()).isEqualTo("aws.partner/example.com/orders/deleted");
        assertThat(event.detailType()).isEqualTo("EntryType");
        assertThat(event.resources()).containsExactly("arn:aws:s3:::entry");
        assertThat(event.time()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
    }

    @Test
    void anEntryMissingSomeMembersTakesThemFromHeadersThenOptions() {
        PutPartnerEventsRequestEntry entry = PutPartnerEventsRequestEntry.builder().detail("{}").build();
        PartnerEvent event = sendOne("direct:options", entry,
                Map.of(AwsPartnerEventsConstants.DETAIL_TYPE, "HeaderType"));
        assertThat(event.detailType()).isEqualTo("HeaderType");
        assertThat(event.source()).isEqualTo(SOURCE);
        assertThat(event.resources()).containsExactly("arn:aws:s3:::opt-a", "arn:aws:s3:::opt-b");
    }
}
