package io.github.camelawsevents.aws.scn.security;

import io.github.camelawsevents.aws.testsupport.AbstractTlsCertificateChecksTest;

/** The shared TLS checks ({@link AbstractTlsCertificateChecksTest}) against a SendDataIntegrationEvent look-alike. */
class TlsCertificateChecksTest extends AbstractTlsCertificateChecksTest {

    TlsCertificateChecksTest() {
        super("application/json", "{\"eventId\":\"" + EVENT_ID + "\"}", "CamelAwsScnEventId", "{\"id\":\"tls\"}");
    }

    @Override
    protected String uri(String endpoint) {
        return "aws-scn-event:8928ae12-15e5-4441-825d-ec2184f0a43a?eventType=scn.data.inboundorder&eventGroupId=g"
               + "&region=us-east-1&" + CREDENTIALS + "&overrideEndpoint=true&uriEndpointOverride=" + endpoint
               + "&maxAttempts=1";
    }
}
