package io.github.camelawsevents.aws.scn.security;

import io.github.camelawsevents.aws.testsupport.AbstractRouteDumpsTest;
import org.apache.camel.CamelContext;

/** The shared route-dump checks ({@link AbstractRouteDumpsTest}) on an {@code aws-scn-event} route. */
class RouteDumpsTest extends AbstractRouteDumpsTest {

    @Override
    protected String scheme() {
        return "aws-scn-event";
    }

    @Override
    protected String uriWithoutCredentials() {
        return "aws-scn-event:" + NoSecretsAtTraceTest.INSTANCE
               + "?eventType=scn.data.inboundorder&eventGroupId=g&region=us-east-1";
    }

    @Override
    protected void addComponentWithSessionCredentials(CamelContext context, String accessKey, String secretKey,
            String sessionToken) {
        NoSecretsAtTraceTest.addComponent(context, accessKey, secretKey, sessionToken);
    }
}
