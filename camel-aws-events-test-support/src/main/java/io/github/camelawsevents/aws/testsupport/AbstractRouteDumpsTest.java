package io.github.camelawsevents.aws.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.DefaultDumpRoutesStrategy;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest.ACCESS_KEY;
import static io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest.SECRET_KEY;
import static io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest.SESSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route dumps (Camel's XML and YAML dumpers, and the dump-routes strategy behind {@code camel.main.dumpRoutes}) write
 * endpoint URIs as the route has them: Camel 4.18 does not mask secret options there. So credentials written into a
 * route URI would show. The two set-ups the component docs recommend keep them out of every dump: credentials on the
 * component (or the SDK's default provider), or property placeholders with placeholders left unresolved in dumps
 * ({@code camel.main.dumpRoutesResolvePlaceholders=false}).
 * <p>
 * Each component runs these checks through a subclass that names its scheme, its endpoint and how to put session
 * credentials on its component.
 */
public abstract class AbstractRouteDumpsTest {

    private final ComponentUnderTest component;

    protected AbstractRouteDumpsTest(ComponentUnderTest component) {
        this.component = component;
    }

    /** The component's scheme. */
    protected final String scheme() {
        return component.scheme();
    }

    /** A complete endpoint URI without credentials, in region us-east-1 (it is never sent to). */
    protected abstract String uriWithoutCredentials();


    @Test
    void credentialsOnTheComponentNeverShowInDumps() throws Exception {
        try (CapturedLogs logs = new CapturedLogs(Level.INFO);
             CamelContext context = new DefaultCamelContext()) {
            component.addWithSessionCredentials(context);
            context.setDumpRoutes("yaml");
            context.addRoutes(routes(uriWithoutCredentials()));
            context.start();
            List<String> dumps = dumps(context, true);
            assertThat(dumps).allSatisfy(d -> assertThat(d).contains(scheme())
                    .doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN));
            context.stop();
            assertThat(logs.text(e -> e.logger().startsWith("org.apache.camel.impl.DefaultDumpRoutesStrategy")))
                    .as("the routes dumped into the log at start-up (camel.main.dumpRoutes=yaml)")
                    .contains(scheme()).doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN);
        }
    }

    @Test
    void placeholdersLeftUnresolvedInDumps() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("aws.secretKey", SECRET_KEY);
        properties.setProperty("aws.sessionToken", SESSION_TOKEN);
        try (CapturedLogs logs = new CapturedLogs(Level.INFO);
             CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(properties);
            String uri = uriWithoutCredentials() + "&useSessionCredentials=true&accessKey=" + ACCESS_KEY
                         + "&secretKey=RAW({{aws.secretKey}})&sessionToken=RAW({{aws.sessionToken}})";
            context.addRoutes(routes(uri));
            context.start();
            // the endpoint got the real values
            assertThat(context.getEndpoints()).anySatisfy(e -> assertThat(e.getEndpointUri()).contains(SECRET_KEY));
            List<String> dumps = dumps(context, false);
            assertThat(dumps).allSatisfy(d -> assertThat(d).contains("{{aws.secretKey}}")
                    .doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN));
            // camel.main.dumpRoutes=yaml with camel.main.dumpRoutesResolvePlaceholders=false
            DefaultDumpRoutesStrategy strategy = new DefaultDumpRoutesStrategy();
            strategy.setCamelContext(context);
            strategy.setResolvePlaceholders(false);
            strategy.dumpRoutes("yaml");
            strategy.dumpRoutes("xml");
            context.stop();
            String logged = logs.text(e -> e.logger().startsWith("org.apache.camel.impl.DefaultDumpRoutesStrategy"));
            assertThat(logged).contains("{{aws.secretKey}}").doesNotContain(SECRET_KEY)
                    .doesNotContain(SESSION_TOKEN);
        }
    }

    private static RouteBuilder routes(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("dumped").to(uri);
            }
        };
    }

    private static List<String> dumps(CamelContext context, boolean resolvePlaceholders) throws Exception {
        List<String> dumps = new ArrayList<>();
        for (RouteDefinition route : ((ModelCamelContext) context).getRouteDefinitions()) {
            dumps.add(PluginHelper.getModelToXMLDumper(context)
                    .dumpModelAsXml(context, route, resolvePlaceholders, false, false));
            dumps.add(PluginHelper.getModelToYAMLDumper(context)
                    .dumpModelAsYaml(context, route, resolvePlaceholders, false, false, false));
        }
        return dumps;
    }
}
