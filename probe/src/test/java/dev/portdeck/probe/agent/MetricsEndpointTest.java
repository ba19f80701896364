package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Service;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /metrics as the agent serves it (the allocations' families written once per change, the rest on each scrape, gzip
 * at its fastest level) is byte for byte what the Prometheus client's own handler serves for the same registry, in
 * both text formats, gzipped or not, with hostile names in the labels. Over real HTTP on loopback.
 */
class MetricsEndpointTest {

    /** What Prometheus 2.x sends. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
            + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusRegistry ofAllocations = new PrometheusRegistry();
    private final PrometheusRegistry rest = new PrometheusRegistry();
    private final PrometheusRegistry everything = new PrometheusRegistry();
    private final AllocationExposition exposition = new AllocationExposition(Duration.ofSeconds(15));
    private final Labels vantage = Labels.of("vantage", "fra \"1\"");
    private final AllocationMetrics allocations = new AllocationMetrics(vantage, exposition.changes());
    private final ServerMetrics servers = new ServerMetrics(vantage, exposition.changes());
    private final List<WatchedAllocation> watched = new ArrayList<>();
    private AgentServer server;

    @BeforeEach
    void start() throws IOException {
        ofAllocations.register(allocations);
        exposition.add(allocations);
        ofAllocations.register(servers); // as the agent does: written when they change
        exposition.add(servers);
        PanelMetrics panel = new PanelMetrics(rest, vantage, "test");
        panel.panelUp(true);
        panel.countRequest(200);
        everything.register((MultiCollector) () -> ofAllocations.scrape());
        everything.register((MultiCollector) () -> rest.scrape());
        Server s = new Server("1a2b3c4d", "u", HostileLabelsTest.NAME, "fra-1", null, false, 3, List.of(), Set.of());
        for (int id = 1; id <= 40; id++) {
            watched.add(WatchedAllocation.of(s, new Allocation(id, "127.0.0.2", HostileLabelsTest.ALIAS, 25000 + id,
                    null, id == 1), id % 2 == 0 ? Check.MINECRAFT : Check.TCP, id % 7 == 0));
        }
        allocations.retain(watched);
        servers.discovered(List.of(s));
        servers.resources("1a2b3c4d", new Resources(PowerState.RUNNING, false, 1, 2, 3, 4, 5, 6));
        round(false);
        MetricsEndpoint endpoint = new MetricsEndpoint(exposition, rest, everything);
        MetricsHandler library = new MetricsHandler(everything);
        server = AgentServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), exchange -> {
            try {
                if (exchange.getRequestURI().getPath().equals("/library")) {
                    library.handle(exchange);
                } else {
                    endpoint.handle(exchange);
                }
            } finally {
                exchange.close();
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One round: every allocation answers (or, with {@code down}, only the even ones). */
    private void round(boolean down) {
        for (WatchedAllocation w : watched) {
            long id = w.allocation().id();
            Outcome outcome = down && id % 2 == 1 ? new Outcome.Closed()
                    : new Outcome.Open(Duration.ofNanos(90_000 * id), w.check() == Check.MINECRAFT
                    ? Duration.ofNanos(40_000 * id) : null, w.check() == Check.MINECRAFT
                    ? new Service("Minecraft", "m", "1.21", null, (int) id, 20) : null);
            allocations.record(w, new ProbeResult(null, InetAddress.getLoopbackAddress(), outcome, Instant.now()));
        }
    }

    @Test
    void theBodyIsTheClientHandlersInEveryFormatGzippedOrNot() throws Exception {
        for (String accept : new String[] {null, PROMETHEUS_ACCEPT, "text/plain"}) {
            for (boolean gzip : new boolean[] {false, true}) {
                Reply ours = get("/metrics", accept, gzip);
                Reply theirs = get("/library", accept, gzip);
                String what = "Accept: " + accept + ", gzip " + gzip;
                assertEquals(theirs.contentType(), ours.contentType(), what);
                assertEquals(theirs.encoding(), ours.encoding(), what);
                assertEquals(theirs.body(), ours.body(), what);
                assertTrue(ours.body().contains("portdeck_allocation_up{") && ours.body().contains("portdeck_panel_up"),
                        ours.body());
            }
        }
        String openMetrics = get("/metrics", PROMETHEUS_ACCEPT, true).body();
        assertTrue(openMetrics.endsWith("\n# EOF\n") && openMetrics.indexOf("# EOF") == openMetrics.length() - 6,
                "one end, at the end");
    }

