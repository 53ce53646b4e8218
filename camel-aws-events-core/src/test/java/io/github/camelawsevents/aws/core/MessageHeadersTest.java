package io.github.camelawsevents.aws.core;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

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
 * {@link MessageHeaders#mayHaveAny}: on a map sorted case-insensitively (Camel 4.18's header map) it answers
 * exactly whether a name starts with the prefix, in any case; on any map, Camel's of the version on the class path
 * included, it never says "none" wrongly.
 */
class MessageHeadersTest {

    /** Started: a context not started yet keeps headers in a plain HashMap. */
    private static final CamelContext CONTEXT = started();
    private static final String PREFIX = "CamelAwsPartnerEvents";

    @Property(tries = 3000, seed = "4711")
    void answersExactlyOnASortedCaseInsensitiveMap(@ForAll("headerNames") List<String> names) {
        Map<String, Object> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        names.forEach(name -> headers.put(name, "v"));
        assertThat(MessageHeaders.mayHaveAny(headers, PREFIX)).as("headers %s", names).isEqualTo(anyStartsWith(names));
    }

    @Property(tries = 1000, seed = "4711")
    void neverSaysNoneWronglyOnCamelsHeaderMap(@ForAll("headerNames") List<String> names) {
        Message message = new DefaultMessage(CONTEXT);
        names.forEach(name -> message.setHeader(name, "v"));
        boolean expected = anyStartsWith(names);
        boolean answer = MessageHeaders.mayHaveAny(message, PREFIX);
        if (expected) {
            assertThat(answer).as("headers %s", names).isTrue();
        }
        if (message.getHeaders() instanceof NavigableMap) { // Camel 4.18: the look-up is exact
            assertThat(answer).as("headers %s", names).isEqualTo(expected);
        }
    }

    @Example
    void noHeadersAtAllMeansNone() {
        Message message = new DefaultMessage(CONTEXT);
        assertThat(MessageHeaders.mayHaveAny(message, PREFIX)).isFalse();
        assertThat(message.hasHeaders()).as("the look-up made no header map").isFalse();
    }

    @Example
    void headersKeptInAnotherMapAreLookedUpOneByOne() {
        Map<String, Object> plain = new HashMap<>();
        plain.put("other", 1);
        assertThat(MessageHeaders.mayHaveAny(plain, PREFIX)).isTrue();
        Map<String, Object> caseSensitive = new TreeMap<>();
        caseSensitive.put("other", 1);
        assertThat(MessageHeaders.mayHaveAny(caseSensitive, PREFIX)).isTrue();
    }

    private static boolean anyStartsWith(List<String> names) {
        return names.stream()
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX.toLowerCase(Locale.ROOT)));
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
