package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Service;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each outcome does to an allocation's series. */
class AllocationMetricsTest {

    private final AllocationMetrics metrics = new AllocationMetrics(Labels.of("vantage", "fra"), new FamilyChanges());
    private final WatchedAllocation game = watched(1, Check.BEDROCK);

    @Test
    void silenceFromAUdpPortThatNeverAnsweredSaysNeitherUpNorDown() throws IOException {
        metrics.retain(List.of(game));
        assertEquals(AllocationMetrics.Change.NONE, metrics.record(game, result(new Outcome.OpenOrFiltered(Duration.ofSeconds(2)))));
        assertNull(metrics.isUp(game));
        String text = text();
        assertTrue(text.contains("portdeck_allocation_probes_total{allocation=\"1\",outcome=\"open|filtered\",vantage=\"fra\"} 1"), text);
        assertTrue(!text.contains("portdeck_allocation_up{"), text);
    }

    @Test
    void onceItAnsweredItsSilenceIsDownAndItsPlayersDropToZero() throws IOException {
        metrics.retain(List.of(game));
        Service realm = new Service("Minecraft Bedrock", "Pocket Realm", "1.21", null, 7, 10);
        assertEquals(AllocationMetrics.Change.FIRST_UP, metrics.record(game,
                result(new Outcome.Open(Duration.ofMillis(3), Duration.ofMillis(3), realm))));
        assertTrue(text().contains("portdeck_allocation_players{allocation=\"1\",vantage=\"fra\"} 7"), text());
        assertEquals(AllocationMetrics.Change.DOWN, metrics.record(game, result(new Outcome.OpenOrFiltered(Duration.ofSeconds(2)))));
        String text = text();
        assertTrue(text.contains("portdeck_allocation_players{allocation=\"1\",vantage=\"fra\"} 0"), text);
        assertTrue(text.contains("portdeck_allocation_max_players{allocation=\"1\",vantage=\"fra\"} 10"), text);
        assertTrue(text.contains("portdeck_allocation_service_round_trip_seconds{allocation=\"1\",vantage=\"fra\"} 0.003"), text);
        assertTrue(text.contains(",server_name=\"Realm\",vantage=\"fra\"} 0"), text);
    }

    @Test
    void aLocalErrorIsCountedButBlamesNoTarget() {
        WatchedAllocation tcp = watched(2, Check.TCP);
        metrics.retain(List.of(tcp));
        metrics.record(tcp, result(new Outcome.Open(Duration.ofMillis(1))));
        assertEquals(AllocationMetrics.Change.NONE, metrics.record(tcp, result(new Outcome.LocalError("out of files"))));
        assertEquals(Boolean.TRUE, metrics.isUp(tcp));
    }

    @Test
    void anAllocationThatLeavesThePanelTakesItsSeriesAlong() throws IOException {
        WatchedAllocation tcp = watched(2, Check.TCP);
        metrics.retain(List.of(game, tcp));
        metrics.record(tcp, result(new Outcome.Closed()));
        assertTrue(text().contains("allocation=\"2\""));
        metrics.retain(List.of(game));
        assertTrue(!text().contains("allocation=\"2\""), text());
        assertEquals(AllocationMetrics.Change.NONE, metrics.record(tcp, result(new Outcome.Closed())), "a late result");
        assertTrue(!text().contains("allocation=\"2\""), text());
    }

    @Test
    void connectTimesFallIntoTheirBuckets() throws IOException {
        WatchedAllocation tcp = watched(2, Check.TCP);
        metrics.retain(List.of(tcp));
        for (long micros : new long[] {80, 300, 2_000, 700_000, 3_000_000}) {
            metrics.record(tcp, result(new Outcome.Open(Duration.ofNanos(micros * 1000))));
        }
        String text = text();
        for (String bucket : new String[] {"1.0E-4\"} 1", "5.0E-4\"} 2", "0.001\"} 2", "0.01\"} 3", "0.5\"} 3",
            "1.0\"} 4", "5.0\"} 5", "+Inf\"} 5"}) {
            assertTrue(text.contains("le=\"" + bucket), bucket + "\n" + text);
        }
    }

    private String text() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.collect());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static WatchedAllocation watched(long id, Check check) {
        Server server = new Server("1a2b3c4d", "u", "Realm", "fra-1", null, false, 3, List.of(), Set.of());
        return WatchedAllocation.of(server, new Allocation(id, "127.0.0.2", null, 19132 + (int) id, null, true), check);
    }

    private static ProbeResult result(Outcome outcome) {
        return new ProbeResult(null, InetAddress.getLoopbackAddress(), outcome, Instant.now());
    }
}
