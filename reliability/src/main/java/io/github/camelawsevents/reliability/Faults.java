package io.github.camelawsevents.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Fault settings in the emulator's JSON form ({@code POST /_emulator/faults}); every value defaults to off. */
public final class Faults {

    private final ObjectNode json = EmulatorControl.JSON.createObjectNode();

    private Faults(String... apis) {
        var array = json.putArray("appliesTo");
        for (String api : apis) {
            array.add(api);
        }
    }

    /** Settings for the given APIs: SUPPLY_CHAIN, PARTNER_EVENTS, PUT_EVENTS. */
    public static Faults forApis(String... apis) {
        return new Faults(apis);
    }

    public Faults requestThrottleRate(double rate) {
        json.put("requestThrottleRate", rate);
        return this;
    }

    public Faults serverErrorRate(double rate) {
        json.put("serverErrorRate", rate);
        return this;
    }

    public Faults entryThrottleRate(double rate) {
        json.put("entryThrottleRate", rate);
        return this;
    }

    public Faults entryInternalFailureRate(double rate) {
        json.put("entryInternalFailureRate", rate);
        return this;
    }

    public Faults lostResponseRate(double rate) {
        json.put("lostResponseRate", rate);
        return this;
    }

    public Faults errorAfterStoreRate(double rate) {
        json.put("errorAfterStoreRate", rate);
        return this;
    }

    public Faults dropConnectionRate(double rate) {
        json.put("dropConnectionRate", rate);
        return this;
    }

    public Faults randomLatencyMs(long min, long max) {
        json.put("randomLatencyMinMs", min);
        json.put("randomLatencyMaxMs", max);
        return this;
    }

    public Faults throttleBurstMs(long every, long length) {
        json.putObject("throttleBurst").put("everyMs", every).put("lengthMs", length);
        return this;
    }

    public ObjectNode json() {
        return json;
    }

    /** The settings as the emulator reads them, for the report. */
    @Override
    public String toString() {
        return json.toString();
    }
}
