package dev.portdeck.tui.cli.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.common.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `portdeck listening` and `portdeck probe --listening` through picocli against the panel simulator, whose demo world
 * holds real sockets in this JVM (so the process found is "java" with our pid), and against sockets the test binds.
 */
class ListeningCommandTest {

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

    /** The demo world's port of a server's allocation with these notes (demo listeners may move a taken port). */
    private PanelSimulator.DemoPort demoPort(String server, String notes) {
        return sim.demoPorts().stream()
                .filter(p -> p.serverName().equals(server) && notes.equals(p.allocation().notes()))
                .findFirst().orElseThrow();
    }

    @Test
    void aServersAllocationsShowWhatListensAndWhichProcessAndTheDiagnosisOfTheOneThatDoesNot() {
        sim = PanelSimulator.start(SimulatorOptions.defaults());
        Cli.Run run = portdeck("listening", "--server", "Survival SMP");
        String game = demoPort("Survival SMP", "Java edition").allocation().address();
        String rcon = demoPort("Survival SMP", "RCON (disabled in server.properties)").allocation().address();
        List<String> lines = run.out().lines().toList();
        assertEquals("ADDRESS SERVER STATE TCP UDP PROCESS", lines.get(0).replaceAll(" +", " "), run.toString());
        assertTrue(lines.get(1).matches(quote(game) + " +Survival SMP #1 primary +listening +\\S*127\\.0\\.0\\.2\\S* +- +"
                + "java \\(pid " + ME + "\\)"), run.toString());
        assertTrue(lines.get(2).matches(quote(rcon) + " +Survival SMP #2 +not listening +- +- +-"), run.toString());
        assertTrue(run.out().contains(rcon + " (Survival SMP #2): not listening: the server is down\n"), run.toString());
        assertTrue(run.out().endsWith("3 ports: 2 listening, 1 not listening\n"), run.toString());
        assertEquals(ExitCode.FAILURE, run.exit(), "an allocation here has nothing bound");
        assertEquals("", run.err());
    }

    @Test
    void jsonCarriesTheSocketsTheProcessAndTheDiagnosisPerAllocation() throws IOException {
        sim = PanelSimulator.start(SimulatorOptions.defaults());
        Cli.Run run = portdeck("listening", "--json", "--server", "Survival SMP");
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertEquals(3, rows.size(), run.toString());
        JsonNode game = rows.get(0);
        assertEquals("Survival SMP", game.at("/server/name").asText());
        assertEquals(1, game.at("/allocation/id").asInt());
        assertEquals("listening", game.at("/listening/state").asText());
        assertTrue(game.at("/listening/here").asBoolean());
        assertEquals(ME, game.at("/listening/tcp/0/pid").asLong());
        assertEquals("java", game.at("/listening/tcp/0/process").asText());
        assertEquals(0, game.at("/listening/udp").size());
        assertEquals("listening", game.at("/diagnosis/finding").asText());
        JsonNode rcon = rows.get(1);
        assertEquals("not-listening", rcon.at("/listening/state").asText());
        assertEquals("down", rcon.at("/diagnosis/finding").asText());
        assertEquals("not listening: the server is down", rcon.at("/diagnosis/sentence").asText());
    }

    @Test
    void anAllocationOnAnotherMachineIsNotThisMachineAndDoesNotFailTheRun() throws IOException {
        try (ServerSocket local = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            DemoWorld world = DemoWorld.builder()
                    .node("here", "127.0.0.2", null, List.of())
                    .node("far", "198.51.100.7", null, List.of()) // only compared with this machine's addresses
                    .server("Local", "here", 2, local.getLocalPort())
                    .server("Remote", "far", 2, 25565)
                    .build();
            sim = PanelSimulator.start(SimulatorOptions.defaults().withWorld(world).withDemoListeners(false));
            Cli.Run run = portdeck("listening", "--all");
            assertTrue(run.out().contains("198.51.100.7:25565  Remote #2 primary  not this machine"), run.toString());
            assertTrue(run.out().contains("2 ports: 1 listening, 1 not this machine\n"), run.toString());
            assertTrue(run.out().contains("Not this machine: 198.51.100.7 (run portdeck listening on the node that"
                    + " holds it).\n"), run.toString());
            assertEquals(ExitCode.OK, run.exit(), "everything on this machine listens: " + run);
        }
    }

