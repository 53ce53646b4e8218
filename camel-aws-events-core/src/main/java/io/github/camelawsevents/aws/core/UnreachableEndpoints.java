package io.github.camelawsevents.aws.core;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Tells a failure to reach the endpoint apart from every other failure, and says it as such: a pure function over the
 * SDK's exception and its causes.
 * <p>
 * Why: after an outage the SDK's Netty client reports a connection it could not make within the connection acquisition
 * timeout as "Acquire operation took longer than the configured maximum time ... due to high request rate", which says
 * the opposite of what happened. The components never have more requests in flight than the pool has connections
 * ({@code maxInFlightRequests} sizes both), so a wait for a connection is a wait for a connection to be made.
 */
public final class UnreachableEndpoints {

    /** The start of the message of the SDK's Netty client for an acquisition that timed out. */
    static final String ACQUIRE_TIMEOUT = "Acquire operation took longer";

    private UnreachableEndpoints() {
    }

    /**
     * The failure as {@link EndpointUnreachableException} when it is one to reach the endpoint, else {@code failure}
     * itself.
     *
     * @param failure            the SDK's exception
     * @param endpoint           where the request went (scheme, host and port), or null when unknown
     * @param acquisitionTimeout the connection acquisition timeout of the client
     */
    public static Throwable map(Throwable failure, String endpoint, Duration acquisitionTimeout) {
        if (failure == null || failure instanceof EndpointUnreachableException) {
            return failure;
        }
        String reason = reason(failure, acquisitionTimeout);
        if (reason == null) {
            return failure;
        }
        String where = endpoint != null ? endpoint : "the AWS endpoint";
        Integer attempts = failure instanceof SdkException sdk ? sdk.numAttempts() : null;
        return new EndpointUnreachableException(endpoint,
                "Could not reach " + where + ": " + reason + ". Nothing of the request reached it.", attempts,
                failure);
    }

    /** What kept the request from reaching the endpoint, in words, or null when it is another failure. */
    static String reason(Throwable failure, Duration acquisitionTimeout) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : "";
            if (message.startsWith(ACQUIRE_TIMEOUT)) {
                return "no connection to it could be made within the connection acquisition timeout ("
                       + acquisitionTimeout.toMillis() + " ms)";
            }
            if (isConnectTimeout(t)) {
                return "the connection was not made within the connect timeout (" + firstLine(message) + ")";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to its host (" + firstLine(message) + ")";
            }
            if (t instanceof ConnectException) {
                return message.toLowerCase(Locale.ROOT).contains("refused")
                        ? "the connection was refused (nothing listens there, or it is down)"
                        : "the connection could not be made (" + firstLine(message) + ")";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "its host name does not resolve";
            }
        }
        return null;
    }

    /** Scheme, host and port of a URI: never its user info, path or query. */
    public static String endpointOf(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme() != null ? uri.getScheme() : "https";
        return scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    /** Netty's ConnectTimeoutException, known by name so that core needs no Netty type at this place. */
    private static boolean isConnectTimeout(Throwable t) {
        return t.getClass().getName().equals("io.netty.channel.ConnectTimeoutException");
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl >= 0 ? message.substring(0, nl) : message;
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
