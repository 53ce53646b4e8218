package io.github.camelawsevents.aws.core.dsl;

import org.apache.camel.Component;
import org.apache.camel.builder.component.AbstractComponentBuilder;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Applies component DSL properties through the component's generated configurer (no reflection, Camel's own type
 * conversion, so {@code "5s"} works for a duration), for any of our components.
 */
public abstract class AbstractAwsEventsComponentBuilder<C extends Component> extends AbstractComponentBuilder<C> {

    private final String scheme;

    protected AbstractAwsEventsComponentBuilder(String scheme) {
        this.scheme = scheme;
    }

    @Override
    protected boolean setPropertyOnComponent(Component component, String name, Object value) {
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        if (configurer == null && component.getCamelContext() != null) {
            configurer = PluginHelper.getConfigurerResolver(component.getCamelContext())
                    .resolvePropertyConfigurer(scheme + "-component", component.getCamelContext());
        }
        return PropertyBindingSupport.build()
                .withCamelContext(component.getCamelContext())
                .withTarget(component)
                .withConfigurer(configurer)
                .withReflection(false)
                .withMandatory(true)
                .withProperty(name, value)
                .bind();
    }
}
