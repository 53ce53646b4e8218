package io.github.camelawsevents.aws.scn;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.scn.dsl.AwsScnEventComponentBuilderFactory.AwsScnEventComponentBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated metadata is complete, and the docs and the component DSL cover it. */
class ComponentMetadataTest {

    private static final String JSON = "META-INF/io/github/camelawsevents/aws/scn/aws-scn-event.json";
    private static final Path ADOC = Path.of("src/main/docs/aws-scn-event-component.adoc");

    static JsonNode metadata() throws Exception {
        try (InputStream in = ComponentMetadataTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertThat(in).as(JSON).isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void theComponentIsAProducerOnlyAsyncCloudComponent() throws Exception {
        JsonNode component = metadata().get("component");
        assertThat(component.get("scheme").asText()).isEqualTo("aws-scn-event");
        assertThat(component.get("syntax").asText()).isEqualTo("aws-scn-event:instanceId");
        assertThat(component.get("producerOnly").asBoolean()).isTrue();
        assertThat(component.get("async").asBoolean()).isTrue();
        assertThat(component.get("label").asText()).isEqualTo("cloud");
        assertThat(component.get("description").asText()).isNotBlank();
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode root = metadata();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            root.get(section).properties().forEach(e -> assertThat(e.getValue().path("description").asText())
                    .as(section + "." + e.getKey()).isNotBlank());
        }
    }

    @Test
    void theOptionsOfTheIssueAreAllThereWithTheirDefaults() throws Exception {
        JsonNode props = metadata().get("properties");
        assertThat(names(props)).contains("instanceId", "eventType", "eventGroupId", "datasetIdentifier",
                "operationType", "preserveOrder", "maxInFlightRequests", "clientTokenSource", "supplyChainClient",
                "region", "accessKey", "secretKey", "sessionToken", "useDefaultCredentialsProvider",
                "useProfileCredentialsProvider", "profileCredentialsName", "useSessionCredentials", "overrideEndpoint",
                "uriEndpointOverride", "trustAllCertificates", "proxyProtocol", "proxyHost", "proxyPort",
                "connectionTimeout", "readTimeout", "retryMode", "maxAttempts", "retryCircuitBreaker", "retryBaseDelay",
                "retryThrottlingBaseDelay", "retryMaxBackoff");
        assertThat(props.get("instanceId").get("required").asBoolean()).isTrue();
        assertThat(props.get("eventType").get("enum")).hasSize(16);
        assertThat(props.get("operationType").get("enum")).hasSize(3);
        assertThat(props.get("preserveOrder").get("defaultValue").asBoolean()).isTrue();
        assertThat(props.get("maxInFlightRequests").get("defaultValue").asInt()).isEqualTo(64);
        assertThat(props.get("clientTokenSource").get("defaultValue").asText()).isEqualTo("MESSAGE_ID");
        assertThat(props.get("clientTokenSource").get("enum")).hasSize(6);
        assertThat(props.get("supplyChainClient").get("autowired").asBoolean()).isTrue();
        assertThat(props.get("retryCircuitBreaker").get("defaultValue").asBoolean()).isTrue();
        for (String delay : new String[] { "retryBaseDelay", "retryThrottlingBaseDelay", "retryMaxBackoff" }) {
            assertThat(props.get(delay).get("type").asText()).as(delay).isEqualTo("duration");
            assertThat(props.get(delay).get("defaultValue").asText()).as(delay).isEqualTo("0");
        }
        for (String secret : new String[] { "accessKey", "secretKey", "sessionToken" }) {
            assertThat(props.get(secret).get("secret").asBoolean()).as(secret).isTrue();
        }
        assertThat(names(metadata().get("headers"))).contains("CamelAwsScnEventType", "CamelAwsScnEventGroupId",
                "CamelAwsScnEventTimestamp", "CamelAwsScnClientToken", "CamelAwsScnDatasetIdentifier",
                "CamelAwsScnDatasetOperationType", "CamelAwsScnEventId", "CamelAwsScnEventIds",
                "CamelAwsScnOperation", "CamelAwsScnDatasetLoadStatus", "CamelAwsScnDatasetLoadMessage");
    }

    @Test
    void theDocumentationNamesEveryOptionAndHeader() throws Exception {
        String adoc = Files.readString(ADOC);
        JsonNode root = metadata();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            for (String name : names(root.get(section))) {
                assertThat(adoc).as(section + " " + name).contains("*" + name + "*");
                // the tables are generated from the metadata: a changed description must be regenerated
                String description = root.get(section).get(name).get("description").asText().replace("|", "\\|");
                assertThat(adoc).as("description of " + name).contains(description);
            }
        }
    }

    @Test
    void theComponentDslCoversEveryComponentOption() throws Exception {
        Set<String> dsl = Arrays.stream(AwsScnEventComponentBuilder.class.getMethods())
                .filter(m -> m.getParameterCount() == 1
                             && m.getReturnType().isAssignableFrom(AwsScnEventComponentBuilder.class))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(dsl).containsAll(names(metadata().get("componentProperties")));
    }

    @Test
    void theGeneratedServicesAndIndexAreThere() throws Exception {
        ClassLoader cl = getClass().getClassLoader();
        for (String resource : new String[] {
                "META-INF/services/org/apache/camel/component/aws-scn-event",
                "META-INF/services/org/apache/camel/configurer/aws-scn-event-component",
                "META-INF/services/org/apache/camel/configurer/aws-scn-event-endpoint",
                "META-INF/services/org/apache/camel/urifactory/aws-scn-event-endpoint",
                "META-INF/services/org/apache/camel/TypeConverterLoader",
                "META-INF/jandex.idx" }) {
            assertThat(cl.getResource(resource)).as(resource).isNotNull();
        }
        String loaders = new String(cl.getResourceAsStream("META-INF/services/org/apache/camel/TypeConverterLoader")
                .readAllBytes());
        assertThat(loaders).contains(ScnEventConverters.class.getName() + "Loader");
        // the generated sources are committed next to the code
        assertThat(Path.of("src/generated/resources/" + JSON)).exists();
        assertThat(Files.readString(Path.of("src/generated/resources/" + JSON)))
                .isEqualTo(new String(cl.getResourceAsStream(JSON).readAllBytes()));
    }

    /** Maps a JSON option to the setter the generated configurer calls, to be sure the names line up. */
    @Test
    void everyEndpointOptionHasAConfigurationSetter() throws Exception {
        Map<String, Method> setters = Arrays.stream(AwsScnEventConfiguration.class.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1)
                .collect(Collectors.toMap(m -> Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4),
                        m -> m, (a, b) -> a));
        for (String option : names(metadata().get("properties"))) {
            if (!option.equals("lazyStartProducer")) {
                assertThat(setters).as(option).containsKey(option);
            }
        }
    }
}
