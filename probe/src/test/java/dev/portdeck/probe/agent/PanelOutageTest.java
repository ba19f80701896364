package dev.portdeck.probe.agent;

import static dev.portdeck.probe.agent.AgentHarness.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Fault;
import dev.portdeck.shared.sim.PanelSimulator.DemoPort;
import dev.portdeck.shared.sim.RateLimit;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the panel goes away or rate-limits, probing goes on with the allocations last read; the log says why once. */
class PanelOutageTest {

    @Test
    void aPanelThatFailsForAWhileIsReportedOnceAndProbingGoesOn() {
        AgentSettings settings = AgentHarness.settings().withTiming(AgentHarness.INTERVAL, AgentHarness.TIMEOUT,
                Duration.ofMillis(500));
        try (AgentHarness h = new AgentHarness(SimulatorOptions.defaults().withWorld(DemoWorld.standard()), settings)) {
            h.awaitReady();
            DemoPort open = AgentMetricsTest.port(h, "Survival SMP", true);
            String port = "port=\"" + open.allocation().port() + "\"";
            String id = "allocation=\"" + open.allocation().id() + "\"";
            for (int i = 0; i < 6; i++) {
                h.panel.injectFault(i % 2 == 0 ? Fault.BAD_GATEWAY_HTML : Fault.SERVICE_UNAVAILABLE_HTML);
            }
            AgentHarness.await("portdeck_panel_up goes to 0", () -> panelUp(h.metrics()) == 0.0, Duration.ofSeconds(10));
            double probesBefore = sample(h.metrics(), "portdeck_allocation_probes_total", id, "outcome=\"open\"");
            AgentHarness.await("probing goes on while the panel is down", () -> sample(h.metrics(),
                    "portdeck_allocation_probes_total", id, "outcome=\"open\"") > probesBefore + 1, Duration.ofSeconds(5));
            assertEquals(1.0, sample(h.metrics(), "portdeck_allocation_up", port));
            AgentHarness.await("the panel comes back", () -> panelUp(h.metrics()) == 1.0, Duration.ofSeconds(15));
            String log = h.log();
            assertEquals(1, count(log, "msg=\"panel down; probing goes on with the allocations last read\""), log);
            assertTrue(log.contains("reason=\"the panel answered HTTP 50"), log);
            assertEquals(1, count(log, "msg=\"panel up again\""), log);
            assertTrue(sample(h.metrics(), "portdeck_panel_requests_total", "code=\"502\"") >= 1);
            assertEquals(1.0, sample(h.metrics(), "portdeck_allocation_up", port), "the allocation never vanished");
        }
    }

    @Test
    void whenSomeoneElseSpendsTheLimitA429StopsTheAgentsRequestsUntilRetryAfter() throws Exception {
        SimulatorOptions options = SimulatorOptions.defaults().withWorld(DemoWorld.standard())
                .withRateLimit(new RateLimit(30, Duration.ofSeconds(4)));
        AgentSettings settings = AgentHarness.settings().withTiming(AgentHarness.INTERVAL, AgentHarness.TIMEOUT,
                Duration.ofHours(1));
        try (AgentHarness h = new AgentHarness(options, settings)) {
            h.awaitReady();
            int series = count(h.metrics(), "\nportdeck_allocation_up{");
            // The user's browser (the same key) spends what is left of the window...
            java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest page = java.net.http.HttpRequest.newBuilder(h.panel.url().resolve("/api/client"))
                    .header("Authorization", "Bearer " + h.panel.clientKey().reveal()).build();
            for (int i = 0; i < 40 && browser.send(page, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode() != 429; i++) {
                // until the panel says 429
            }
            // ... and then the agent asks.
            h.agent.rediscover();
            AgentHarness.await("the agent's 429 is counted", () -> {
                Double limited = sample(h.metrics(), "portdeck_panel_requests_total", "code=\"429\"");
                return limited != null && limited >= 1;
            }, Duration.ofSeconds(10));
            AgentHarness.await("the log says why", () -> h.log().contains("HTTP 429"), Duration.ofSeconds(5));
            assertEquals(0.0, panelUp(h.metrics()));
            long requestsAt429 = h.panel.requestCount();
            sleep(Duration.ofMillis(700));
            assertTrue(h.panel.requestCount() - requestsAt429 <= 1,
                    "the agent waits for Retry-After instead of hammering the panel");
            AgentHarness.await("the panel is up again after the window", () -> panelUp(h.metrics()) == 1.0,
                    Duration.ofSeconds(15));
            assertEquals(series, count(h.metrics(), "\nportdeck_allocation_up{"), "every allocation kept its series");
        }
    }

    @Test
    void theAgentSlowsDownBeforeThePanelSays429() {
        // 12 requests per 20 s for this key, and the agent's own budget far above it: only the panel's
        // X-RateLimit-Remaining can keep it from a 429.
        SimulatorOptions options = SimulatorOptions.defaults().withWorld(DemoWorld.standard())
                .withRateLimit(new RateLimit(12, Duration.ofSeconds(20)));
        AgentSettings settings = AgentHarness.settings().withTiming(AgentHarness.INTERVAL, AgentHarness.TIMEOUT,
                Duration.ofMillis(200)).withPanelRate(6000, true);
        try (AgentHarness h = new AgentHarness(options, settings)) {
            h.awaitReady();
            sleep(Duration.ofSeconds(4));
            assertEquals(null, sample(h.metrics(), "portdeck_panel_requests_total", "code=\"429\""), h.metrics());
            assertTrue(h.panel.requestCount() <= 12, "at most the panel's limit in its window: " + h.panel.requestCount());
            assertEquals(1.0, panelUp(h.metrics()));
        }
    }

    static double panelUp(String metrics) {
        return sample(metrics.replace("\nportdeck_panel_up ", "\nportdeck_panel_up{} "), "portdeck_panel_up");
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
