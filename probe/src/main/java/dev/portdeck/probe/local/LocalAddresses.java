package dev.portdeck.probe.local;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The addresses of this machine (of this network namespace): every interface's, plus all of 127.0.0.0/8 and ::1,
 * which Linux delivers locally whatever is configured. An allocation elsewhere is "not this machine", never guessed at.
 */
public final class LocalAddresses {

    private final Set<InetAddress> addresses;

    LocalAddresses(Collection<InetAddress> addresses) {
        this.addresses = new HashSet<>();
        addresses.forEach(a -> this.addresses.add(withoutScope(a)));
    }

    /** This machine's interfaces as they are now. */
    public static LocalAddresses ofThisMachine() {
        Set<InetAddress> found = new HashSet<>();
        try {
            NetworkInterface.networkInterfaces()
                    .forEach(nic -> nic.inetAddresses().forEach(found::add));
        } catch (SocketException e) {
            // no interface list: loopback still counts below
        }
        return new LocalAddresses(found);
    }

    /** Whether a connection to {@code address} stays on this machine; 0.0.0.0 and :: (every address) count. */
    public boolean contains(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true; // isLoopbackAddress covers all of 127/8 and ::1
        }
        return addresses.contains(withoutScope(address));
    }

    /** fe80::1%eth0 and fe80::1 are the same address for this question. */
    private static InetAddress withoutScope(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address;
        }
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
