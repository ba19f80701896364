package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.sim.DemoWorld;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * blackbox_exporter (the reference prober) and portdeck probe the same /sd list: for every target, blackbox's
 * probe_success, portdeck's /probe and the agent's own portdeck_allocation_up agree.
 */
class BlackboxSideBySideTest {

    @Test
    void blackboxAndPortdeckSeeTheSameUpAndDownForEveryTarget() throws Exception {
        Assumptions.assumeTrue(PrometheusServer.installed("prometheus-blackbox-exporter"),
                "prometheus-blackbox-exporter is not installed (.ci/run installs it)");
        // blackbox_exporter has no game protocols: both sides ask every port for a TCP connect.
        try (AgentHarness h = new AgentHarness(DemoWorld.standard(), AllocationChecks.every(dev.portdeck.probe.Check.TCP));
             PrometheusServer blackbox = PrometheusServer.startBlackbox(
                     "modules:\n  tcp:\n    prober: tcp\n    timeout: 2s\n")) {
            h.awaitReady();
            JsonNode groups = new ObjectMapper().readTree(h.get("/sd").body());
            String metrics = h.metrics();
            Map<String, String> seen = new LinkedHashMap<>();
            int up = 0;
            for (JsonNode group : groups) {
                String target = group.get("targets").get(0).asText();
                String module = group.get("labels").get("__param_module").asText();
                String query = "/probe?module=" + module + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
                String theirs = success(blackbox.get(query));
                String ours = success(h.get(query).body());
                Double agent = AgentHarness.sample(metrics, "portdeck_allocation_up",
                        "allocation=\"" + group.get("labels").get("allocation").asText() + "\"");
                seen.put(target, "blackbox " + theirs + ", /probe " + ours + ", agent " + agent);
                assertEquals(theirs, ours, target + ": " + seen);
                assertEquals(Double.parseDouble(theirs), agent, target + ": " + seen);
                up += theirs.equals("1") ? 1 : 0;
            }
            assertEquals(h.panel.demoPorts().size(), seen.size(), seen.toString());
            assertTrue(up > 0 && up < seen.size(), "both kinds are compared: " + seen);
        }
    }

    private static String success(String exposition) {
        return exposition.lines().filter(l -> l.startsWith("probe_success ")).findFirst()
                .map(l -> l.substring("probe_success ".length()).replace(".0", ""))
                .orElseThrow(() -> new AssertionError("no probe_success in " + exposition));
    }
}
