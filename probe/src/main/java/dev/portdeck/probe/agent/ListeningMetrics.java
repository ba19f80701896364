package dev.portdeck.probe.agent;

import dev.portdeck.probe.Check.Transport;
import dev.portdeck.probe.local.Endpoint;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.probe.local.LocalAddresses;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code portdeck_allocation_listening{allocation, proto}}: whether a socket of the check's transport ({@code proto}
 * "tcp" or "udp") is bound on this machine to the allocation's address and port: 1 bound, 0 nothing bound, no sample
 * when the address is not this machine's, so an agent at another vantage point never reports a false 0. The check's
 * transport only: a Minecraft server without its UDP query port must not read as "not listening".
 *
 * <p>Once per round, one read of the /proc/net tables the checks use (none at all when no allocation is on this
 * machine); processes are not named, which would cost a pass over every process's descriptors.
 */
final class ListeningMetrics implements MultiCollector {

    static final String NAME = "portdeck_allocation_listening";

    /** One allocation's labels (built once) and what was found last: -1 not known here, 0 nothing bound, 1 bound. */
    private static final class Entry {
        final Labels labels;
        final Transport transport;
        int state = -1;

        Entry(WatchedAllocation w, Labels constLabels) {
            transport = w.check().transport();
            labels = Labels.of("allocation", Long.toString(w.allocation().id()),
                    "proto", transport.name().toLowerCase(java.util.Locale.ROOT)).merge(constLabels);
        }
    }

    private final Labels constLabels;
    private final AtomicLong changes;
    private final Map<WatchedAllocation, Entry> entries = new HashMap<>(); // guarded by this
    private List<Entry> sorted = List.of(); // guarded by this

    /** {@code changes} counts every change to the gauge (what {@link AllocationExposition} reads). */
    ListeningMetrics(Labels constLabels, AtomicLong changes) {
        this.constLabels = constLabels;
        this.changes = changes;
    }

    /** Watches exactly these allocations from now on. */
    synchronized void retain(Collection<WatchedAllocation> watched) {
        changes.incrementAndGet();
        Map<WatchedAllocation, Entry> next = new HashMap<>();
        for (WatchedAllocation w : watched) {
            Entry known = entries.get(w);
            next.put(w, known != null ? known : new Entry(w, constLabels));
        }
        entries.clear();
        entries.putAll(next);
        List<Entry> list = new ArrayList<>(next.values());
        list.sort(Comparator.comparing((Entry e) -> e.labels));
        sorted = list;
    }

    /**
     * Looks at this machine's sockets once for the allocations of a round, each at the address its probe used (for
     * an allocation on 0.0.0.0, where its alias pointed).
     */
    void update(Map<WatchedAllocation, InetAddress> probedAt) {
        Map<WatchedAllocation, Endpoint> endpoints = new HashMap<>();
        Set<Transport> transports = EnumSet.noneOf(Transport.class);
        LocalAddresses local = LocalAddresses.ofThisMachine();
        probedAt.forEach((w, address) -> {
            Optional<Endpoint> e = Endpoint.of(w.allocation(), address);
            // 0.0.0.0 left (its alias did not resolve) would be "every address" of whichever machine: not a fact
            if (e.isPresent() && !e.get().address().isAnyLocalAddress() && local.contains(e.get().address())) {
                endpoints.put(w, e.get());
                transports.add(w.check().transport());
            }
        });
        ListeningSnapshot snapshot = transports.isEmpty() ? null : ListeningSnapshot.take(transports);
        synchronized (this) {
            changes.incrementAndGet();
            for (WatchedAllocation w : probedAt.keySet()) {
                Entry entry = entries.get(w);
                Endpoint e = endpoints.get(w);
                if (entry != null) {
                    entry.state = e == null || !snapshot.here(e) ? -1 : snapshot.bound(e, entry.transport) ? 1 : 0;
                }
            }
        }
    }

    @Override
    public synchronized MetricSnapshots collect() {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(NAME)
                .help("1 when a socket of the check's transport (proto) is bound on this machine to the allocation's"
                        + " address and port, 0 when none is; no sample when the address is not this machine's");
        for (Entry e : sorted) {
            if (e.state >= 0) {
                gauge.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(e.state, e.labels, null));
            }
        }
        return MetricSnapshots.of(gauge.build());
    }
}
