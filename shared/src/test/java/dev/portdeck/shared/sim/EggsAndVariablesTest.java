package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.error.Forbidden;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.model.StartupVariable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator serves each server's egg, docker image and startup variables as Pterodactyl's ServerTransformer and
 * StartupController do, and the client reads them into the model, over real HTTP.
 */
class EggsAndVariablesTest {

    private static PanelSimulator sim;
    private static PanelClient client;

    @BeforeAll
    static void start() {
        sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false));
        client = new PanelClient(PanelConfig.of(sim.url(), sim.clientKey()));
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @Test
    void theServerViewWithIncludeEggNamesTheEggImageAndVariables() {
        Server survival = client.serverWithEgg(sim.serverId("Survival SMP"));
        assertEquals("Paper", survival.eggName());
        assertEquals("ghcr.io/pterodactyl/yolks:java_21", survival.dockerImage());
        assertEquals("1.21", survival.variable("MINECRAFT_VERSION"));
        Allocation rcon = survival.allocations().stream().filter(a -> a.notes() != null && a.notes().startsWith("RCON"))
                .findFirst().orElseThrow();
        assertEquals(Integer.toString(rcon.port()), survival.variable("RCON_PORT"), "the variable names the RCON port");
    }

    @Test
    void withoutIncludeTheVariablesStillComeButNotTheEgg() {
        Server cs2 = client.server(sim.serverId("CS2 Competitive"));
        assertNull(cs2.egg());
        assertEquals("27020", cs2.variable("TV_PORT"));
        assertEquals("ghcr.io/parkervcp/steamcmd:debian", cs2.dockerImage());
    }

    @Test
    void theJsonHasTheRealPanelsShape() {
        SimHttp http = new SimHttp(sim, sim.clientKey());
        JsonNode a = http.get("/api/client/servers/" + sim.serverId("Rust Weekly") + "?include=egg").attributes();
        assertEquals("egg", a.path("relationships").path("egg").path("object").asText());
        assertEquals("Rust", a.path("relationships").path("egg").path("attributes").path("name").asText());
        assertTrue(a.path("relationships").path("egg").path("attributes").path("uuid").asText().matches("[0-9a-f-]{36}"));
        JsonNode first = a.path("relationships").path("variables").path("data").get(0);
        assertEquals("egg_variable", first.path("object").asText());
        for (String field : List.of("name", "description", "env_variable", "default_value", "server_value",
                "is_editable", "rules")) {
            assertTrue(first.path("attributes").has(field), field);
        }
        assertTrue(a.path("invocation").asText().contains("+rcon.port 28016"), a.path("invocation").asText());
    }

    @Test
    void aKeyWithoutStartupReadGetsANullResourceAndA403FromStartup() {
        SimHttp readOnly = new SimHttp(sim, sim.readOnlyKey());
        JsonNode variables = readOnly.get("/api/client/servers/" + sim.serverId("Rust Weekly")).attributes()
                .path("relationships").path("variables");
        assertEquals("null_resource", variables.path("object").asText());
        try (PanelClient limited = new PanelClient(PanelConfig.of(sim.url(), sim.readOnlyKey()))) {
            assertTrue(limited.server(sim.serverId("Rust Weekly")).variables().isEmpty());
            assertThrows(Forbidden.class, () -> limited.startup(sim.serverId("Rust Weekly")));
        }
    }

    @Test
    void startupListsTheVariablesWithTheCommandInMeta() {
        SimHttp http = new SimHttp(sim, sim.clientKey());
        JsonNode startup = http.get("/api/client/servers/" + sim.serverId("The Island") + "/startup").json();
        assertTrue(startup.path("meta").path("startup_command").asText().contains("?QueryPort=27015"));
        Map<String, String> values = client.startup(sim.serverId("The Island")).stream()
                .collect(Collectors.toMap(StartupVariable::envVariable, StartupVariable::value));
        assertEquals("27015", values.get("QUERY_PORT"));
        assertEquals("27020", values.get("RCON_PORT"));
        assertEquals("TheIsland", values.get("SERVER_MAP"));
    }

    @Test
    void theListingIncludesEggsInOneRequestPerPage() {
        long before = sim.requestCount();
        List<Server> servers = client.listServers(true);
        assertEquals(1, sim.requestCount() - before);
        Map<String, String> eggs = servers.stream().collect(Collectors.toMap(Server::name, Server::eggName));
        assertEquals("FiveM", eggs.get("FiveM Roleplay"));
        assertEquals("Vanilla Bedrock", eggs.get("Pocket Realm"));
        assertEquals("Counter-Strike 2", eggs.get("CS2 Competitive"));
        assertTrue(client.listServers().stream().allMatch(s -> s.egg() == null), "no egg unless asked for");
    }
}
