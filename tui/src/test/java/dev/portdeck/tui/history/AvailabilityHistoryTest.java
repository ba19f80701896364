package dev.portdeck.tui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.agent.Agent;
import dev.portdeck.probe.agent.AgentHarness;
import dev.portdeck.probe.agent.AllocationChecks;
import dev.portdeck.probe.agent.PrometheusServer;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.PanelSimulator.DemoPort;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Against a real Prometheus scraping two agents (two vantage points) on one simulated panel: one asks every port for a
 * TCP connect, the other for a Minecraft status, so a plain TCP listener is up from one of two.
 */
class AvailabilityHistoryTest {

    @Test
    void availabilityDownSinceAndVantagePointsComeFromPrometheus() throws Exception {
        Assumptions.assumeTrue(PrometheusServer.installed("prometheus"), "prometheus is not installed (.ci/run installs it)");
        DemoWorld world = DemoWorld.builder().node("n", "127.0.0.2", null, List.of())
                .server(new DemoWorld.ServerSpec("Lobby", "n", "", 3, PowerState.RUNNING, false, List.of(
                        new DemoWorld.Port(24101, "plain TCP", true), new DemoWorld.Port(24102, "nothing", false)),
                        1000))
                .build();
        try (AgentHarness h = new AgentHarness(world, AllocationChecks.every(Check.TCP))) {
            Agent outside = h.anotherAgent(AgentHarness.settings().withVantage("outside"),
                    AllocationChecks.every(Check.MINECRAFT));
            String config = "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: portdeck\n"
                    + "    static_configs:\n      - targets: ['127.0.0.1:" + h.agent.address().getPort() + "', '127.0.0.1:"
                    + outside.address().getPort() + "']\n";
            try (PrometheusServer prometheus = PrometheusServer.start(config);
                 AvailabilityHistory history = new AvailabilityHistory(prometheus.url(), Duration.ofSeconds(10))) {
                h.awaitReady();
                AgentHarness.await("Prometheus has both agents' series", () -> Double.valueOf(4).equals(
                        prometheus.value("count(portdeck_allocation_up)")), Duration.ofSeconds(30));
                String server = h.panel.serverId("Lobby");
                DemoPort listening = port(h, true);
                DemoPort refusing = port(h, false);
                Map<AvailabilityHistory.Key, Availability> all = history.all();

                Availability tcpOnly = all.get(new AvailabilityHistory.Key(server, listening.allocation().id()));
                assertNotNull(tcpOnly, all.toString());
                assertEquals(2, tcpOnly.vantages());
                assertEquals(1, tcpOnly.upFrom(), "a TCP connect works, a Minecraft status does not");
                assertEquals("up from 1 of 2 vantage points", tcpOnly.vantageSummary());
                assertEquals(0.5, tcpOnly.lastDay(), 0.01);
                assertEquals(0.5, tcpOnly.lastWeek(), 0.01);
                assertNotNull(tcpOnly.downSince(), "down where it is down");

                Availability closed = all.get(new AvailabilityHistory.Key(server, refusing.allocation().id()));
                assertEquals(0, closed.upFrom());
                assertEquals(0.0, closed.lastDay(), 0.0);
                assertTrue(closed.downSince().isBefore(Instant.now().plusSeconds(1)), closed.toString());
                assertTrue(closed.downSince().isAfter(Instant.now().minusSeconds(120)), closed.toString());

                h.panel.setPowerState("Lobby", PowerState.OFFLINE);
                AgentHarness.await("the stopped server is up from nowhere", () -> history.all()
                        .get(new AvailabilityHistory.Key(server, listening.allocation().id())).upFrom() == 0,
                        Duration.ofSeconds(30));
                Availability stopped = history.all().get(new AvailabilityHistory.Key(server, listening.allocation().id()));
                assertTrue(stopped.lastDay() > 0 && stopped.lastDay() < 0.5, stopped.toString());
                assertEquals("up from 0 of 2 vantage points", stopped.vantageSummary());
            }
        }
    }

    @Test
    void aPrometheusThatCannotBeAskedIsOneSentence() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (AvailabilityHistory nowhere = new AvailabilityHistory(URI.create("http://127.0.0.1:" + closed),
                Duration.ofSeconds(2))) {
            AvailabilityHistory.HistoryUnavailable e = assertThrows(AvailabilityHistory.HistoryUnavailable.class,
                    nowhere::all);
            assertTrue(e.getMessage().startsWith("cannot reach Prometheus at http://127.0.0.1:" + closed), e.getMessage());
        }
        try (AgentHarness h = new AgentHarness(DemoWorld.builder().node("n", "127.0.0.2", null, List.of()).build());
             AvailabilityHistory notPrometheus = new AvailabilityHistory(
                     URI.create("http://user:secret@127.0.0.1:" + h.agent.address().getPort()), Duration.ofSeconds(5))) {
            AvailabilityHistory.HistoryUnavailable e = assertThrows(AvailabilityHistory.HistoryUnavailable.class,
                    notPrometheus::all);
            assertEquals("Prometheus at http://127.0.0.1:" + h.agent.address().getPort() + "/ answered HTTP 404, not its"
                    + " query API", e.getMessage());
        }
        assertEquals("", new Availability("s", 1, null, null, null, 0, 1).vantageSummary(), "one vantage: no summary");
    }

    private static DemoPort port(AgentHarness h, boolean listening) {
        return h.panel.demoPorts().stream().filter(p -> p.listening() == listening).findFirst().orElseThrow();
    }
}