    @Test
    void aRoundChangesWhatTheNextScrapeSaysAndNothingElseDoes() throws Exception {
        var writer = ExpositionFormats.init().getPrometheusTextFormatWriter();
        AllocationExposition.Written first = exposition.written(writer, EscapingScheme.DEFAULT);
        assertSame(first, exposition.written(writer, EscapingScheme.DEFAULT), "nothing changed: the same copy");
        String before = get("/metrics", null, false).body();
        assertTrue(before.contains("allocation=\"3\",check=\"tcp\""), before);

        round(true);
        assertNotSame(first, exposition.written(writer, EscapingScheme.DEFAULT));
        String after = get("/metrics", null, false).body();
        assertNotEquals(before, after);
        assertEquals(get("/library", null, false).body(), after);
        assertTrue(java.util.Arrays.stream(after.split("\n")).anyMatch(l -> l.startsWith("portdeck_allocation_up{") && l.contains("allocation=\"3\"")
                && l.endsWith(" 0.0")), after);
    }

    @Test
    void aRoundWithoutUpsOrDownsRewritesOnlyTheFamiliesItChangedAndEveryScrapeStaysTheClients() throws Exception {
        var writer = ExpositionFormats.init().getPrometheusTextFormatWriter();
        AllocationExposition.Written first = exposition.written(writer, EscapingScheme.DEFAULT);
        round(false); // the same up/down for everyone: counters and the histogram move, nothing else
        AllocationExposition.Written second = exposition.written(writer, EscapingScheme.DEFAULT);
        Map<String, AllocationExposition.Family> before = byName(first);
        for (AllocationExposition.Family f : second.families()) {
            boolean moved = f.name().equals("portdeck_allocation_probes")
                    || f.name().equals("portdeck_allocation_connect_seconds")
                    || f.name().equals("portdeck_allocation_service_round_trip_seconds");
            assertEquals(!moved, before.get(f.name()) == f, f.name() + (moved ? " rewritten" : " kept"));
        }
        for (String accept : new String[] {null, PROMETHEUS_ACCEPT}) {
            for (boolean gzip : new boolean[] {false, true}) {
                assertEquals(get("/library", accept, gzip).body(), get("/metrics", accept, gzip).body());
            }
        }
        round(true); // half go down: up and last change move too
        assertNotSame(byName(second).get("portdeck_allocation_up"),
                byName(exposition.written(writer, EscapingScheme.DEFAULT)).get("portdeck_allocation_up"));
        assertEquals(get("/library", null, true).body(), get("/metrics", null, true).body());
        allocations.retain(watched.subList(0, 10)); // the panel lost allocations: every family loses series
        assertEquals(get("/library", PROMETHEUS_ACCEPT, true).body(), get("/metrics", PROMETHEUS_ACCEPT, true).body());
        assertFalse(get("/metrics", null, false).body().contains("allocation=\"11\""));
    }

    @Test
    void aRediscoveryOfTheSameAllocationsKeepsWhatWasWrittenAndARenamedServerRewritesIt() throws Exception {
        var writer = ExpositionFormats.init().getPrometheusTextFormatWriter();
        AllocationExposition.Written first = exposition.written(writer, EscapingScheme.DEFAULT);
        Server again = new Server("1a2b3c4d", "u", HostileLabelsTest.NAME, "fra-1", null, false, 3, List.of(), Set.of());
        List<WatchedAllocation> rediscovered = watched.stream().map(w -> WatchedAllocation.of(again, w.allocation(),
                w.check(), w.expectedClosed())).toList(); // equal, not the same objects: as a new discovery reads them
        allocations.retain(rediscovered);
        assertSame(first, exposition.written(writer, EscapingScheme.DEFAULT), "nothing changed: the same copy");

        Server renamed = new Server("1a2b3c4d", "u", "Renamed", "fra-1", null, false, 3, List.of(), Set.of());
        watched.replaceAll(w -> WatchedAllocation.of(renamed, w.allocation(), w.check(), w.expectedClosed()));
        allocations.retain(watched);
        assertFalse(upLines().anyMatch(l -> l.contains("server_name=\"Evil")), "the old name is gone");
        round(false);
        assertEquals(watched.size(), upLines().filter(l -> l.contains("server_name=\"Renamed\"")).count());
        assertEquals(get("/library", null, true).body(), get("/metrics", null, true).body());
    }

