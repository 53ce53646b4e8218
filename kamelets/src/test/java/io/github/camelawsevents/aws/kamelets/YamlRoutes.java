package io.github.camelawsevents.aws.kamelets;

import java.util.Map;
import java.util.Properties;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * A plain Camel context running YAML routes from the test resources, with the emulator's coordinates as the
 * {@code emulator.*} properties the routes refer to. The Kamelets come from {@code classpath:kamelets}, Camel's
 * default location, that is from this module's jar contents.
 */
final class YamlRoutes {

    private YamlRoutes() {
    }

    static CamelContext start(AwsEventsEmulator emulator, Map<String, String> appProperties, String... routeResources)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("emulator.endpoint", emulator.endpoint().toString());
        properties.setProperty("emulator.region", emulator.region());
        properties.setProperty("emulator.access-key", emulator.accessKey());
        properties.setProperty("emulator.secret-key", emulator.secretKey());
        properties.putAll(appProperties);
        context.getPropertiesComponent().setInitialProperties(properties);
        for (String resource : routeResources) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:" + resource));
        }
        context.start();
        return context;
    }
}
