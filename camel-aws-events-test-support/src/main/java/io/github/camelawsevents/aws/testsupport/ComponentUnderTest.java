package io.github.camelawsevents.aws.testsupport;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;

import static io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest.ACCESS_KEY;
import static io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest.SECRET_KEY;
import static io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest.SESSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component a shared check runs against.
 *
 * @param scheme       the component's scheme, e.g. {@code aws-partner-events}
 * @param newComponent a new instance of the component, with its default configuration
 */
public record ComponentUnderTest(String scheme, Supplier<Component> newComponent) {

    /**
     * Adds a new instance under {@link #scheme()} with session credentials
     * ({@link AbstractNoSecretsAtTraceTest#ACCESS_KEY}, {@code SECRET_KEY}, {@code SESSION_TOKEN}) on its
     * configuration, as the docs recommend.
     */
    public void addWithSessionCredentials(CamelContext context) {
        Component component = newComponent.get();
        // through the component's generated configurer, as camel.component.* properties are set: Camel's
        // reflective binding would itself log the values at TRACE
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer(scheme + "-component", context);
        assertThat(configurer).as("the generated configurer of %s", scheme).isNotNull();
        Map<String, Object> credentials = Map.of("useSessionCredentials", true, "accessKey", ACCESS_KEY,
                "secretKey", SECRET_KEY, "sessionToken", SESSION_TOKEN);
        credentials.forEach((name, value) -> assertThat(configurer.configure(context, component, name, value, true))
                .as("option %s of %s", name, scheme).isTrue());
        context.addComponent(scheme, component);
    }
}
