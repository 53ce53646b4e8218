package io.github.camelawsevents.aws.partner;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.partner.dsl.AwsPartnerEventsComponentBuilderFactory.AwsPartnerEventsComponentBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated metadata, the docs and the component DSL agree, and every option is described. */
class MetadataTest {

    private static JsonNode metadata;
    private static String adoc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MetadataTest.class.getResourceAsStream(
                "/META-INF/io/github/camelawsevents/aws/partner/aws-partner-events.json")) {
            assertThat(in).as("generated aws-partner-events.json on the classpath").isNotNull();
            metadata = Json.mapper().readTree(in);
        }
        adoc = Files.readString(Path.of("src/main/docs/aws-partner-events-component.adoc"));
    }

    private static List<String> names(String section) {
        List<String> out = new ArrayList<>();
        metadata.get(section).fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theComponentIsAProducerOnlyCloudComponent() {
        JsonNode component = metadata.get("component");
        assertThat(component.get("scheme").asText()).isEqualTo("aws-partner-events");
        assertThat(component.get("syntax").asText()).isEqualTo("aws-partner-events:eventSource");
        assertThat(component.get("producerOnly").asBoolean()).isTrue();
        assertThat(component.get("label").asText()).contains("cloud");
    }

    @Test
    void everyOptionAndHeaderHasADescription() {
        for (String section : List.of("componentProperties", "properties", "headers")) {
            metadata.get(section).fields().forEachRemaining(option -> assertThat(
                    option.getValue().path("description").asText())
                    .as("%s %s", section, option.getKey()).isNotBlank());
        }
        assertThat(names("properties")).contains("eventSource", "detailType", "resources", "maxEntriesPerRequest",
                "maxRequestSizeBytes", "entryRetryAttempts", "entryRetryBackoff", "entryRetryMaxBackoff",
                "failOnPartialFailure", "maxInFlightRequests", "eventBridgeClient", "region", "accessKey", "secretKey",
                "sessionToken", "useDefaultCredentialsProvider", "useProfileCredentialsProvider",
                "profileCredentialsName", "useSessionCredentials", "overrideEndpoint", "uriEndpointOverride",
                "trustAllCertificates", "proxyProtocol", "proxyHost", "proxyPort", "connectionTimeout", "readTimeout",
                "retryMode", "maxAttempts", "retryCircuitBreaker", "retryBaseDelay", "retryThrottlingBaseDelay",
                "retryMaxBackoff");
        assertThat(metadata.at("/properties/eventSource/required").asBoolean()).isTrue();
        assertThat(metadata.at("/componentProperties/eventBridgeClient/autowired").asBoolean()).isTrue();
        for (String secret : List.of("accessKey", "secretKey", "sessionToken")) {
            assertThat(metadata.at("/properties/" + secret + "/secret").asBoolean()).as(secret).isTrue();
        }
    }

    @Test
    void theDocsListEveryOptionAndHeader() {
        Set<String> all = new java.util.TreeSet<>();
        all.addAll(names("componentProperties"));
        all.addAll(names("properties"));
        all.addAll(names("headers"));
        for (String name : all) {
            assertThat(adoc).as("the adoc mentions %s", name).contains("`" + name + "`");
        }
    }

    @Test
    void theComponentDslCoversEveryComponentOption() {
        Set<String> dslMethods = Arrays.stream(AwsPartnerEventsComponentBuilder.class.getMethods())
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(dslMethods).containsAll(names("componentProperties"));
    }

    @Test
    void theGeneratedUriFactoryKnowsEveryOptionAndWhichAreSecret() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            EndpointUriFactory factory = context.getCamelContextExtension()
                    .getEndpointUriFactory("aws-partner-events");
            assertThat(factory).isNotNull();
            assertThat(factory.propertyNames()).containsAll(names("properties"));
            assertThat(factory.secretPropertyNames()).containsExactlyInAnyOrder("accessKey", "secretKey", "sessionToken");
            assertThat(factory.buildUri("aws-partner-events",
                    java.util.Map.of("eventSource", "aws.partner/example.com/orders", "detailType", "T"), false))
                    .isEqualTo("aws-partner-events:aws.partner/example.com/orders?detailType=T");
        }
    }

    @Test
    void theJarCarriesTheJandexIndexAndTheServiceFiles() {
        for (String resource : List.of("/META-INF/jandex.idx",
                "/META-INF/services/org/apache/camel/component/aws-partner-events",
                "/META-INF/services/org/apache/camel/configurer/aws-partner-events-component",
                "/META-INF/services/org/apache/camel/configurer/aws-partner-events-endpoint",
                "/META-INF/services/org/apache/camel/urifactory/aws-partner-events-endpoint",
                "/META-INF/services/org/apache/camel/TypeConverterLoader")) {
            assertThat(MetadataTest.class.getResource(resource)).as(resource).isNotNull();
        }
    }

    @AfterAll
    static void done() {
        metadata = null;
    }
}
