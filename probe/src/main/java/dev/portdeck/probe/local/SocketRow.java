package dev.portdeck.probe.local;

import dev.portdeck.probe.Check.Transport;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One bound socket as a {@code /proc/net} file lists it, before its process is known.
 *
 * @param ipv6 whether it came from tcp6/udp6 (an IPv6 socket, possibly bound to a v4-mapped address)
 */
record SocketRow(Transport transport, boolean ipv6, InetAddress address, int port, long uid, long inode) {

    LocalSocket owned(Owner owner) {
        return new LocalSocket(transport, ipv6, address, port, owner);
    }

    /** Whether a connection to {@code target} on this socket's port reaches this socket. */
    boolean accepts(InetAddress target) {
        if (target.isAnyLocalAddress() || address.equals(target)) {
            return true; // an allocation on every address is served by any socket on its port
        }
        if (!address.isAnyLocalAddress()) {
            return false;
        }
        // 0.0.0.0 takes IPv4 only; :: takes both, as Linux binds it dual-stack unless the program asked otherwise
        return address instanceof Inet6Address || target instanceof Inet4Address;
    }
}
