package dev.portdeck.probe.agent;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of each server: its allocations and limit (from discovery) and what the panel's {@code /resources}
 * said last (network counters, uptime, power state). The resource series appear with the first answer and keep the
 * last known values while a later poll fails; all of a server's series go when it leaves the panel. Labels are built
 * once per server, as for the allocations.
 */
final class ServerMetrics implements MultiCollector {

    static final String[] LABEL_NAMES = {"server", "server_name", "node"};
    private static final PowerState[] STATES = {PowerState.OFFLINE, PowerState.RUNNING, PowerState.STARTING,
        PowerState.STOPPING}; // in label order
    private static final String ALLOCATIONS = "portdeck_server_allocations";
    private static final String LIMIT = "portdeck_server_allocation_limit";
    private static final String RECEIVED = "portdeck_server_network_received_bytes";
    private static final String TRANSMITTED = "portdeck_server_network_transmitted_bytes";
    private static final String UPTIME = "portdeck_server_uptime_seconds";
    private static final String POWER = "portdeck_server_power_state";

    /** What is known of one server; its labels are built once. */
    private static final class Known {
        final Labels labels;
        final Labels[] byState = new Labels[STATES.length];
        int allocations;
        int limit;
        Resources resources;

        Known(Server s, Labels constLabels) {
            labels = Labels.of(LABEL_NAMES, new String[] {s.identifier(), s.name(), s.node() == null ? "" : s.node()})
                    .merge(constLabels);
            for (int i = 0; i < STATES.length; i++) {
                byState[i] = labels.add("state", STATES[i].apiName());
            }
        }

        boolean sameNames(Server s) {
            return labels.get("server_name").equals(s.name()) && labels.get("node").equals(s.node() == null ? ""
                    : s.node());
        }
    }

    private final Labels constLabels;
    private final Map<String, Known> servers = new HashMap<>(); // guarded by this
    private List<Known> sorted = List.of();

    ServerMetrics(Labels constLabels) {
        this.constLabels = constLabels;
    }

    /** The servers of a discovery: new ones appear, gone ones and their series leave, a renamed one starts anew. */
    synchronized void discovered(Collection<Server> current) {
        Map<String, Known> next = new HashMap<>();
        for (Server s : current) {
            Known k = servers.get(s.identifier());
            if (k == null || !k.sameNames(s)) {
                k = new Known(s, constLabels);
            }
            k.allocations = s.allocations().size();
            k.limit = s.allocationLimit();
            next.put(s.identifier(), k);
        }
        servers.clear();
        servers.putAll(next);
        List<Known> list = new ArrayList<>(next.values());
        list.sort(Comparator.comparing((Known k) -> k.labels));
        sorted = list;
    }

    synchronized void resources(String serverId, Resources resources) {
        Known k = servers.get(serverId);
        if (k != null) {
            k.resources = resources;
        }
    }

    @Override
    public synchronized MetricSnapshots collect() {
        GaugeSnapshot.Builder allocations = GaugeSnapshot.builder().name(ALLOCATIONS)
                .help("Allocations assigned to the server");
        GaugeSnapshot.Builder limit = GaugeSnapshot.builder().name(LIMIT)
                .help("How many allocations the server may have, the primary included (0: none may be added)");
        CounterSnapshot.Builder received = CounterSnapshot.builder().name(RECEIVED)
                .help("Bytes the server received since it started, as the panel reports them (a restart resets it)");
        CounterSnapshot.Builder transmitted = CounterSnapshot.builder().name(TRANSMITTED)
                .help("Bytes the server sent since it started, as the panel reports them (a restart resets it)");
        GaugeSnapshot.Builder uptime = GaugeSnapshot.builder().name(UPTIME).help("How long the server has been running");
        GaugeSnapshot.Builder power = GaugeSnapshot.builder().name(POWER)
                .help("1 for the server's power state as the panel last reported it, 0 for the others");
        for (Known k : sorted) {
            allocations.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(k.allocations, k.labels, null));
            limit.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(k.limit, k.labels, null));
            Resources r = k.resources;
            if (r == null) {
                continue;
            }
            received.dataPoint(new CounterSnapshot.CounterDataPointSnapshot(r.networkRxBytes(), k.labels, null, 0));
            transmitted.dataPoint(new CounterSnapshot.CounterDataPointSnapshot(r.networkTxBytes(), k.labels, null, 0));
            uptime.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(r.uptimeMillis() / 1000.0, k.labels, null));
            for (int i = 0; i < STATES.length; i++) {
                power.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(r.state() == STATES[i] ? 1 : 0,
                        k.byState[i], null));
            }
        }
        return MetricSnapshots.of(allocations.build(), limit.build(), received.build(), transmitted.build(),
                uptime.build(), power.build());
    }
}
