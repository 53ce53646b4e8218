package io.github.camelawsevents.aws.scn.security;

import io.github.camelawsevents.aws.scn.AwsScnEventComponent;
import io.github.camelawsevents.aws.testsupport.AbstractRouteDumpsTest;
import io.github.camelawsevents.aws.testsupport.ComponentUnderTest;

/** The shared route-dump checks ({@link AbstractRouteDumpsTest}) on an {@code aws-scn-event} route. */
class RouteDumpsTest extends AbstractRouteDumpsTest {

    RouteDumpsTest() {
        super(new ComponentUnderTest("aws-scn-event", AwsScnEventComponent::new));
    }

    @Override
    protected String uriWithoutCredentials() {
        return "aws-scn-event:" + NoSecretsAtTraceTest.INSTANCE
               + "?eventType=scn.data.inboundorder&eventGroupId=g&region=us-east-1";
    }
}
