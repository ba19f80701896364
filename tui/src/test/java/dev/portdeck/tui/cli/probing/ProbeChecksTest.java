package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.client.Profile;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.common.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `portdeck probe --check`: auto from the demo panel's eggs and variables over real HTTP, overrides, and usage errors. */
class ProbeChecksTest {

    private static PanelSimulator sim;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        sim = PanelSimulator.start(SimulatorOptions.defaults());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private Cli cli() {
        Cli cli = new Cli(home);
        cli.env.put("PORTDECK_PANEL_URL", sim.url().toString());
        cli.env.put("PORTDECK_API_KEY", sim.clientKey().reveal());
        return cli;
    }

    /** Each NDJSON line by its port. */
    private static Map<Integer, JsonNode> byPort(String ndjson) throws IOException {
        Map<Integer, JsonNode> lines = new HashMap<>();
        for (String line : ndjson.lines().toList()) {
            JsonNode n = new ObjectMapper().readTree(line);
            lines.put(n.get("port").asInt(), n);
        }
        return lines;
    }

    @Test
    void autoAsksEachAllocationWhatItsEggAndVariablesSay() throws IOException {
        long before = sim.requestCount();
        Cli.Run run = cli().run("probe", "--server", "Survival SMP", "--json");
        long requests = sim.requestCount() - before;
        Map<Integer, JsonNode> lines = byPort(run.out());
        var survival = sim.server("Survival SMP").allocations();
        JsonNode game = lines.get(survival.get(0).port());
        assertEquals("minecraft", game.get("check").asText(), run.toString());
        assertEquals("egg Paper → Minecraft Java status", game.get("check_reason").asText());
        JsonNode rcon = lines.get(survival.get(1).port());
        assertEquals("tcp", rcon.get("check").asText());
        assertEquals("RCON_PORT points here: a TCP connect only, never a password", rcon.get("check_reason").asText());
        assertEquals("closed", rcon.get("state").asText());
        assertEquals("http", lines.get(survival.get(2).port()).get("check").asText());
        assertTrue(requests <= 3, "resolve by name, then one request for the egg: " + requests);
    }

    @Test
    void anExplicitCheckIsUsedForEveryTargetAndNoEggIsAskedFor() throws IOException {
        long before = sim.requestCount();
        Cli.Run run = cli().run("probe", "--server", sim.serverId("Survival SMP"), "--check", "TCP", "--json");
        assertEquals(1, sim.requestCount() - before, "only the server view: " + run);
        for (JsonNode line : byPort(run.out()).values()) {
            assertEquals("tcp", line.get("check").asText());
            assertEquals("--check tcp", line.get("check_reason").asText());
        }
    }

    @Test
    void aTypedTargetOnAWellKnownPortGetsItsGamesCheck() throws IOException {
        Cli.Run run = cli().run("probe", "--json", "127.0.0.1:25565", "127.0.0.1:19132", "127.0.0.1:27015",
                "127.0.0.1:30120", "127.0.0.1:8080");
        Map<Integer, JsonNode> lines = byPort(run.out());
        assertEquals("minecraft", lines.get(25565).get("check").asText());
        assertEquals("bedrock", lines.get(19132).get("check").asText());
        assertEquals("a2s", lines.get(27015).get("check").asText());
        assertEquals("fivem", lines.get(30120).get("check").asText());
        assertEquals("tcp", lines.get(8080).get("check").asText());
        assertEquals("port 25565 is the default of Minecraft Java status", lines.get(25565).get("check_reason").asText());
    }

