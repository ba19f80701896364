package dev.portdeck.probe.agent;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The series of each server: its allocations and limit (from discovery) and what the panel's {@code /resources}
 * said last (network counters, uptime, power state). The resource series appear with the first answer and keep the
 * last known values while a later poll fails; all of a server's series go when it leaves the panel. Labels are built
 * once per server, as for the allocations, and each family counts its changes ({@link FamilyChanges}) so that
 * {@link AllocationExposition} writes it again only then: a poll moves the traffic and uptime of one server, while
 * the power states, allocations and limits of 2,500 servers stay as they were between scrapes.
 */
final class ServerMetrics implements FamilyCollector {

    static final String[] LABEL_NAMES = {"server", "server_name", "node"};
    private static final PowerState[] STATES = {PowerState.OFFLINE, PowerState.RUNNING, PowerState.STARTING,
        PowerState.STOPPING}; // in label order
    private static final String ALLOCATIONS = "portdeck_server_allocations";
    private static final String LIMIT = "portdeck_server_allocation_limit";
    private static final String RECEIVED = "portdeck_server_network_received_bytes";
    private static final String TRANSMITTED = "portdeck_server_network_transmitted_bytes";
    private static final String UPTIME = "portdeck_server_uptime_seconds";
    private static final String POWER = "portdeck_server_power_state";
    private static final List<String> FAMILIES = List.of(ALLOCATIONS, LIMIT, RECEIVED, TRANSMITTED, UPTIME, POWER);

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
    private final FamilyChanges changes;
    private final Map<String, Known> servers = new HashMap<>(); // guarded by this
    private List<Known> sorted = List.of(); // guarded by this

    /** {@code changes} counts the changes to each family (what {@link AllocationExposition} reads). */
    ServerMetrics(Labels constLabels, FamilyChanges changes) {
        this.constLabels = constLabels;
        this.changes = changes;
    }

    /** The servers of a discovery: new ones appear, gone ones and their series leave, a renamed one starts anew. */
    synchronized void discovered(Collection<Server> current) {
        Map<String, Known> next = new HashMap<>();
        boolean counts = false;
        for (Server s : current) {
            Known k = servers.get(s.identifier());
            if (k == null || !k.sameNames(s)) {
                k = new Known(s, constLabels);
            }
            counts |= k.allocations != s.allocations().size() || k.limit != s.allocationLimit();
            k.allocations = s.allocations().size();
            k.limit = s.allocationLimit();
            next.put(s.identifier(), k);
        }
        boolean sameServers = next.size() == servers.size() && next.entrySet().stream()
                .allMatch(e -> servers.get(e.getKey()) == e.getValue());
        if (sameServers) {
            if (counts) {
                changes.changed(ALLOCATIONS);
                changes.changed(LIMIT);
            }
            return;
        }
        servers.clear();
        servers.putAll(next);
        List<Known> list = new ArrayList<>(next.values());
        list.sort(Comparator.comparing((Known k) -> k.labels));
        sorted = list;
        FAMILIES.forEach(changes::changed);
    }

    synchronized void resources(String serverId, Resources fresh) {
        Known k = servers.get(serverId);
        if (k == null) {
            return;
        }
        Resources before = k.resources;
        k.resources = fresh;
        if (before == null) {
            FAMILIES.forEach(changes::changed); // its first: series appear in four families
            return;
        }
        if (before.networkRxBytes() != fresh.networkRxBytes()) {
            changes.changed(RECEIVED);
        }
        if (before.networkTxBytes() != fresh.networkTxBytes()) {
            changes.changed(TRANSMITTED);
        }
        if (before.uptimeMillis() != fresh.uptimeMillis()) {
            changes.changed(UPTIME);
        }
        if (before.state() != fresh.state()) {
            changes.changed(POWER);
        }
    }

    @Override
    public List<String> familyNames() {
        return FAMILIES;
    }

    @Override
    public synchronized MetricSnapshot family(String name) {
        return switch (name) {
            case ALLOCATIONS -> gauge(ALLOCATIONS, "Allocations assigned to the server", k -> (double) k.allocations);
            case LIMIT -> gauge(LIMIT, "How many allocations the server may have, the primary included (0: none may"
                    + " be added)", k -> (double) k.limit);
            case RECEIVED -> counter(RECEIVED, "Bytes the server received since it started, as the panel reports them"
                    + " (a restart resets it)", r -> (double) r.networkRxBytes());
            case TRANSMITTED -> counter(TRANSMITTED, "Bytes the server sent since it started, as the panel reports"
                    + " them (a restart resets it)", r -> (double) r.networkTxBytes());
            case UPTIME -> gauge(UPTIME, "How long the server has been running",
                    k -> k.resources == null ? null : k.resources.uptimeMillis() / 1000.0);
            case POWER -> power();
            default -> throw new IllegalArgumentException("not a family of the servers: " + name);
        };
    }

    private GaugeSnapshot gauge(String name, String help, Function<Known, Double> value) {
        return FamilyCollector.gauge(name, help, sorted, k -> k.labels, value);
    }

    /** A counter of what /resources said; servers not read yet have no sample. */
    private CounterSnapshot counter(String name, String help, Function<Resources, Double> value) {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
        for (Known k : sorted) {
            if (k.resources != null) {
                counter.dataPoint(new CounterSnapshot.CounterDataPointSnapshot(value.apply(k.resources), k.labels,
                        null, 0));
            }
        }
        return counter.build();
    }

    private GaugeSnapshot power() {
        GaugeSnapshot.Builder power = GaugeSnapshot.builder().name(POWER)
                .help("1 for the server's power state as the panel last reported it, 0 for the others");
        for (Known k : sorted) {
            Resources r = k.resources;
            if (r != null) {
                for (int i = 0; i < STATES.length; i++) {
                    power.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(r.state() == STATES[i] ? 1 : 0,
                            k.byState[i], null));
                }
            }
        }
        return power.build();
    }
}
