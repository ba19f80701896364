package dev.portdeck.probe.agent;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.function.Function;

/**
 * A collector of the allocations' families that can collect them one at a time, so {@link AllocationExposition}
 * builds (and writes) only the ones that changed since it last wrote them.
 */
interface FamilyCollector extends MultiCollector {

    /** The names of its families, as their snapshots carry them (a counter's without "_total"). */
    List<String> familyNames();

    /** One of its families now. */
    MetricSnapshot family(String name);

    /** A gauge with a sample for each of {@code in} (in that order) that has a value; the others have none. */
    static <T> GaugeSnapshot gauge(String name, String help, List<T> in, Function<T, Labels> labels,
            Function<T, Double> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        for (T each : in) {
            Double v = value.apply(each);
            if (v != null) {
                gauge.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(v, labels.apply(each), null));
            }
        }
        return gauge.build();
    }

    /**
     * Every family at once, under the collector's own lock: each implementation guards its state with it (its
     * {@code family} is synchronized), so the families of one collect are one consistent view.
     */
    @Override
    default MetricSnapshots collect() {
        synchronized (this) {
            return new MetricSnapshots(familyNames().stream().map(this::family).toList());
        }
    }
}
