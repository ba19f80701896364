package dev.portdeck.probe.agent;

import static dev.portdeck.probe.agent.AgentHarness.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.PanelSimulator.DemoPort;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /metrics of an agent watching the simulated demo panel: up/down per allocation, servers' resources, the panel. */
class AgentMetricsTest {

    @Test
    void anOpenAllocationIsUpAndAClosedOneIsDownWithTheirPanelLabels() {
        try (AgentHarness h = new AgentHarness(DemoWorld.standard())) {
            h.awaitReady();
            String text = h.metrics();
            DemoPort open = port(h, "Survival SMP", true);
            DemoPort closed = port(h, "Survival SMP", false);
            assertEquals(1.0, sample(text, "portdeck_allocation_up", "port=\"" + open.allocation().port() + "\"",
                    "server_name=\"Survival SMP\"", "node=\"fra-1\"", "check=\"minecraft\"",
                    "allocation=\"" + open.allocation().id() + "\"", "server=\"" + open.serverId() + "\"",
                    "primary=\"true\"", "alias=\"fra1.portdeck.test\"", "ip=\"127.0.0.2\""), text);
            assertEquals(0.0, sample(text, "portdeck_allocation_up", "port=\"" + closed.allocation().port() + "\"",
                    "primary=\"false\"", "check=\"tcp\""), text);
            String openId = "allocation=\"" + open.allocation().id() + "\"";
            String closedId = "allocation=\"" + closed.allocation().id() + "\"";
            assertTrue(sample(text, "portdeck_allocation_connect_seconds_bucket", openId, "le=\"+Inf\"") >= 1, text);
            assertEquals(sample(text, "portdeck_allocation_connect_seconds_bucket", openId, "le=\"+Inf\""),
                    sample(text, "portdeck_allocation_connect_seconds_count", openId));
            assertNull(sample(text, "portdeck_allocation_connect_seconds_count", closedId), "a refused port never connected");
            assertTrue(sample(text, "portdeck_allocation_probes_total", closedId, "outcome=\"closed\"") >= 1);
            assertNull(sample(text, "portdeck_allocation_probes_total", closedId, "outcome=\"open\""));
            assertNotNull(sample(text, "portdeck_allocation_last_change_timestamp_seconds", closedId));
            assertEquals(40.0, sample(text, "portdeck_allocation_max_players", openId), "the Minecraft status: 40 slots");
            assertTrue(sample(text, "portdeck_allocation_players", openId) >= 0);
            assertTrue(sample(text, "portdeck_allocation_service_round_trip_seconds", openId) > 0, "a round trip is never 0");
            assertNull(sample(text, "portdeck_allocation_players", closedId), "a plain TCP port has no players");
            assertEquals(1.0, sample(text, "portdeck_allocation_listening", openId, "proto=\"tcp\""), text);
            assertEquals(0.0, sample(text, "portdeck_allocation_listening", closedId, "proto=\"tcp\""),
                    "the demo holds a stopped port's socket without listening: " + text);
            assertFalse(text.contains("portdeck_allocation_probes_total{allocation=\"" + closed.allocation().id()
                    + "\",ip="), "only portdeck_allocation_up carries the names");
            assertEquals(1.0, sample(text.replace("portdeck_panel_up ", "portdeck_panel_up{} "), "portdeck_panel_up"));
            assertTrue(text.contains("portdeck_build_info{version=\"test\"} 1"), text);
        }
    }

    @Test
    void aStoppedServersAllocationsTurnToZeroAndStayListed() {
        try (AgentHarness h = new AgentHarness(DemoWorld.standard())) {
            h.awaitReady();
            DemoPort open = port(h, "Web Panel", true);
            String portLabel = "port=\"" + open.allocation().port() + "\"";
            assertEquals(1.0, sample(h.metrics(), "portdeck_allocation_up", portLabel));
            h.panel.setPowerState("Web Panel", PowerState.OFFLINE);
            AgentHarness.await("the stopped server's port reports 0",
                    () -> Double.valueOf(0.0).equals(sample(h.metrics(), "portdeck_allocation_up", portLabel)),
                    Duration.ofSeconds(10));
            AgentHarness.await("the log says it went down", () -> h.log().contains("msg=\"allocation down\""),
                    Duration.ofSeconds(5));
            String id = "allocation=\"" + open.allocation().id() + "\"";
            AgentHarness.await("nothing listens on it here any more", () -> Double.valueOf(0.0).equals(
                    sample(h.metrics(), "portdeck_allocation_listening", id)), Duration.ofSeconds(10));
            assertTrue(h.log().contains("server_name=\"Web Panel\""), h.log());
            h.panel.setPowerState("Web Panel", PowerState.RUNNING);
            AgentHarness.await("it comes back to 1",
                    () -> Double.valueOf(1.0).equals(sample(h.metrics(), "portdeck_allocation_up", portLabel)),
                    Duration.ofSeconds(10));
            AgentHarness.await("the log says it came up", () -> h.log().contains("msg=\"allocation up\""),
                    Duration.ofSeconds(5));
            AgentHarness.await("it listens here again", () -> Double.valueOf(1.0).equals(
                    sample(h.metrics(), "portdeck_allocation_listening", id)), Duration.ofSeconds(10));
        }
    }

