package dev.portdeck.probe.agent;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.time.Instant;

/** The series about the panel and the agent itself: panel_up, requests by status code, discovery, build info. */
final class PanelMetrics {

    private final Gauge panelUp;
    private final Counter requests;
    private final Gauge lastDiscovery;
    private final Gauge allocations;
    private final Gauge roundSeconds;

    PanelMetrics(PrometheusRegistry registry, Labels constLabels, String version) {
        panelUp = Gauge.builder().name("portdeck_panel_up")
                .help("1 when the panel's last answer was the API, 0 when it was down, not the API, or rate-limiting")
                .constLabels(constLabels).withoutExemplars().register(registry);
        requests = Counter.builder().name("portdeck_panel_requests_total")
                .help("Requests the agent sent to the panel, by HTTP status code (\"none\": no answer arrived)")
                .labelNames("code").constLabels(constLabels).withoutExemplars().register(registry);
        lastDiscovery = Gauge.builder().name("portdeck_discovery_last_success_timestamp_seconds")
                .help("When the agent last read every allocation from the panel (Unix time)")
                .constLabels(constLabels).withoutExemplars().register(registry);
        allocations = Gauge.builder().name("portdeck_allocations_watched")
                .help("Allocations the agent probes")
                .constLabels(constLabels).withoutExemplars().register(registry);
        roundSeconds = Gauge.builder().name("portdeck_probe_round_duration_seconds")
                .help("How long the last round over every allocation took")
                .constLabels(constLabels).withoutExemplars().register(registry);
        Info build = Info.builder().name("portdeck_build_info").help("The portdeck agent's version")
                .labelNames("version").constLabels(constLabels).register(registry);
        build.setLabelValues(version);
        requests.initLabelValues("200");
    }

    void panelUp(boolean up) {
        panelUp.set(up ? 1 : 0);
    }

    void countRequest(int status) {
        requests.labelValues(status == 0 ? "none" : Integer.toString(status)).inc();
    }

    void discovered(Instant at, int watched) {
        lastDiscovery.set(at.toEpochMilli() / 1000.0);
        allocations.set(watched);
    }

    void round(Duration took) {
        roundSeconds.set(took.toNanos() / 1e9);
    }
}
