package dev.portdeck.probe;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces the UDP questions to one address: each new question to an address goes at least {@code gap} after the one
 * before it (a protocol's own follow-ups, such as an A2S challenge answer, are not held back). A sweep over many game
 * servers on one node thus reaches that node as a trickle, not a burst. Shared by a prober's selector threads.
 */
final class UdpPacer {

    private final long gapNanos;
    private final Map<InetAddress, Long> next = new HashMap<>();
    private int tidyAt = 1024;

    UdpPacer(long gapNanos) {
        this.gapNanos = gapNanos;
    }

    /** Reserves the earliest time at or after {@code now} that a question to {@code address} may be sent. */
    synchronized long reserve(InetAddress address, long now) {
        if (gapNanos <= 0) {
            return now;
        }
        Long free = next.get(address);
        long slot = free == null || free - now < 0 ? now : free;
        next.put(address, slot + gapNanos);
        if (next.size() > tidyAt) {
            next.values().removeIf(t -> t - now < 0); // addresses whose turn has passed need no memory
            tidyAt = Math.max(1024, 2 * next.size());
        }
        return slot;
    }
}
