package io.github.camelawsevents.aws.partner.security;

import io.github.camelawsevents.aws.testsupport.AbstractTlsCertificateChecksTest;

/** The shared TLS checks ({@link AbstractTlsCertificateChecksTest}) against a PutPartnerEvents look-alike. */
class TlsCertificateChecksTest extends AbstractTlsCertificateChecksTest {

    TlsCertificateChecksTest() {
        super("application/x-amz-json-1.1", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"" + EVENT_ID + "\"}]}",
                "CamelAwsPartnerEventsEventId", "{\"tls\":true}");
    }

    @Override
    protected String uri(String endpoint) {
        return "aws-partner-events:aws.partner/example.com/orders/created?detailType=OrderCreated&region=us-east-1&"
               + CREDENTIALS + "&overrideEndpoint=true&uriEndpointOverride=" + endpoint + "&maxAttempts=1";
    }
}
