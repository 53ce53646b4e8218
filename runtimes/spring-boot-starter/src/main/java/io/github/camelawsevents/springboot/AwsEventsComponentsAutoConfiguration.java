package io.github.camelawsevents.springboot;

import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code aws-scn-event} and {@code aws-partner-events} components from
 * {@code camel.component.<scheme>.*}, the way Camel's own starters do. An SDK client bean
 * ({@code SupplyChainAsyncClient} / {@code EventBridgeAsyncClient}) that is the only one of its type is autowired
 * into its component by Camel itself.
 */
@AutoConfiguration
public class AwsEventsComponentsAutoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "camel.component.aws-scn-event.enabled", matchIfMissing = true)
    static ComponentCustomizer awsScnEventComponentCustomizer(Environment environment) {
        return new ComponentPropertiesCustomizer("aws-scn-event", environment);
    }

    @Bean
    @ConditionalOnProperty(name = "camel.component.aws-partner-events.enabled", matchIfMissing = true)
    static ComponentCustomizer awsPartnerEventsComponentCustomizer(Environment environment) {
        return new ComponentPropertiesCustomizer("aws-partner-events", environment);
    }
}
