package dev.portdeck.probe;

import java.net.InetAddress;
import java.time.Instant;

/**
 * One probe of one target.
 *
 * @param target  what was asked for
 * @param address the address actually connected to (resolved), or null when resolution failed
 * @param outcome what happened
 * @param time    when the attempt started (wall clock)
 */
public record ProbeResult(Target target, InetAddress address, Outcome outcome, Instant time) {

    /** The address as people write it ("127.0.0.1", "::1" rather than "0:0:0:0:0:0:0:1"), or null. */
    public String addressText() {
        return address == null ? null : AddressText.of(address);
    }
}
