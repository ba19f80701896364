package dev.portdeck.probe.agent;

import dev.portdeck.probe.Check.Transport;
import dev.portdeck.probe.local.Endpoint;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.probe.local.LocalAddresses;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code portdeck_allocation_listening{allocation, proto}}: whether a socket of the check's transport ({@code proto}
 * "tcp" or "udp") is bound on this machine to the allocation's address and port: 1 bound, 0 nothing bound, no sample
 * when the address is not this machine's, so an agent at another vantage point never reports a false 0. The check's
 * transport only: a Minecraft server without its UDP query port must not read as "not listening".
 *
 * <p>One read of the /proc/net tables the checks use (none at all when no allocation is on this machine) in a round
 * where an allocation went down or up, or a new one came, and otherwise once a {@link #LOOK_EVERY}: the kernel writes
 * a line for every socket of the table when it is read (7,500 at 10,000 allocations, a sixth of a round's kernel time
 * besides the connects), and the gauge matters most when reachability changes. Processes are not named, which would
 * cost a pass over every process's descriptors.
 */
final class ListeningMetrics implements FamilyCollector {

    static final String NAME = "portdeck_allocation_listening";

    /** The longest the gauge goes without a look while nothing changes: four rounds at the default interval. */
    static final Duration LOOK_EVERY = Duration.ofMinutes(1);

    /**
     * One allocation's labels (built once), where to look (from its IP, or for one on 0.0.0.0 from where its alias
     * pointed: looked up again when that changes), and what was found last: -1 not known here, 0 nothing bound, 1
     * bound.
     */
    private static final class Entry {
        final WatchedAllocation watched;
        final Labels labels;
        final Transport transport;
        final boolean everyAddress; // asked once: a regular expression each round for 10,000 allocations adds up
        Endpoint endpoint; // null: none (an alias that did not resolve, an ip that is no IP)
        InetAddress probedAt;
        boolean looked;
        boolean seen; // looked at in a read of the tables
        int state = -1;

        Entry(WatchedAllocation w, Labels constLabels) {
            watched = w;
            transport = w.check().transport();
            everyAddress = w.allocation().bindsEveryAddress();
            labels = Labels.of("allocation", Long.toString(w.allocation().id()),
                    "proto", transport.name().toLowerCase(java.util.Locale.ROOT)).merge(constLabels);
        }

        /** Whether a look is needed to know this allocation: new, or its alias now points elsewhere. */
        boolean unknown(InetAddress address) {
            return !seen || everyAddress && !java.util.Objects.equals(address, probedAt);
        }

        Endpoint endpoint(InetAddress address) {
            if (!looked || everyAddress && !java.util.Objects.equals(address, probedAt)) {
                looked = true;
                probedAt = address;
                // 0.0.0.0 left (its alias did not resolve) would be "every address" of whichever machine: no fact
                endpoint = Endpoint.of(watched.allocation(), address)
                        .filter(e -> !e.address().isAnyLocalAddress()).orElse(null);
            }
            return endpoint;
        }
    }

    private final Labels constLabels;
    private final FamilyChanges changes;
    private final LongSupplier nanoTime;
    private final Map<WatchedAllocation, Entry> entries = new HashMap<>(); // guarded by this
    private List<Entry> sorted = List.of(); // guarded by this
    private long lastLook; // guarded by this
    private boolean everLooked; // guarded by this

    /** {@code changes} counts the changes to the gauge (what {@link AllocationExposition} reads). */
    ListeningMetrics(Labels constLabels, FamilyChanges changes) {
        this(constLabels, changes, System::nanoTime);
    }

    /** As above, with the clock that says when the next look is due. */
    ListeningMetrics(Labels constLabels, FamilyChanges changes, LongSupplier nanoTime) {
        this.constLabels = constLabels;
        this.changes = changes;
        this.nanoTime = nanoTime;
    }

    /** Watches exactly these allocations from now on (the same ones again change nothing). */
    synchronized void retain(Collection<WatchedAllocation> watched) {
        Map<WatchedAllocation, Entry> next = new HashMap<>();
        for (WatchedAllocation w : watched) {
            Entry known = entries.get(w);
            next.put(w, known != null ? known : new Entry(w, constLabels));
        }
        if (next.keySet().equals(entries.keySet())) {
            return;
        }
        changes.changed(NAME);
        entries.clear();
        entries.putAll(next);
        List<Entry> list = new ArrayList<>(next.values());
        list.sort(Comparator.comparing((Entry e) -> e.labels));
        sorted = list;
    }

    /**
     * After a round: looks at this machine's sockets once for the allocations of the round, each at the address its
     * probe used (for an allocation on 0.0.0.0, where its alias pointed), when one of them went down or up
     * ({@code changed}), is new here, or the last look is a minute old; otherwise every value stands.
     */
    synchronized void update(Map<WatchedAllocation, InetAddress> probedAt, Set<WatchedAllocation> changed) {
        long now = nanoTime.getAsLong();
        if (everLooked && now - lastLook < LOOK_EVERY.toNanos() && changed.isEmpty() && !anyUnknown(probedAt)) {
            return;
        }
        everLooked = true;
        lastLook = now;
        LocalAddresses local = LocalAddresses.ofThisMachine();
        List<Entry> here = new ArrayList<>();
        Set<Transport> transports = EnumSet.noneOf(Transport.class);
        probedAt.forEach((w, address) -> {
            Entry entry = entries.get(w);
            if (entry == null) {
                return; // left the panel while the round ran
            }
            entry.seen = true;
            Endpoint e = entry.endpoint(address);
            if (e != null && local.contains(e.address())) {
                here.add(entry);
                transports.add(entry.transport);
            } else {
                state(entry, -1);
            }
        });
        ListeningSnapshot snapshot = transports.isEmpty() ? null : ListeningSnapshot.take(transports);
        for (Entry entry : here) {
            state(entry, !snapshot.here(entry.endpoint) ? -1 : snapshot.bound(entry.endpoint, entry.transport) ? 1 : 0);
        }
    }

    private boolean anyUnknown(Map<WatchedAllocation, InetAddress> probedAt) {
        for (Map.Entry<WatchedAllocation, InetAddress> p : probedAt.entrySet()) {
            Entry entry = entries.get(p.getKey());
            if (entry != null && entry.unknown(p.getValue())) {
                return true;
            }
        }
        return false;
    }

    private void state(Entry entry, int state) {
        if (entry.state != state) {
            entry.state = state;
            changes.changed(NAME);
        }
    }

    @Override
    public List<String> familyNames() {
        return List.of(NAME);
    }

    @Override
    public synchronized MetricSnapshot family(String name) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(NAME)
                .help("1 when a socket of the check's transport (proto) is bound on this machine to the allocation's"
                        + " address and port, 0 when none is; no sample when the address is not this machine's");
        for (Entry e : sorted) {
            if (e.state >= 0) {
                gauge.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(e.state, e.labels, null));
            }
        }
        return gauge.build();
    }
}
