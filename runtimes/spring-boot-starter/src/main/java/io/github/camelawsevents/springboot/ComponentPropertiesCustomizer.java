package io.github.camelawsevents.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Applies {@code camel.component.<scheme>.*} from the Spring environment (application.yml, application.properties,
 * environment variables, ...) to the component of that scheme when Camel creates it, through the component's
 * generated configurer (no reflection). Option names may be dashed ({@code access-key}) or camelCase
 * ({@code accessKey}); values may use Spring placeholders and Camel's {@code #bean:name} references.
 */
final class ComponentPropertiesCustomizer implements ComponentCustomizer {

    /** Keys of the starter itself, not component options. */
    private static final Set<String> OWN_KEYS = Set.of("enabled", "customizer");

    private final String scheme;
    private final Environment environment;

    ComponentPropertiesCustomizer(String scheme, Environment environment) {
        this.scheme = scheme;
        this.environment = environment;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return scheme.equals(name);
    }

    @Override
    public void configure(String name, Component target) {
        Map<String, Object> options = options();
        if (options.isEmpty()) {
            return;
        }
        CamelContext context = target.getCamelContext();
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer(scheme + "-component", context);
        PropertyBindingSupport.build()
                .withCamelContext(context)
                .withTarget(target)
                .withConfigurer(configurer)
                .withProperties(options)
                .withIgnoreCase(true)
                .withMandatory(true)
                .withRemoveParameters(false)
                .bind();
    }

    Map<String, Object> options() {
        Map<String, Object> raw = Binder.get(environment)
                .bind("camel.component." + scheme, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
        Map<String, Object> options = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (!OWN_KEYS.contains(key) && !(value instanceof Map)) {
                options.put(StringHelper.dashToCamelCase(key), value);
            }
        });
        return options;
    }
}
