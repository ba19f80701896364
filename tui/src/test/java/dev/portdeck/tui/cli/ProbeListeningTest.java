package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `portdeck probe --listening`: the LISTEN column, "listening" in JSON and the diagnosis lines, on real sockets. */
class ProbeListeningTest {

    private static final long ME = ProcessHandle.current().pid();

    @TempDir
    Path home;

    private PanelSimulator sim;

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipped: needs Linux's /proc/net");
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Cli.Run portdeck(String... args) {
        Cli cli = new Cli(home);
        if (sim != null) {
            cli.panel(sim.url().toString());
            cli.env.put("PORTDECK_API_KEY", sim.clientKey().reveal());
        }
        return cli.run(args);
    }

    @Test
    void aServersTableGetsWhatListensAndADiagnosisForThePortThatIsDown() {
        sim = PanelSimulator.start(SimulatorOptions.defaults());
        Cli.Run run = portdeck("probe", "--ascii", "--listening", "--server", "Survival SMP");
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("\\s+TARGET\\s+LABEL\\s+ADDRESS\\s+STATE\\s+DETAIL\\s+LISTEN"), run.toString());
        assertTrue(lines.get(1).matches("\\+\\s+\\S+\\s+Survival SMP #1 primary\\s+127\\.0\\.0\\.2\\s+open\\s+\\S+ ms"
                + "\\s+tcp: java"), run.toString());
        assertTrue(lines.get(2).matches("x\\s+(\\S+)\\s+Survival SMP #2\\s+127\\.0\\.0\\.2\\s+closed\\s+connection refused"
                + "\\s+nothing"), run.toString());
        String rcon = lines.get(2).split("\\s+")[1];
        assertTrue(lines.contains(rcon + " (Survival SMP #2): not listening: the server is down"), run.toString());
        assertEquals(1, lines.stream().filter(l -> l.contains(": not listening")).count(),
                "no diagnosis for the ports that are simply up: " + run);
        assertEquals(ExitCode.FAILURE, run.exit());
    }

    @Test
    void jsonLinesCarryListeningAndTheDiagnosis() throws IOException {
        sim = PanelSimulator.start(SimulatorOptions.defaults());
        Cli.Run run = portdeck("probe", "--json", "--listening", "--server", "Survival SMP");
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.toString());
        JsonNode game = mapper.readTree(lines.get(0));
        assertEquals("open", game.get("state").asText());
        assertEquals("listening", game.at("/listening/state").asText());
        assertEquals(ME, game.at("/listening/tcp/0/pid").asLong());
        assertEquals("up", game.at("/diagnosis/finding").asText());
        assertEquals("listening here (java) and answers", game.at("/diagnosis/sentence").asText());
        JsonNode rcon = mapper.readTree(lines.get(1));
        assertEquals("not-listening", rcon.at("/listening/state").asText());
        assertEquals("not listening: the server is down", rcon.at("/diagnosis/sentence").asText());
    }

    @Test
    void withoutTheFlagTheOutputKeepsItsShape() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run json = portdeck("probe", "--json", "127.0.0.1:" + open.getLocalPort());
            assertFalse(json.out().contains("listening") || json.out().contains("diagnosis"), json.toString());
            Cli.Run table = portdeck("probe", "127.0.0.1:" + open.getLocalPort());
            assertFalse(table.out().contains("LISTEN"), table.toString());
        }
    }

    @Test
    void aRepeatedProbeReadsWhatListensEveryRound() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = portdeck("probe", "--ascii", "--listening", "-c", "2", "-i", "50ms",
                    "127.0.0.1:" + open.getLocalPort());
            assertEquals(2, run.out().lines().filter(l -> l.matches("\\+\\s+127\\.0\\.0\\.1:\\d+\\s+.*tcp: java")).count(),
                    run.toString());
            assertEquals(ExitCode.OK, run.exit(), run.toString());
        }
    }
}
