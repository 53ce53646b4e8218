package io.github.camelawsevents.quarkus.deployment;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.quarkus.runtime.LaunchMode;

/**
 * Whether Dev Services start the emulator: in dev and test mode only, when enabled, and when neither component
 * is pointed anywhere or given credentials by the application's configuration. Pure, so every case is
 * unit-tested without booting Quarkus.
 *
 * @param start  whether to start the emulator
 * @param reason why not, for the log; {@code null} when it starts
 */
record DevServicesDecision(boolean start, String reason) {

    static final List<String> SCHEMES = List.of("aws-scn-event", "aws-partner-events");

    /** Options whose non-blank value points a component at an endpoint or gives it credentials or a client. */
    static final List<String> VALUE_OPTIONS = List.of("uri-endpoint-override", "access-key", "secret-key",
            "session-token", "profile-credentials-name");

    /** Options that, set to true, do the same. */
    static final List<String> SWITCH_OPTIONS = List.of("override-endpoint", "use-default-credentials-provider",
            "use-profile-credentials-provider", "use-session-credentials");

    /** The autowired SDK client option of each component, set to a bean reference. */
    static String clientOption(String scheme) {
        return scheme.equals("aws-scn-event") ? "supply-chain-client" : "event-bridge-client";
    }

    static DevServicesDecision decide(LaunchMode mode, boolean enabled, Function<String, Optional<String>> config) {
        if (mode != LaunchMode.DEVELOPMENT && mode != LaunchMode.TEST) {
            return new DevServicesDecision(false, "launch mode " + mode + " (only dev and test mode have them)");
        }
        if (!enabled) {
            return new DevServicesDecision(false, "quarkus.camel-aws-events.devservices.enabled is false");
        }
        for (String scheme : SCHEMES) {
            for (String option : VALUE_OPTIONS) {
                Optional<String> key = configured(scheme, option, config, value -> !value.isBlank());
                if (key.isPresent()) {
                    return new DevServicesDecision(false, key.get() + " is set");
                }
            }
            Optional<String> client = configured(scheme, clientOption(scheme), config, value -> !value.isBlank());
            if (client.isPresent()) {
                return new DevServicesDecision(false, client.get() + " is set");
            }
            for (String option : SWITCH_OPTIONS) {
                Optional<String> key = configured(scheme, option, config, value -> value.trim().equalsIgnoreCase("true"));
                if (key.isPresent()) {
                    return new DevServicesDecision(false, key.get() + " is true");
                }
            }
        }
        return new DevServicesDecision(true, null);
    }

    /** The region the application configured for either component (Supply Chain first), if any. */
    static Optional<String> configuredRegion(Function<String, Optional<String>> config) {
        for (String scheme : SCHEMES) {
            for (String key : spellings(scheme, "region")) {
                Optional<String> region = config.apply(key).filter(value -> !value.isBlank());
                if (region.isPresent()) {
                    return region.map(String::trim);
                }
            }
        }
        return Optional.empty();
    }

    /** The first spelling of the option (dashed or camelCase) whose value passes the test. */
    private static Optional<String> configured(String scheme, String option, Function<String, Optional<String>> config,
            java.util.function.Predicate<String> counts) {
        for (String key : spellings(scheme, option)) {
            if (config.apply(key).filter(counts).isPresent()) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** camel.component.SCHEME.OPTION in both forms Camel Quarkus reads: uri-endpoint-override and uriEndpointOverride. */
    static List<String> spellings(String scheme, String dashedOption) {
        String prefix = "camel.component." + scheme + ".";
        return List.of(prefix + dashedOption, prefix + camelCase(dashedOption));
    }

    static String camelCase(String dashed) {
        StringBuilder out = new StringBuilder(dashed.length());
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
