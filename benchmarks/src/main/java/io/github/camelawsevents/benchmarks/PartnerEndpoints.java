package io.github.camelawsevents.benchmarks;

/** The {@code aws-partner-events:} endpoint URI the partner contenders use. */
final class PartnerEndpoints {

    private PartnerEndpoints() {
    }

    static String uri(EmulatorControl.Info emulator, int inFlight) {
        return "aws-partner-events:" + SampleEvents.PARTNER_SOURCE
               + "?detailType=RAW(" + SampleEvents.DETAIL_TYPE + ")"
               + "&resources=RAW(" + SampleEvents.RESOURCE + ")"
               + "&maxInFlightRequests=" + inFlight
               + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
               + "&region=" + emulator.region()
               + "&accessKey=RAW(" + emulator.accessKey() + ")&secretKey=RAW(" + emulator.secretKey() + ")";
    }
}
