package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.probe.Check;
import dev.portdeck.probe.agent.Agent;
import dev.portdeck.probe.agent.AgentHarness;
import dev.portdeck.probe.agent.AgentLog;
import dev.portdeck.probe.agent.AllocationChecks;
import dev.portdeck.probe.agent.PrometheusServer;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator.DemoPort;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The history columns against a real Prometheus that scrapes two real agents (vantage points "home" and "outside") on
 * the panel the dashboard shows: "home" asks every port for a TCP connect, "outside" for a Minecraft status, so a plain
 * TCP listener is up from one of the two, and the dashboard (which asks it a TCP connect too) says so.
 */
class HistoryColumnsTest {

    private static final String LOBBY = "Lobby";

    @Test
    void availabilityDownSinceAndTheVantagePointsShowFromPrometheus() throws Exception {
        Assumptions.assumeTrue(PrometheusServer.installed("prometheus"), "prometheus is not installed (.ci/run installs it)");
        DemoWorld world = DemoWorld.builder().node("n", "127.0.0.2", null, List.of())
                .server(new DemoWorld.ServerSpec(LOBBY, "n", "", 3, PowerState.RUNNING, false, List.of(
                        new DemoWorld.Port(24111, "plain TCP", true), new DemoWorld.Port(24112, "nothing", false)),
                        1000))
                .build();
        try (AgentHarness agents = new AgentHarness(SimulatorOptions.defaults().withWorld(world),
                AgentHarness.settings().withVantage("home"), AgentLog.Format.LOGFMT, AllocationChecks.every(Check.TCP))) {
            Agent outside = agents.anotherAgent(AgentHarness.settings().withVantage("outside"),
                    AllocationChecks.every(Check.MINECRAFT));
            String config = "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: portdeck\n"
                    + "    static_configs:\n      - targets: ['127.0.0.1:" + agents.agent.address().getPort()
                    + "', '127.0.0.1:" + outside.address().getPort() + "']\n";
            try (PrometheusServer prometheus = PrometheusServer.start(config);
                 DeckHarness h = DeckHarness.beside(agents.panel, new PanelClient(PanelConfig.of(agents.panel.url(),
                         agents.panel.clientKey())), new TerminalSize(200, 40),
                         DeckHarness.fast().withPrometheus(prometheus.url()))) {
                AgentHarness.await("Prometheus has both agents' series", () -> Double.valueOf(4).equals(
                        prometheus.value("count(portdeck_allocation_up)")), Duration.ofSeconds(30));
                DemoPort listening = port(agents, true);
                DemoPort refusing = port(agents, false);
                h.open(LOBBY);
                String titles = h.line(1);
                for (String title : new String[] {"24H", "7D", "DOWN SINCE"}) {
                    assertTrue(titles.contains(title), title + ": " + titles);
                }
                h.press('r'); // the minute's read came before Prometheus had the series: ask again now
                String up = h.awaitScreen(s -> h.line(h.rowOf(listening.allocation().address())).contains("50.0%")
                        && h.line(h.rowOf(refusing.allocation().address())).contains("0%"), "availability from Prometheus");
                assertTrue(h.line(h.rowOf(refusing.allocation().address())).matches(".*0% +0% +\\d\\d:\\d\\d.*"),
                        "down since today, from both vantage points:\n" + up);
                h.await("tcp: java");
                h.press('i');
                String details = h.await("Listening");
                assertTrue(details.contains("History     24 h 50.0% · 7 d 50.0% · up from 1 of 2 vantage points (home up,"
                        + " outside down)"), details);
                assertTrue(details.replaceAll("\\s+", " ").contains("Diagnosis listening here (java), answers here, not"
                        + " reachable from vantage outside: firewall or NAT"), details);
            }
        }
    }

    @Test
    void aPrometheusThatCannotBeReachedIsSaidOnTheStatusLineAndTheDashboardGoesOn() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI nowhere = URI.create("http://user:secret@127.0.0.1:" + closed);
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(200, 30),
                DeckHarness.fast().withPrometheus(nowhere), sim -> sim.clientKey())) {
            h.open("Survival SMP");
            h.await("History: cannot reach Prometheus at http://127.0.0.1:" + closed);
            String screen = h.await("● open"); // the probes go on
            assertTrue(h.line(h.rowOf(h.address("Survival SMP", 1))).matches(".* \\? +\\? .*"),
                    "24H and 7D are unknown, not 0%:\n" + screen);
            assertFalse(screen.contains("secret"), "the password never shows");
        }
    }

    @Test
    void withoutPrometheusTheHistoryColumnsAreNotThere() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(200, 30), DeckHarness.fast(),
                sim -> sim.clientKey())) {
            h.open("Survival SMP");
            h.await("● open");
            assertFalse(h.line(1).contains("24H"), h.line(1));
            h.press('i');
            assertFalse(h.await("Latency").contains("History"));
        }
    }

    private static DemoPort port(AgentHarness h, boolean listening) {
        return h.panel.demoPorts().stream().filter(p -> p.listening() == listening).findFirst().orElseThrow();
    }
}
