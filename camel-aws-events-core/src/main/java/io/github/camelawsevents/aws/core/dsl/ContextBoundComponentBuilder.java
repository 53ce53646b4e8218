package io.github.camelawsevents.aws.core.dsl;

import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;


/**
 * A component DSL builder that creates the component with its CamelContext before the options are set, so the
 * generated configurer converts values with Camel's type converters: Camel's builder base sets options on a component
 * that has no context yet, which {@link AbstractAwsEventsComponentBuilder} cannot bind. {@code build()} without a
 * context binds with a private, never started CamelContext that only converts values; the component gets its real
 * context when it is added to one.
 */
public abstract class ContextBoundComponentBuilder<C extends Component> extends AbstractAwsEventsComponentBuilder<C> {

    private final Function<CamelContext, C> factory;
    private CamelContext context;
    private CamelContext converterContext;

    /**
     * @param scheme  the component's scheme, e.g. {@code aws-scn-event}
     * @param factory the component's constructor taking a CamelContext (called with null by {@code build()})
     */
    protected ContextBoundComponentBuilder(String scheme, Function<CamelContext, C> factory) {
        super(scheme);
        this.factory = factory;
    }

    @Override
    public C build() {
        CamelContext converter = new DefaultCamelContext();
        converterContext = converter;
        try {
            return super.build();
        } finally {
            converterContext = null;
            converter.stop();
        }
    }

    @Override
    public C build(CamelContext context) {
        this.context = context;
        return super.build(context);
    }

    @Override
    public void register(CamelContext context, String name) {
        this.context = context;
        super.register(context, name);
    }

    @Override
    protected C buildConcreteComponent() {
        return factory.apply(context);
    }

    @Override
    protected boolean setPropertyOnComponent(Component component, String name, Object value) {
        if (component.getCamelContext() != null) {
            return super.setPropertyOnComponent(component, name, value);
        }
        return generatedConfigurer(component).configure(converterContext, component, name, value, false);
    }

    /** Camel's generated {@code <Component>Configurer}, next to the component class. */
    private static PropertyConfigurer generatedConfigurer(Component component) {
        String name = component.getClass().getName() + "Configurer";
        try {
            return (PropertyConfigurer) Class.forName(name, true, component.getClass().getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The generated configurer " + name + " is missing from the jar", e);
        }
    }
}
