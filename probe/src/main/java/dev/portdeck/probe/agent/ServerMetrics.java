package dev.portdeck.probe.agent;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The series of each server: its allocations and limit (from discovery) and what the panel's {@code /resources}
 * said last (network counters, uptime, power state). The resource series appear with the first answer and keep the
 * last known values while a later poll fails; all of a server's series go when it leaves the panel.
 */
final class ServerMetrics {

    static final String[] LABEL_NAMES = {"server", "server_name", "node"};
    private static final PowerState[] STATES = {PowerState.RUNNING, PowerState.STARTING, PowerState.STOPPING,
        PowerState.OFFLINE};

    /** What is known of one server; replaced whole, never changed in place. */
    private record Known(String[] labels, int allocations, int limit, Resources resources) {
    }

    private final Map<String, Known> servers = new ConcurrentHashMap<>();

    ServerMetrics(PrometheusRegistry registry, Labels constLabels) {
        gauge(registry, constLabels, "portdeck_server_allocations", "Allocations assigned to the server",
                (k, cb) -> cb.call(k.allocations(), k.labels()));
        gauge(registry, constLabels, "portdeck_server_allocation_limit",
                "How many allocations the server may have, the primary included (0: none may be added)",
                (k, cb) -> cb.call(k.limit(), k.labels()));
        counter(registry, constLabels, "portdeck_server_network_received_bytes",
                "Bytes the server received since it started, as the panel reports them (a restart resets it)",
                Resources::networkRxBytes);
        counter(registry, constLabels, "portdeck_server_network_transmitted_bytes",
                "Bytes the server sent since it started, as the panel reports them (a restart resets it)",
                Resources::networkTxBytes);
        gauge(registry, constLabels, "portdeck_server_uptime_seconds", "How long the server has been running",
                (k, cb) -> {
                    if (k.resources() != null) {
                        cb.call(k.resources().uptimeMillis() / 1000.0, k.labels());
                    }
                });
        GaugeWithCallback.builder().name("portdeck_server_power_state")
                .help("1 for the server's power state as the panel last reported it, 0 for the others")
                .labelNames(LABEL_NAMES[0], LABEL_NAMES[1], LABEL_NAMES[2], "state").constLabels(constLabels)
                .callback(cb -> servers.values().forEach(k -> {
                    if (k.resources() != null) {
                        for (PowerState s : STATES) {
                            cb.call(k.resources().state() == s ? 1 : 0, AllocationMetrics.with(k.labels(), s.apiName()));
                        }
                    }
                })).register(registry);
    }

    /** The servers of a discovery: new ones appear, gone ones and their series leave, names may change. */
    void discovered(Collection<Server> current) {
        Set<String> ids = new HashSet<>();
        for (Server s : current) {
            ids.add(s.identifier());
            String[] labels = {s.identifier(), s.name(), s.node() == null ? "" : s.node()};
            servers.compute(s.identifier(), (id, old) -> new Known(labels, s.allocations().size(),
                    s.allocationLimit(), old == null ? null : old.resources()));
        }
        servers.keySet().retainAll(ids);
    }

    void resources(String serverId, Resources resources) {
        servers.computeIfPresent(serverId, (id, old) -> new Known(old.labels(), old.allocations(), old.limit(),
                resources));
    }

    private void gauge(PrometheusRegistry registry, Labels constLabels, String name, String help,
            BiConsumer<Known, GaugeWithCallback.Callback> each) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(LABEL_NAMES).constLabels(constLabels)
                .callback(cb -> servers.values().forEach(k -> each.accept(k, cb))).register(registry);
    }

    private void counter(PrometheusRegistry registry, Labels constLabels, String name, String help,
            java.util.function.ToLongFunction<Resources> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames(LABEL_NAMES).constLabels(constLabels)
                .callback(cb -> servers.values().forEach(k -> {
                    if (k.resources() != null) {
                        cb.call(value.applyAsLong(k.resources()), k.labels());
                    }
                })).register(registry);
    }
}
