package dev.portdeck.probe;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one limit every selector thread of a {@link Prober} shares: at most {@code cap} probes hold a slot (and so at
 * most one socket each) at once. Lowered, never raised, when the process runs out of descriptors below it.
 */
final class InFlightCap {

    private final AtomicInteger held = new AtomicInteger();
    private final AtomicBoolean toReport = new AtomicBoolean();
    private volatile int cap;

    InFlightCap(int cap) {
        this.cap = cap;
    }

    /** Takes a slot if one is free. */
    boolean tryAcquire() {
        for (int now = held.get(); now < cap; now = held.get()) {
            if (held.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    void release() {
        held.decrementAndGet();
    }

    boolean hasRoom() {
        return held.get() < cap;
    }

    int held() {
        return held.get();
    }

    /** The descriptors ran out with {@code fit} slots held: from now on at most that many (at least one). */
    synchronized void lowerTo(int fit) {
        int lowered = Math.max(1, fit);
        if (lowered < cap) {
            cap = lowered;
            toReport.set(true);
        }
    }

    /** The lowered cap, once, when nothing is held any more (logging may need a descriptor); else 0. */
    int loweredCapToReport() {
        return held.get() == 0 && toReport.compareAndSet(true, false) ? cap : 0;
    }
}
