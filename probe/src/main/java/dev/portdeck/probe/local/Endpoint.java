package dev.portdeck.probe.local;

import dev.portdeck.shared.client.IpLiteral;
import dev.portdeck.shared.model.Allocation;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address and port to ask "is anything listening here?" about. The address may be 0.0.0.0 or ::: an allocation
 * on every address, served by any socket on its port.
 */
public record Endpoint(InetAddress address, int port) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /**
     * Where players reach an allocation: its IP; for one on every address, where its alias points ({@code
     * aliasAddress}, resolved by the caller, e.g. the address a probe used), else every address. Empty when the
     * panel's ip is not an IP literal.
     */
    public static Optional<Endpoint> of(Allocation allocation, InetAddress aliasAddress) {
        if (allocation.bindsEveryAddress() && aliasAddress != null) {
            return Optional.of(new Endpoint(aliasAddress, allocation.port()));
        }
        return IpLiteral.parse(allocation.ip()).map(ip -> new Endpoint(ip, allocation.port()));
    }
}
