package io.github.camelawsevents.aws.kamelets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelawsevents.aws.partner.EntryRules;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both Kamelet files, read from the class path the way the jar ships them: the camel-kamelets layout and
 * annotations, every declared property used by the template and every template placeholder declared, every
 * parameter a real option of the component with the same type and values, and the secrets marked.
 */
class KameletDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z0-9]+)}}");
    private static final String PROJECT_VERSION = System.getProperty("project.version");

    enum Sink {
        PARTNER("aws-partner-events-sink", "aws-partner-events", "camel-aws-partner-events",
                "META-INF/io/github/camelawsevents/aws/partner/aws-partner-events.json"),
        SCN("aws-scn-event-sink", "aws-scn-event", "camel-aws-supplychain-events",
                "META-INF/io/github/camelawsevents/aws/scn/aws-scn-event.json");

        final String name;
        final String scheme;
        final String artifactId;
        final String componentJson;

        Sink(String name, String scheme, String artifactId, String componentJson) {
            this.name = name;
            this.scheme = scheme;
            this.artifactId = artifactId;
            this.componentJson = componentJson;
        }

        String resource() {
            return "kamelets/" + name + ".kamelet.yaml";
        }
    }

    @ParameterizedTest
    @EnumSource(Sink.class)
    void followsTheCamelKameletsLayout(Sink sink) throws Exception {
        Map<String, Object> kamelet = read(sink);

        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertThat(metadata).containsEntry("name", sink.name);
        assertThat(map(metadata, "labels")).containsEntry("camel.apache.org/kamelet.type", "sink");
        Map<String, Object> annotations = map(metadata, "annotations");
        assertThat(annotations)
                .containsEntry("camel.apache.org/kamelet.support.level", "Preview")
                .containsEntry("camel.apache.org/catalog.version", PROJECT_VERSION)
                .containsEntry("camel.apache.org/kamelet.namespace", "AWS")
                .containsKeys("camel.apache.org/provider", "camel.apache.org/kamelet.group");
        String icon = (String) annotations.get("camel.apache.org/kamelet.icon");
        assertThat(icon).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)),
                StandardCharsets.UTF_8)).startsWith("<svg ").endsWith("</svg>\n");

        Map<String, Object> definition = map(map(kamelet, "spec"), "definition");
        assertThat((String) definition.get("title")).isNotBlank();
        assertThat((String) definition.get("description")).isNotBlank();
        assertThat(definition).containsEntry("type", "object");
        Map<String, Object> properties = map(definition, "properties");
        assertThat(properties.keySet()).containsAll(strings(definition, "required"));
        properties.forEach((name, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> property = (Map<String, Object>) value;
            assertThat(property).as(name).containsKeys("title", "description", "type");
            // an unset property is left to the component's own configuration and defaults (README: Kamelets)
            assertThat(property).as(name).doesNotContainKey("default");
        });

        assertThat(strings(map(kamelet, "spec"), "dependencies")).containsExactly(
                "camel:kamelet", "mvn:io.github.camelawsevents:" + sink.artifactId + ":" + PROJECT_VERSION);
        assertThat(PROJECT_VERSION).as("filtered in by the build").doesNotContain("${");
    }

    @ParameterizedTest
    @EnumSource(Sink.class)
    void everyPropertyIsUsedByTheTemplateAndEveryPlaceholderIsAProperty(Sink sink) throws Exception {
        Map<String, Object> kamelet = read(sink);
        Map<String, Object> definition = map(map(kamelet, "spec"), "definition");
        Set<String> required = new LinkedHashSet<>(strings(definition, "required"));
        Map<String, Object> to = to(kamelet);

        Map<String, Placeholder> used = new LinkedHashMap<>();
        String uri = (String) to.get("uri");
        assertThat(uri).startsWith(sink.scheme + ":");
        placeholders(uri.substring(sink.scheme.length() + 1)).forEach(p -> used.put(p.name, p));
        map(to, "parameters").forEach((option, value) -> {
            List<Placeholder> inValue = placeholders(String.valueOf(value));
            // each parameter is exactly the Kamelet property of the same name
            assertThat(inValue).as(option).extracting(p -> p.name).containsExactly(option);
            assertThat(String.valueOf(value)).as(option).isEqualTo(inValue.get(0).text);
            used.put(option, inValue.get(0));
        });

        assertThat(used.keySet()).containsExactlyInAnyOrderElementsOf(map(definition, "properties").keySet());
        used.values().forEach(p -> assertThat(p.optional)
                .as("%s: {{%s}} when required, {{?%s}} when optional", p.name, p.name, p.name)
                .isEqualTo(!required.contains(p.name)));
    }

    @ParameterizedTest
    @EnumSource(Sink.class)
    void theReadmesKameletTableListsEveryProperty(Sink sink) throws Exception {
        Map<String, Object> properties = map(map(map(read(sink), "spec"), "definition"), "properties");
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        // the Kamelet's own row and the row of the properties both Kamelets take
        String own = readme.lines().filter(l -> l.startsWith("| `" + sink.name + "` |")).findFirst().orElseThrow();
        String both = readme.lines().filter(l -> l.startsWith("| both |")).findFirst().orElseThrow();
        for (String property : properties.keySet()) {
            assertThat(own + both).as("README's Kamelet table lists %s of %s", property, sink.name)
                    .contains("`" + property + "`");
        }
    }

    @ParameterizedTest
    @EnumSource(Sink.class)
    void everyParameterIsAnOptionOfTheComponentWithItsTypeAndValues(Sink sink) throws Exception {
        Map<String, Object> kamelet = read(sink);
        Map<String, Object> properties = map(map(map(kamelet, "spec"), "definition"), "properties");
        JsonNode options = componentOptions(sink);
        Map<String, Object> to = to(kamelet);

        String pathProperty = placeholders(((String) to.get("uri")).substring(sink.scheme.length() + 1)).get(0).name;
        assertThat(options.get(pathProperty).get("kind").asText()).isEqualTo("path");
        for (String option : properties.keySet()) {
            JsonNode component = options.get(option);
            assertThat(component).as("%s is an option of %s", option, sink.scheme).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> property = (Map<String, Object>) properties.get(option);
            String expectedType = switch (component.get("type").asText()) {
                case "boolean" -> "boolean";
                case "integer" -> "integer";
                default -> "string";
            };
            assertThat(property.get("type")).as(option).isEqualTo(expectedType);
            if (component.has("enum")) {
                List<String> values = new ArrayList<>();
                component.get("enum").forEach(v -> values.add(v.asText()));
                assertThat(strings(property, "enum")).as(option).containsExactlyElementsOf(values);
            }
        }
        if (sink == Sink.PARTNER) {
            assertThat(map(properties, "eventSource")).containsEntry("pattern", EntryRules.SOURCE_REGEX);
        }
    }

    @ParameterizedTest
    @EnumSource(Sink.class)
    void theComponentsSecretsAreMarkedAsCredentialsAndNothingElseIs(Sink sink) throws Exception {
        Map<String, Object> properties = map(map(map(read(sink), "spec"), "definition"), "properties");
        JsonNode options = componentOptions(sink);

        Set<String> secrets = new TreeSet<>();
        options.fields().forEachRemaining(e -> {
            if (e.getValue().path("secret").asBoolean()) {
                secrets.add(e.getKey());
            }
        });
        Set<String> marked = properties.entrySet().stream()
                .filter(e -> "password".equals(((Map<?, ?>) e.getValue()).get("format")))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(marked).isEqualTo(secrets).containsExactly("accessKey", "secretKey", "sessionToken");
        for (String secret : secrets) {
            assertThat(strings(map(properties, secret), "x-descriptors")).as(secret)
                    .contains("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials");
        }
    }

    @ParameterizedTest
    @EnumSource(Sink.class)
    void camelReadsTheKameletAsARouteTemplateWithTheSameParameters(Sink sink) throws Exception {
        Map<String, Object> definition = map(map(read(sink), "spec"), "definition");
        try (CamelContext context = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:" + sink.resource()));

            RouteTemplateDefinition template = context.getCamelContextExtension().getContextPlugin(Model.class)
                    .getRouteTemplateDefinition(sink.name);
            assertThat(template).isNotNull();
            Map<String, Boolean> parameters = template.getTemplateParameters().stream()
                    .collect(Collectors.toMap(RouteTemplateParameterDefinition::getName,
                            RouteTemplateParameterDefinition::isRequired));
            assertThat(parameters.keySet()).containsExactlyInAnyOrderElementsOf(map(definition, "properties").keySet());
            assertThat(parameters.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
                    .containsExactlyInAnyOrderElementsOf(strings(definition, "required"));
        }
    }

    private record Placeholder(String name, boolean optional, String text) {
    }

    private static List<Placeholder> placeholders(String text) {
        List<Placeholder> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(new Placeholder(m.group(2), !m.group(1).isEmpty(), m.group()));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> to(Map<String, Object> kamelet) {
        Map<String, Object> from = map(map(map(kamelet, "spec"), "template"), "from");
        assertThat(from).containsEntry("uri", "kamelet:source");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) from.get("steps");
        assertThat(steps).hasSize(1);
        return map(steps.get(0), "to");
    }

    private static JsonNode componentOptions(Sink sink) throws Exception {
        try (InputStream in = KameletDefinitionTest.class.getClassLoader().getResourceAsStream(sink.componentJson)) {
            assertThat(in).as(sink.componentJson).isNotNull();
            return new ObjectMapper().readTree(in).get("properties");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Sink sink) throws Exception {
        try (InputStream in = KameletDefinitionTest.class.getClassLoader().getResourceAsStream(sink.resource())) {
            assertThat(in).as(sink.resource()).isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