    @Test
    void aResourcesAnswerRewritesOnlyTheServerFamiliesItMovedAndEveryScrapeStaysTheClients() throws Exception {
        var writer = ExpositionFormats.init().getPrometheusTextFormatWriter();
        Map<String, AllocationExposition.Family> before = byName(exposition.written(writer, EscapingScheme.DEFAULT));
        servers.resources("1a2b3c4d", new Resources(PowerState.RUNNING, false, 1, 2, 3, 4, 50, 6)); // traffic moved
        Map<String, AllocationExposition.Family> after = byName(exposition.written(writer, EscapingScheme.DEFAULT));
        assertNotSame(before.get("portdeck_server_network_transmitted_bytes"),
                after.get("portdeck_server_network_transmitted_bytes"));
        for (String kept : List.of("portdeck_server_power_state", "portdeck_server_allocations",
                "portdeck_server_network_received_bytes", "portdeck_server_uptime_seconds",
                "portdeck_server_allocation_limit", "portdeck_allocation_up")) {
            assertSame(before.get(kept), after.get(kept), kept + " kept");
        }
        assertEquals(get("/library", PROMETHEUS_ACCEPT, true).body(), get("/metrics", PROMETHEUS_ACCEPT, true).body());
        servers.resources("1a2b3c4d", new Resources(PowerState.OFFLINE, false, 0, 0, 0, 0, 50, 0)); // it stopped
        String stopped = get("/metrics", null, true).body();
        assertEquals(get("/library", null, true).body(), stopped);
        assertTrue(stopped.contains("state=\"offline\",vantage=\"fra \\\"1\\\"\"} 1.0"), stopped);
        servers.discovered(List.of()); // the server left the panel: its series go with it
        assertFalse(get("/metrics", null, false).body().contains("portdeck_server_uptime_seconds{"));
        assertEquals(get("/library", null, false).body(), get("/metrics", null, false).body());
    }

    @Test
    void everyFamilyTheAllocationsHaveIsCountedUnderTheNameItsSnapshotCarries() {
        for (MetricSnapshot family : ofAllocations.scrape()) {
            assertTrue(exposition.changes().of(family.getMetadata().getName()) > 0,
                    family.getMetadata().getName() + " is never counted as changed, so it would never be rewritten");
        }
    }

    private java.util.stream.Stream<String> upLines() throws Exception {
        return get("/metrics", null, false).body().lines().filter(l -> l.startsWith("portdeck_allocation_up{"));
    }

    private static Map<String, AllocationExposition.Family> byName(AllocationExposition.Written written) {
        Map<String, AllocationExposition.Family> byName = new java.util.HashMap<>();
        written.families().forEach(f -> byName.put(f.name(), f));
        return byName;
    }

    @Test
    void aFamilyThatSortsAmongTheAllocationsKeepsTheClientsOrder() throws Exception {
        Gauge.builder().name("portdeck_aaa_first").help("sorts before the allocations").register(rest).set(1);
        Gauge.builder().name("portdeck_allocation_zz").help("sorts among them").register(rest).set(2);
        for (String accept : new String[] {null, PROMETHEUS_ACCEPT}) {
            assertEquals(get("/library", accept, true).body(), get("/metrics", accept, true).body());
        }
    }

    @Test
    void queriesAndOtherFormatsAreTheClientHandlersOwn() throws Exception {
        String only = get("/metrics?name[]=portdeck_panel_up", null, false).body();
        assertTrue(only.contains("portdeck_panel_up") && !only.contains("portdeck_allocation_up"), only);
        String debug = get("/metrics?debug=openmetrics", null, false).body();
        assertTrue(debug.endsWith("# EOF\n"), debug);
    }

    record Reply(String contentType, String encoding, String body) {
    }

    private Reply get(String path, String accept, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path.replace("[", "%5B").replace("]", "%5D"))).timeout(Duration.ofSeconds(10));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        String encoding = r.headers().firstValue("Content-Encoding").orElse("");
        byte[] body = r.body();
        if (encoding.equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new Reply(r.headers().firstValue("Content-Type").orElse(""), encoding,
                new String(body, StandardCharsets.UTF_8));
    }
}
