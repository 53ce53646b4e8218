package io.github.camelawsevents.aws.partner.security;

import io.github.camelawsevents.aws.testsupport.AbstractRouteDumpsTest;
import org.apache.camel.CamelContext;

/** The shared route-dump checks ({@link AbstractRouteDumpsTest}) on an {@code aws-partner-events} route. */
class RouteDumpsTest extends AbstractRouteDumpsTest {

    @Override
    protected String scheme() {
        return "aws-partner-events";
    }

    @Override
    protected String uriWithoutCredentials() {
        return "aws-partner-events:" + NoSecretsAtTraceTest.SOURCE + "?detailType=OrderCreated&region=us-east-1";
    }

    @Override
    protected void addComponentWithSessionCredentials(CamelContext context, String accessKey, String secretKey,
            String sessionToken) {
        NoSecretsAtTraceTest.addComponent(context, accessKey, secretKey, sessionToken);
    }
}
