package io.github.camelawsevents.benchmarks;

/** The {@code aws-scn-event:} endpoint URI the Supply Chain contenders use. */
final class ScnEndpoints {

    private ScnEndpoints() {
    }

    /**
     * @param recordCheck the endpoint's recordCheck option (OFF, WARN_UNKNOWN or STRICT): the records are valid, so
     *                    a check on costs CPU only
     */
    static String uri(EmulatorControl.Info emulator, int inFlight, String recordCheck) {
        return "aws-scn-event:" + SampleEvents.SCN_INSTANCE
               + "?eventType=" + SampleEvents.SCN_EVENT_TYPE
               + "&maxInFlightRequests=" + inFlight
               + "&recordCheck=" + recordCheck
               + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
               + "&region=" + emulator.region()
               + "&accessKey=RAW(" + emulator.accessKey() + ")&secretKey=RAW(" + emulator.secretKey() + ")";
    }
}
