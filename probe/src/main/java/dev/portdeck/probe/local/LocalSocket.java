package dev.portdeck.probe.local;

import dev.portdeck.probe.AddressText;
import dev.portdeck.probe.Check.Transport;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A socket bound on this machine: a TCP socket in LISTEN, or a bound, unconnected UDP socket (what {@code ss -tuln}
 * shows).
 *
 * @param transport tcp or udp
 * @param ipv6      whether it is an IPv6 socket (from tcp6/udp6); one bound to {@code ::} also takes IPv4
 * @param address   the local address it is bound to; a v4-mapped IPv6 address is given as its IPv4 address
 * @param port      the local port
 * @param owner     the process holding it, or why that is not known
 */
public record LocalSocket(Transport transport, boolean ipv6, InetAddress address, int port, Owner owner) {

    /** "ipv4" or "ipv6": the socket's family, as in ss. */
    public String family() {
        return ipv6 ? "ipv6" : "ipv4";
    }

    /** Bound to every address: 0.0.0.0 or ::. */
    public boolean wildcard() {
        return address.isAnyLocalAddress();
    }

    /** The address as ss prints it: "0.0.0.0", "[::]", "127.0.0.1", "[::1]", "[::ffff:127.0.0.1]". */
    public String addressText() {
        String text = AddressText.of(address);
        if (!ipv6) {
            return text;
        }
        return "[" + (address instanceof Inet4Address ? "::ffff:" + text : text) + "]";
    }
}
