package io.github.camelawsevents.aws.core;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MessageHeaders#mayHaveAny}: on Camel's own header map it answers exactly whether a name starts with the
 * prefix, in any case; on any other map it never says "none" wrongly.
 */
class MessageHeadersTest {

    /** Started: a context not started yet keeps headers in a plain HashMap. */
    private static final CamelContext CONTEXT = started();
    private static final String PREFIX = "CamelAwsPartnerEvents";

    @Property(tries = 3000, seed = "4711")
    void answersExactlyOnCamelsHeaderMap(@ForAll("headerNames") List<String> names) {
        Message message = new DefaultMessage(CONTEXT);
        for (String name : names) {
            message.setHeader(name, "v");
        }
        assertThat(message.getHeaders()).isInstanceOf(java.util.NavigableMap.class);
        boolean expected = names.stream()
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX.toLowerCase(Locale.ROOT)));
        assertThat(MessageHeaders.mayHaveAny(message, PREFIX)).as("headers %s", names).isEqualTo(expected);
    }

    @Example
    void noHeadersAtAllMeansNone() {
        Message message = new DefaultMessage(CONTEXT);
        assertThat(MessageHeaders.mayHaveAny(message, PREFIX)).isFalse();
        assertThat(message.hasHeaders()).as("the look-up made no header map").isFalse();
    }

    @Example
    void headersKeptInAnotherMapAreLookedUpOneByOne() {
        // a context not started yet keeps headers in a plain HashMap, as a custom HeadersMapFactory may
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader("other", 1);
        assertThat(message.getHeaders()).isInstanceOf(HashMap.class);
        assertThat(MessageHeaders.mayHaveAny(message, PREFIX)).isTrue();
    }

    private static CamelContext started() {
        CamelContext context = new DefaultCamelContext();
        context.start();
        return context;
    }

    /** Names near the prefix in sort order: other Camel headers, the prefix in other cases, cut short, extended. */
    @Provide
    Arbitrary<List<String>> headerNames() {
        Arbitrary<String> near = Arbitraries.of("CamelAwsPartnerEventsSource", "camelawspartnereventsdetailtype",
                "CAMELAWSPARTNEREVENTSTIME", "CamelAwsPartnerEvents", "CamelAwsPartnerEvent", "CamelAwsPartnerEventz",
                "CamelAwsPartnerEventr", "CamelAwsPartner", "CamelAwsScnEventClientToken", "CamelHttpMethod",
                "CamelAwsPartnerEvents\u00e9", "BenchEntryTime", "kafka.KEY", "ZZZ", "", "CamelAwsPartnerEventsEventIds");
        Arbitrary<String> any = Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(24);
        return Arbitraries.oneOf(near, near, any).list().ofMaxSize(8);
    }
}