    @Test
    void withoutListeningNoSocketTableIsReadAndNoListeningGaugeIsServed() {
        try (AgentHarness h = new AgentHarness(dev.portdeck.shared.sim.SimulatorOptions.defaults()
                .withWorld(DemoWorld.standard()), AgentHarness.settings().withListening(false))) {
            h.awaitReady();
            String text = h.metrics();
            assertTrue(text.contains("portdeck_allocation_up{"), text);
            assertFalse(text.contains("portdeck_allocation_listening"), text);
        }
    }

    @Test
    void portsClosedByDesignAreLabelledAndTheirOpeningIsTheWarning() {
        DemoWorld world = DemoWorld.standard();
        try (AgentHarness h = new AgentHarness(world, expectClosed("Web Panel", "Survival SMP"))) {
            h.awaitReady();
            DemoPort web = port(h, "Web Panel", true);
            DemoPort rcon = port(h, "Survival SMP", false);
            DemoPort game = port(h, "Survival SMP", true);
            String text = h.metrics();
            String webId = "allocation=\"" + web.allocation().id() + "\"";
            assertEquals(1.0, sample(text, "portdeck_allocation_up", webId, "expected=\"closed\""), text);
            assertEquals(0.0, sample(text, "portdeck_allocation_up", "allocation=\"" + rcon.allocation().id() + "\"",
                    "expected=\"closed\""), text);
            assertEquals(1.0, sample(text, "portdeck_allocation_up", "allocation=\"" + game.allocation().id() + "\"",
                    "expected=\"open\""), text);
            assertTrue(h.log().contains("level=warn msg=\"allocation open, though expected closed\""), h.log());
            assertTrue(h.log().contains("closed_as_expected=1"), h.log());
            h.panel.setPowerState("Web Panel", PowerState.OFFLINE);
            AgentHarness.await("closing is logged as expected", () -> h.log().contains(
                    "level=info msg=\"allocation closed, as expected\""), Duration.ofSeconds(10));
            assertFalse(h.log().contains("msg=\"allocation down\""), h.log());
        }
    }

    /** Auto checks, with the ports of these servers that are listening (first) or not (second) closed by design. */
    private static AllocationChecks expectClosed(String listeningOf, String closedOf) {
        AllocationChecks auto = AllocationChecks.auto();
        return new AllocationChecks() {
            @Override
            public boolean wantsEggs() {
                return true;
            }

            @Override
            public dev.portdeck.probe.Check check(dev.portdeck.shared.model.Server server,
                    dev.portdeck.shared.model.Allocation allocation) {
                return auto.check(server, allocation);
            }

            @Override
            public boolean expectedClosed(dev.portdeck.shared.model.Server server,
                    dev.portdeck.shared.model.Allocation allocation) {
                return server.name().equals(listeningOf) && allocation.primary()
                        || server.name().equals(closedOf) && allocation.notes() != null
                        && allocation.notes().contains("RCON");
            }
        };
    }

    @Test
    void serversReportTheirResourcesAllocationsAndLimit() {
        try (AgentHarness h = new AgentHarness(DemoWorld.standard())) {
            h.awaitReady();
            String id = h.panel.serverId("FiveM Roleplay");
            AgentHarness.await("resources of every server were read", () -> sample(h.metrics(),
                    "portdeck_server_uptime_seconds", "server=\"" + h.panel.serverId("Creative Build") + "\"") != null,
                    Duration.ofSeconds(10));
            String text = h.metrics();
            String server = "server=\"" + id + "\"";
            assertEquals(2.0, sample(text, "portdeck_server_allocations", server));
            assertEquals(3.0, sample(text, "portdeck_server_allocation_limit", server));
            assertTrue(sample(text, "portdeck_server_network_transmitted_bytes_total", server) >= 0);
            assertNotNull(sample(text, "portdeck_server_network_received_bytes_total", server));
            assertEquals(1.0, sample(text, "portdeck_server_power_state", server, "state=\"running\""));
            assertEquals(0.0, sample(text, "portdeck_server_power_state", server, "state=\"offline\""));
            assertTrue(sample(text, "portdeck_panel_requests_total", "code=\"200\"") >= 2);
        }
    }

