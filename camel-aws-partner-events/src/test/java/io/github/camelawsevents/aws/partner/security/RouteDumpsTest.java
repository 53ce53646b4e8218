package io.github.camelawsevents.aws.partner.security;

import io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent;
import io.github.camelawsevents.aws.testsupport.AbstractRouteDumpsTest;
import io.github.camelawsevents.aws.testsupport.ComponentUnderTest;

/** The shared route-dump checks ({@link AbstractRouteDumpsTest}) on an {@code aws-partner-events} route. */
class RouteDumpsTest extends AbstractRouteDumpsTest {

    RouteDumpsTest() {
        super(new ComponentUnderTest("aws-partner-events", AwsPartnerEventsComponent::new));
    }

    @Override
    protected String uriWithoutCredentials() {
        return "aws-partner-events:" + NoSecretsAtTraceTest.SOURCE + "?detailType=OrderCreated&region=us-east-1";
    }
}
