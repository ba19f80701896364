package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.PanelSimulator.DemoPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus, configured from deploy/prometheus/prometheus.yml, scrapes an agent watching the simulated panel:
 * its HTTP API shows an open allocation at 1 and a closed one at 0 (in both jobs: the agent's view and /sd + /probe),
 * a hostile server name arrives intact, and a stopped server's series go to 0, its listening gauge too.
 */
class PrometheusScrapeTest {

    static final Path DEPLOY = Path.of("..", "deploy", "prometheus");

    @Test
    void prometheusSeesUpAndDownAndAStoppedListenerGoingToZero() throws Exception {
        Assumptions.assumeTrue(PrometheusServer.installed("prometheus"), "prometheus is not installed (.ci/run installs it)");
        DemoWorld world = DemoWorld.builder()
                .node("fra-1", "127.0.0.2", "fra1.portdeck.test", List.of())
                .server(new DemoWorld.ServerSpec("Survival SMP", "fra-1", "", 3, PowerState.RUNNING, false, List.of(
                        new DemoWorld.Port(24001, "Game", true), new DemoWorld.Port(24002, "RCON", false)),
                        1000))
                .server(new DemoWorld.ServerSpec(HostileLabelsTest.NAME, "fra-1", "", 1, PowerState.RUNNING, false,
                        List.of(new DemoWorld.Port(24003, HostileLabelsTest.NOTES, true)), 1000))
                .build();
        try (AgentHarness h = new AgentHarness(world);
             PrometheusServer prometheus = PrometheusServer.start(config(h), DEPLOY.resolve("portdeck.rules.yml"))) {
            h.awaitReady();
            DemoPort open = AgentMetricsTest.port(h, "Survival SMP", true);
            DemoPort closed = AgentMetricsTest.port(h, "Survival SMP", false);
            String openUp = "portdeck_allocation_up{job=\"portdeck\",port=\"" + open.allocation().port() + "\"}";
            String closedUp = "portdeck_allocation_up{job=\"portdeck\",port=\"" + closed.allocation().port() + "\"}";
            String openProbe = "probe_success{job=\"portdeck-probe\",instance=\"127.0.0.2:" + open.allocation().port()
                    + "\"}";
            String closedProbe = "probe_success{job=\"portdeck-probe\",instance=\"127.0.0.2:"
                    + closed.allocation().port() + "\"}";
            String openListening = "portdeck_allocation_listening{job=\"portdeck\",allocation=\""
                    + open.allocation().id() + "\",proto=\"tcp\"}";
            awaitValue(prometheus, openUp, 1.0);
            awaitValue(prometheus, openListening, 1.0);
            awaitValue(prometheus, closedUp, 0.0);
            awaitValue(prometheus, openProbe, 1.0);
            awaitValue(prometheus, closedProbe, 0.0);

            JsonNode probed = prometheus.query(openProbe).get(0).path("metric");
            assertEquals("Survival SMP", probed.path("server_name").asText(), "/sd's labels reach the probe series");
            assertEquals("true", probed.path("primary").asText());
            JsonNode hostile = prometheus.query("portdeck_allocation_up{job=\"portdeck\",server=\""
                    + h.panel.serverId(HostileLabelsTest.NAME) + "\"}");
            assertEquals(HostileLabelsTest.NAME, hostile.get(0).path("metric").path("server_name").asText());

            h.panel.setPowerState("Survival SMP", PowerState.OFFLINE);
            awaitValue(prometheus, openUp, 0.0);
            awaitValue(prometheus, openProbe, 0.0);
            awaitValue(prometheus, openListening, 0.0);
            assertEquals(1, prometheus.query("up{job=\"portdeck\"} == 1").size(), "the agent's scrapes keep working");
        }
    }

    /** deploy/prometheus/prometheus.yml, pointed at this agent and sped up (1 s instead of 15 s). */
    static String config(AgentHarness h) throws Exception {
        String deploy = Files.readString(DEPLOY.resolve("prometheus.yml"));
        String agent = "127.0.0.1:" + h.agent.address().getPort();
        String config = deploy.replace("127.0.0.1:9477", agent)
                .replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 1s")
                .replace("scrape_timeout: 5s", "scrape_timeout: 1s")
                .replace("refresh_interval: 1m", "refresh_interval: 1s");
        assertTrue(config.contains(agent) && !config.contains("15s"), config);
        return config;
    }

    static void awaitValue(PrometheusServer prometheus, String query, double expected) {
        AgentHarness.await(query + " == " + expected + " in Prometheus",
                () -> Objects.equals(expected, prometheus.value(query)), Duration.ofSeconds(30));
    }
}
