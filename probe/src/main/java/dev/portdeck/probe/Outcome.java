package dev.portdeck.probe;

import java.time.Duration;

/**
 * What one probe found (see ../shared/reference/probing.md for the mapping from socket errors). Only {@link Open}
 * counts as up. A {@link LocalError} is this machine's problem and is never blamed on the target.
 */
public sealed interface Outcome {

    /**
     * The port answered the check's question: the handshake completed (tcp), a datagram came back (udp), or the
     * service answered in its own protocol.
     *
     * @param latency    the network's part: the TCP connect time, or the time to the first UDP reply
     * @param appLatency the service's own round trip (Minecraft ping/pong, the A2S reply), or null
     * @param service    what the service said about itself, or null
     */
    record Open(Duration latency, Duration appLatency, Service service) implements Outcome {
        public Open(Duration latency) {
            this(latency, null, null);
        }
    }

    /**
     * The port accepts TCP connections (or sent a datagram back) but the service did not answer its protocol in time,
     * or answered nonsense: a hung game, a proxy, another program on the port, a hostile reply.
     *
     * @param latency the TCP connect time, or for a UDP check the time to the (invalid) reply
     * @param reason  what went wrong, in a few words ("no status reply in time", "the pong lacks RakNet's magic")
     */
    record Unresponsive(Duration latency, String reason) implements Outcome { }

    /** A UDP question met silence: the port may be open and quiet, or a firewall dropped the datagram. */
    record OpenOrFiltered(Duration waited) implements Outcome { }

    /** The target refused: a TCP RST, or ICMP port unreachable for UDP. */
    record Closed() implements Outcome { }

    /** No answer before our own deadline. */
    record Filtered(Duration waited) implements Outcome { }

    /** No route, network unreachable, or an ICMP administratively-prohibited. */
    record Unreachable(String reason) implements Outcome { }

    /** The host name did not resolve (or not in time). */
    record DnsError(String reason) implements Outcome { }

    /** Out of file descriptors or ephemeral ports, or another local failure. */
    record LocalError(String reason) implements Outcome { }

    /**
     * The short word used in tables and JSON: open, unresponsive, open|filtered, closed, filtered, unreachable,
     * dns-error, local-error.
     */
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
        if (this instanceof Unresponsive) {
            return "unresponsive";
        }
        if (this instanceof OpenOrFiltered) {
            return "open|filtered";
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