    @Test
    void theConfigFilesChecksWinOverAuto() throws IOException {
        ConfigFile file = ConfigFile.in(Map.of("XDG_CONFIG_HOME", home.toString()));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_unused0000000000"), false), true);
        String id = sim.serverId("Survival SMP");
        int dynmap = sim.server("Survival SMP").allocations().get(2).port();
        Files.writeString(file.path(), "checks." + id + "." + dynmap + " = tcp\nchecks.127.0.0.1.7 = udp\n",
                StandardOpenOption.APPEND);
        Map<Integer, JsonNode> lines = byPort(cli().run("probe", "--server", id, "127.0.0.1:7", "--json").out());
        assertEquals("tcp", lines.get(dynmap).get("check").asText());
        assertEquals("checks." + id + "." + dynmap + " in the config file", lines.get(dynmap).get("check_reason").asText());
        assertEquals("udp", lines.get(7).get("check").asText());
    }

    @Test
    void aBadCheckIsAUsageErrorNamingTheChoices() {
        Cli.Run run = cli().run("probe", "--check", "ping", "127.0.0.1:1");
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("--check must be one of tcp, udp, minecraft, bedrock, a2s, fivem, http, https,"
                + " auto, not \"ping\"."), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aBadEntryInTheConfigFileIsAUsageErrorNamingFileAndKey() throws IOException {
        ConfigFile file = ConfigFile.in(Map.of("XDG_CONFIG_HOME", home.toString()));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_unused0000000000"), false), true);
        Files.writeString(file.path(), "checks.127.0.0.1.7 = gopher\n", StandardOpenOption.APPEND);
        Cli.Run run = cli().run("probe", "127.0.0.1:7");
        assertEquals(ExitCode.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains(file.path() + ": checks.127.0.0.1.7 = \"gopher\" is no check"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void theTableShowsTheCheckColumnOnlyWhenSomeTargetIsAskedMore() {
        Cli.Run plain = cli().run("probe", "127.0.0.1:7");
        assertFalse(plain.out().contains("CHECK"), plain.out());
        Cli.Run games = cli().run("probe", "--ascii", "127.0.0.1:7", "127.0.0.1:19132");
        assertTrue(games.out().lines().findFirst().orElse("").matches(" +TARGET +ADDRESS +CHECK +STATE +SERVICE +DETAIL"),
                games.out());
    }

    @Test
    void theDemoPanelsGameServersAnswerTheirOwnQuestions() throws IOException {
        Cli.Run run = cli().run("probe", "--server", "Survival SMP", "--server", "Pocket Realm", "--server",
                "CS2 Competitive", "--json");
        Map<Integer, JsonNode> lines = byPort(run.out());
        JsonNode mc = lines.get(sim.server("Survival SMP").primaryAllocation().port());
        assertEquals("open", mc.get("state").asText(), run.toString());
        assertEquals("minecraft", mc.get("check").asText());
        assertEquals("Paper 1.21", mc.path("service").path("version").asText(), mc.toString());
        assertEquals(3, mc.path("service").path("players").asInt());
        assertEquals(40, mc.path("service").path("max_players").asInt());
        assertTrue(mc.get("app_latency_ms").isNumber(), "the ping/pong round trip: " + mc);
        JsonNode bedrock = lines.get(sim.server("Pocket Realm").primaryAllocation().port());
        assertEquals("open", bedrock.get("state").asText(), bedrock.toString());
        assertEquals("Pocket Realm", bedrock.path("service").path("name").asText());
        JsonNode cs2 = lines.get(sim.server("CS2 Competitive").primaryAllocation().port());
        assertEquals("open", cs2.get("state").asText(), cs2.toString());
        assertEquals("de_dust2", cs2.path("service").path("map").asText(), "after the A2S challenge: " + cs2);
    }

    @Test
    void theTableSumsUpWhatEachGameSaid() {
        Cli.Run run = cli().run("probe", "--ascii", "--server", "Survival SMP");
        String game = run.out().lines().filter(l -> l.contains("#1 primary") || l.contains(" primary "))
                .findFirst().orElse("");
        assertTrue(game.matches("\\+ .* minecraft +open +MC Paper 1\\.21 3/40 +\\d+\\.\\d{3} ms, service \\d+\\.\\d{3} ms"),
                run.toString());
    }
}