    @Test
    void targetsOnTheCommandLineNeedNoPanelAndUdpCounts() throws IOException {
        try (ServerSocket tcp = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             DatagramChannel udp = DatagramChannel.open(StandardProtocolFamily.INET)
                     .bind(new InetSocketAddress("127.0.0.1", 0))) {
            int udpPort = ((InetSocketAddress) udp.getLocalAddress()).getPort();
            Cli.Run run = portdeck("listening", "127.0.0.1:" + tcp.getLocalPort(), "127.0.0.1:" + udpPort);
            List<String> lines = run.out().lines().toList();
            assertEquals("ADDRESS STATE TCP UDP PROCESS", lines.get(0).replaceAll(" +", " "), run.toString());
            assertTrue(lines.get(1).matches("127\\.0\\.0\\.1:" + tcp.getLocalPort() + " +listening +\\S+ +- +java.*"),
                    run.toString());
            assertTrue(lines.get(2).matches("127\\.0\\.0\\.1:" + udpPort + " +listening +- +127\\.0\\.0\\.1 +java.*"),
                    run.toString());
            assertEquals(ExitCode.OK, run.exit(), run.toString());
        }
    }

    @Test
    void aPortNothingBindsFailsTheRun() throws IOException {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = gone.getLocalPort();
        }
        Cli.Run run = portdeck("listening", "127.0.0.1:" + closed);
        assertTrue(run.out().contains("127.0.0.1:" + closed + ": not listening: the server is down"), run.toString());
        assertEquals(ExitCode.FAILURE, run.exit());
    }

    @Test
    void nothingToLookAtOrABadTargetIsAUsageErrorInOneSentence() {
        Cli.Run none = portdeck("listening");
        assertEquals(ExitCode.USAGE, none.exit());
        assertTrue(none.err().startsWith("portdeck listening: name at least one TARGET"), none.toString());
        Cli.Run bad = portdeck("listening", "127.0.0.1:99999");
        assertEquals(ExitCode.USAGE, bad.exit());
        assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad);
        Cli.Run noPanel = portdeck("listening", "--all");
        assertEquals(ExitCode.USAGE, noPanel.exit());
        assertTrue(noPanel.err().contains("portdeck login"), noPanel.toString());
    }

    @Test
    void aServerNameWithEscapeSequencesReachesTheTerminalCleaned() throws IOException {
        try (ServerSocket local = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            DemoWorld world = DemoWorld.builder().node("here", "127.0.0.2", null, List.of())
                    .server(new DemoWorld.ServerSpec("Evil\u001b[2J\u009b31mName", "here", "", 2, PowerState.RUNNING,
                            false, List.of(new DemoWorld.Port(local.getLocalPort(), null, true),
                            new DemoWorld.Port(1, null, false)), 0))
                    .build();
            sim = PanelSimulator.start(SimulatorOptions.defaults().withWorld(world).withDemoListeners(false));
            Cli.Run run = portdeck("listening", "--all");
            assertFalse(run.out().contains("\u001b") || run.out().contains("\u009b"), run.toString());
            assertTrue(run.out().contains("(Evil [2J 31mName #2): not listening: the server is down"),
                    run.toString());
        }
    }

    // probe --listening: the LISTEN column, "listening" in JSON and the diagnosis lines

    @Test
    void aServersTableGetsWhatListensAndADiagnosisForThePortThatIsDown() {
        sim = PanelSimulator.start(SimulatorOptions.defaults());
        Cli.Run run = portdeck("probe", "--ascii", "--check", "tcp", "--listening", "--server", "Survival SMP");
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
        Cli.Run run = portdeck("probe", "--json", "--check", "tcp", "--listening", "--server", "Survival SMP");
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

    private static String quote(String s) {
        return java.util.regex.Pattern.quote(s);
    }
}
