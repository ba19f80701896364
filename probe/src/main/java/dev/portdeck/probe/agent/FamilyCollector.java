package dev.portdeck.probe.agent;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/**
 * A collector of the allocations' families that can collect them one at a time, so {@link AllocationExposition}
 * builds (and writes) only the ones that changed since it last wrote them.
 */
interface FamilyCollector extends MultiCollector {

    /** The names of its families, as their snapshots carry them (a counter's without "_total"). */
    List<String> familyNames();

    /** One of its families now. */
    MetricSnapshot family(String name);

    @Override
    default MetricSnapshots collect() {
        return new MetricSnapshots(familyNames().stream().map(this::family).toList());
    }
}