    @Test
    void aRediscoverySeesWhatChangedOnThePanelAndKeepsEverythingElse() {
        try (AgentHarness h = new AgentHarness(DemoWorld.standard())) {
            h.awaitReady();
            String changed = "server=\"" + h.panel.serverId("FiveM Roleplay") + "\"";
            String same = "server=\"" + h.panel.serverId("Creative Build") + "\"";
            String before = h.metrics();
            assertEquals(3.0, sample(before, "portdeck_server_allocation_limit", changed));
            for (int round = 1; round <= 2; round++) { // the same panel twice: nothing to read anew
                h.agent.rediscover();
            }
            h.panel.setAllocationLimit("FiveM Roleplay", 5);
            h.agent.rediscover();
            AgentHarness.await("the new limit was discovered", () -> Double.valueOf(5.0).equals(
                    sample(h.metrics(), "portdeck_server_allocation_limit", changed)), Duration.ofSeconds(10));
            String after = h.metrics();
            assertEquals(sample(before, "portdeck_server_allocation_limit", same),
                    sample(after, "portdeck_server_allocation_limit", same));
            assertEquals(before.lines().filter(l -> l.startsWith("portdeck_allocation_up{")).count(),
                    after.lines().filter(l -> l.startsWith("portdeck_allocation_up{")).count());
        }
    }

    @Test
    void probeModulesAskAGameInItsOwnProtocol() {
        try (AgentHarness h = new AgentHarness(DemoWorld.standard())) {
            DemoPort minecraft = h.panel.demoPorts().stream()
                    .filter(p -> p.serverName().equals("Survival SMP") && p.allocation().primary()).findFirst().orElseThrow();
            DemoPort web = port(h, "Web Panel", true);
            String game = h.get("/probe?module=minecraft&target=127.0.0.2:" + minecraft.allocation().port()).body();
            assertTrue(game.contains("\nprobe_success 1"), game);
            assertTrue(game.contains("\nportdeck_probe_max_players 40"), game);
            assertTrue(game.contains("\nportdeck_probe_service_round_trip_seconds "), game);
            String notAGame = h.get("/probe?module=minecraft&target=127.0.0.2:" + web.allocation().port()).body();
            assertTrue(notAGame.contains("\nprobe_success 0"), notAGame);
            assertTrue(notAGame.contains("portdeck_probe_outcome{outcome=\"unresponsive\"} 1"), notAGame);
            String http = h.get("/probe?module=http&target=127.0.0.2:" + web.allocation().port()).body();
            assertTrue(http.contains("\nprobe_success 1"), http);
        }
    }

    @Test
    void serverNarrowsDiscoveryByNameOrShortIdAndSaysWhatMatchedNothing() throws Exception {
        AgentSettings narrowed = AgentHarness.settings().withServers(java.util.List.of("web panel", "57a6d8ea",
                "No Such Server"));
        try (AgentHarness h = new AgentHarness(dev.portdeck.shared.sim.SimulatorOptions.defaults()
                .withWorld(DemoWorld.standard()), narrowed)) {
            h.awaitReady();
            assertEquals("57a6d8ea", h.panel.serverId("Survival SMP"), "the demo's short ids are fixed");
            java.util.Set<String> servers = new java.util.TreeSet<>();
            for (var group : new com.fasterxml.jackson.databind.ObjectMapper().readTree(h.get("/sd").body())) {
                servers.add(group.get("labels").get("server_name").asText());
            }
            assertEquals(java.util.Set.of("Web Panel", "Survival SMP"), servers);
            assertTrue(h.log().contains("msg=\"no such server on the panel\" server=\"No Such Server\""), h.log());
        }
    }

    @Test
    void theKeyAppearsNowhere() {
        try (AgentHarness h = new AgentHarness(DemoWorld.standard())) {
            h.awaitReady();
            String secret = h.panel.clientKey().reveal();
            for (String path : new String[] {"/metrics", "/sd", "/", "/-/ready", "/probe?target=127.0.0.1:1"}) {
                HttpResponse<String> r = h.get(path);
                assertFalse(r.body().contains(secret), path);
                assertFalse(r.body().contains(secret.substring(5, 20)), path);
            }
            assertFalse(h.log().contains(secret.substring(5, 20)), h.log());
        }
    }

    static DemoPort port(AgentHarness h, String server, boolean listening) {
        return h.panel.demoPorts().stream()
                .filter(p -> p.serverName().equals(server) && p.listening() == listening)
                .findFirst().orElseThrow();
    }
}
