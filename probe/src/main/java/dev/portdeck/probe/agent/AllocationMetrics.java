package dev.portdeck.probe.agent;

import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The series of each watched allocation. They appear with its first probe result and stay until the allocation
 * leaves the panel (or its labels change): a target that stops answering reports up = 0, it never vanishes.
 *
 * <p>Series per allocation: up, last change, the connect histogram (10 buckets + "+Inf", _sum, _count = 13), and one
 * probes_total per outcome seen (at most 7 for one check) — 22 at most.
 */
final class AllocationMetrics {

    /** From 100 µs (a LAN) to 5 s; a retransmitted SYN (≈1 s, ≈3 s) lands above 1 s. */
    static final double[] CONNECT_BUCKETS = {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5};

    /** What one result did to an allocation's up/down state. */
    enum Change { NONE, FIRST_UP, FIRST_DOWN, UP, DOWN }

    private static final class State {
        Boolean up; // null until a result that says something about the target
        final Set<String> outcomes = new LinkedHashSet<>();
    }

    private final Gauge up;
    private final Gauge lastChange;
    private final Histogram connect;
    private final Counter probes;
    private final Map<WatchedAllocation, State> states = new HashMap<>(); // guarded by this

    AllocationMetrics(PrometheusRegistry registry, Labels constLabels) {
        String[] names = WatchedAllocation.LABEL_NAMES.toArray(String[]::new);
        String[] withOutcome = Arrays.copyOf(names, names.length + 1);
        withOutcome[names.length] = "outcome";
        up = Gauge.builder().name("portdeck_allocation_up")
                .help("1 when the allocation answered its check on the latest probe, 0 when it did not")
                .labelNames(names).constLabels(constLabels).withoutExemplars().register(registry);
        lastChange = Gauge.builder().name("portdeck_allocation_last_change_timestamp_seconds")
                .help("When portdeck_allocation_up last changed, or was first known (Unix time)")
                .labelNames(names).constLabels(constLabels).withoutExemplars().register(registry);
        connect = Histogram.builder().name("portdeck_allocation_connect_seconds")
                .help("Time to complete the TCP handshake (or the first UDP reply) of each probe that got one")
                .labelNames(names).constLabels(constLabels).classicOnly().classicUpperBounds(CONNECT_BUCKETS)
                .withoutExemplars().register(registry);
        probes = Counter.builder().name("portdeck_allocation_probes_total")
                .help("Probes of the allocation by outcome: open, unresponsive, open|filtered, closed, filtered,"
                        + " unreachable, dns-error, local-error")
                .labelNames(withOutcome).constLabels(constLabels).withoutExemplars().register(registry);
    }

    /**
     * Records one result. A local error (this machine's problem) is counted but leaves up/down as it was: it says
     * nothing about the target.
     */
    synchronized Change record(WatchedAllocation w, ProbeResult result) {
        State state = states.get(w);
        if (state == null) {
            return Change.NONE; // left the panel while the round ran
        }
        String[] labels = w.labelValues();
        Outcome outcome = result.outcome();
        state.outcomes.add(outcome.word());
        probes.labelValues(with(labels, outcome.word())).inc();
        Duration latency = connectTime(outcome);
        if (latency != null) {
            connect.labelValues(labels).observe(latency.toNanos() / 1e9);
        }
        if (outcome instanceof Outcome.LocalError) {
            return Change.NONE;
        }
        boolean nowUp = outcome.isOpen();
        Boolean before = state.up;
        if (before != null && before == nowUp) {
            return Change.NONE;
        }
        state.up = nowUp;
        up.labelValues(labels).set(nowUp ? 1 : 0);
        lastChange.labelValues(labels).set(result.time().toEpochMilli() / 1000.0);
        if (before == null) {
            return nowUp ? Change.FIRST_UP : Change.FIRST_DOWN;
        }
        return nowUp ? Change.UP : Change.DOWN;
    }

    /** Watches exactly these allocations from now on; the series of every other one are removed. */
    synchronized void retain(Collection<WatchedAllocation> watched) {
        Set<WatchedAllocation> keep = new HashSet<>(watched);
        for (var it = states.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<WatchedAllocation, State> e = it.next();
            if (!keep.contains(e.getKey())) {
                remove(e.getKey(), e.getValue());
                it.remove();
            }
        }
        for (WatchedAllocation w : keep) {
            states.computeIfAbsent(w, k -> new State());
        }
    }

    /** The latest up/down of an allocation: true, false, or null before its first telling result. */
    synchronized Boolean isUp(WatchedAllocation w) {
        State s = states.get(w);
        return s == null ? null : s.up;
    }

    private void remove(WatchedAllocation w, State state) {
        String[] labels = w.labelValues();
        up.remove(labels);
        lastChange.remove(labels);
        connect.remove(labels);
        for (String outcome : state.outcomes) {
            probes.remove(with(labels, outcome));
        }
    }

    /** The TCP handshake (or first UDP reply) time, when the probe got that far. */
    private static Duration connectTime(Outcome outcome) {
        if (outcome instanceof Outcome.Open open) {
            return open.latency();
        }
        if (outcome instanceof Outcome.Unresponsive unresponsive) {
            return unresponsive.latency();
        }
        return null;
    }

    /** The label values with one more at the end. */
    static String[] with(String[] labels, String last) {
        String[] all = Arrays.copyOf(labels, labels.length + 1);
        all[labels.length] = last;
        return all;
    }
}
