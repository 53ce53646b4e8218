package io.github.camelawsevents.benchmarks;

/** The {@code aws-scn-event:} endpoint URI the Supply Chain contenders use. */
final class ScnEndpoints {

    private ScnEndpoints() {
    }

    static String uri(EmulatorControl.Info emulator, int inFlight) {
        return "aws-scn-event:" + SampleEvents.SCN_INSTANCE
               + "?eventType=" + SampleEvents.SCN_EVENT_TYPE
               + "&maxInFlightRequests=" + inFlight
               + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
               + "&region=" + emulator.region()
               + "&accessKey=RAW(" + emulator.accessKey() + ")&secretKey=RAW(" + emulator.secretKey() + ")";
    }
}
