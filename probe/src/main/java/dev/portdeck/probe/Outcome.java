package dev.portdeck.probe;

import java.time.Duration;

/**
 * What one TCP connect attempt found (see ../shared/reference/probing.md for the mapping from socket errors).
 * A {@link LocalError} is this machine's problem and is never blamed on the target.
 */
public sealed interface Outcome {

    /** The handshake completed. */
    record Open(Duration latency) implements Outcome { }

    /** The target answered with a RST (connection refused). */
    record Closed() implements Outcome { }

    /** No answer before our own deadline. */
    record Filtered(Duration waited) implements Outcome { }

    /** No route, network unreachable, or an ICMP administratively-prohibited. */
    record Unreachable(String reason) implements Outcome { }

    /** The host name did not resolve (or not in time). */
    record DnsError(String reason) implements Outcome { }

    /** Out of file descriptors or ephemeral ports, or another local failure. */
    record LocalError(String reason) implements Outcome { }

    /** The short word used in tables and JSON: open, closed, filtered, unreachable, dns-error, local-error. */
    default String word() {
        if (this instanceof Open) {
            return "open";
        }
        if (this instanceof Closed) {
            return "closed";
        }
        if (this instanceof Filtered) {
            return "filtered";
        }
        if (this instanceof Unreachable) {
            return "unreachable";
        }
        if (this instanceof DnsError) {
            return "dns-error";
        }
        return "local-error";
    }

    default boolean isOpen() {
        return this instanceof Open;
    }
}
