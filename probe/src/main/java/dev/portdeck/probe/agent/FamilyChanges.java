package dev.portdeck.probe.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many times each family of the allocations' series has changed, by the name its snapshot carries (a counter's
 * without "_total"). {@link AllocationExposition} keeps a family's written text while its count stays: at 10,000
 * allocations a round rewrites the connect histogram and the probe counters, not the 3 MB of up, last-change and
 * listening series that change only when an allocation goes down or up.
 */
final class FamilyChanges {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** The family's series changed (a value, a series added or gone). */
    void changed(String family) {
        counts.computeIfAbsent(family, f -> new AtomicLong()).incrementAndGet();
    }

    /** The count now: 0 before the first change. */
    long of(String family) {
        AtomicLong count = counts.get(family);
        return count == null ? 0 : count.get();
    }

    /** Every family's count now, read before collecting, so a change while collecting makes the copy stale. */
    Map<String, Long> now() {
        Map<String, Long> now = new java.util.HashMap<>();
        counts.forEach((family, count) -> now.put(family, count.get()));
        return now;
    }
}
