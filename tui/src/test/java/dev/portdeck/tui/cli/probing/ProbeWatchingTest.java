package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.client.Profile;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.PortdeckCommand;
import dev.portdeck.tui.cli.ScriptedPrompt;
import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.common.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watching ports: a line per round, only the changes, only the summary, and ports closed by design. */
class ProbeWatchingTest {

    @TempDir
    Path home;

    private Cli.Run run(String... args) {
        return new Cli(home).run(args);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return gone.getLocalPort();
        }
    }

    @Test
    void everyRoundStartsWithItsNumberAndTime() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run r = run("probe", "-c", "3", "-i", "10ms", "127.0.0.1:" + open.getLocalPort());
            List<String> rounds = r.out().lines().filter(l -> l.matches("round \\d+  \\d\\d:\\d\\d:\\d\\d")).toList();
            assertEquals(3, rounds.size(), r.toString());
            assertTrue(rounds.get(2).startsWith("round 3"), r.toString());
            assertEquals(1, r.out().lines().filter(l -> l.contains("TARGET") && l.contains("STATE")).count(), r.out());
        }
    }

    @Test
    void changesPrintsTheFirstStateThenOnlyWhatChangedAndForHowLong() throws Exception {
        ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        int port = open.getLocalPort();
        StringWriter out = new StringWriter();
        var cl = PortdeckCommand.commandLine(new CommandEnvironment(Map.of("XDG_CONFIG_HOME", home.toString()),
                new ScriptedPrompt(false)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("probe", "--changes",
                "-c", "40", "-i", "50ms", "--ascii", "127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString().contains(" open") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        open.close(); // the port goes away while watched
        assertEquals(ExitCode.FAILURE, exit.get(60, TimeUnit.SECONDS));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d  127\\.0\\.0\\.1:" + port + "  open \\(.* ms\\)"),
                out.toString());
        assertTrue(lines.get(1).matches("\\d\\d:\\d\\d:\\d\\d  127\\.0\\.0\\.1:" + port
                + "  open → closed after \\d+ (ms|s) open \\(connection refused\\)"), out.toString());
        assertTrue(lines.get(2).startsWith("--- statistics"), out.toString());
        assertFalse(out.toString().contains("round "), out.toString());
    }

    @Test
    void summaryPrintsOnlyTheClosingStatistics() throws IOException {
        Cli.Run r = run("probe", "--summary", "-c", "3", "-i", "10ms", "127.0.0.1:" + closedPort());
        assertTrue(r.out().startsWith("--- statistics"), r.toString());
        assertEquals(3, r.out().lines().count(), r.out()); // the heading, the header and one row
    }

    @Test
    void anExpectedClosedPortIsAsExpected() throws IOException {
        int closed = closedPort();
        Cli.Run strict = run("probe", "--ascii", "127.0.0.1:" + closed);
        assertEquals(ExitCode.FAILURE, strict.exit());
        Cli.Run relaxed = run("probe", "--ascii", "--expect-closed", Integer.toString(closed), "127.0.0.1:" + closed);
        assertEquals(ExitCode.OK, relaxed.exit(), relaxed.toString());
        assertTrue(relaxed.out().contains("connection refused (expected)"), relaxed.out());
        assertTrue(relaxed.out().lines().skip(1).findFirst().orElse("").startsWith("+"), relaxed.out());
    }

    @Test
    void allExitsZeroWhenThePortsClosedByDesignAreListedInTheConfigFile() throws IOException {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            Cli cli = new Cli(home);
            cli.env.put("PORTDECK_PANEL_URL", sim.url().toString());
            cli.env.put("PORTDECK_API_KEY", sim.clientKey().reveal());
            List<String> closed = sim.demoPorts().stream().filter(p -> !p.acceptsTcp())
                    .map(p -> p.allocation().ip() + ":" + p.allocation().port()).toList();
            assertTrue(closed.size() >= 4, closed.toString());
            assertEquals(ExitCode.FAILURE, cli.run("probe", "--all", "--check", "tcp").exit());
            ConfigFile file = ConfigFile.in(Map.of("XDG_CONFIG_HOME", home.toString()));
            file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_unused0000000000"), false), true);
            Files.writeString(file.path(), "expect_closed = " + String.join(", ", closed.subList(1, closed.size()))
                    + "\n", StandardOpenOption.APPEND);
            Cli.Run oneMissing = cli.run("probe", "--all", "--check", "tcp", "--json");
            assertEquals(ExitCode.FAILURE, oneMissing.exit());
            assertEquals(closed.size() - 1, oneMissing.out().lines().filter(l -> l.contains("\"expected\":\"closed\""))
                    .count(), oneMissing.out());
            Cli.Run all = cli.run("probe", "--all", "--check", "tcp", "--expect-closed", closed.get(0));
            assertEquals(ExitCode.OK, all.exit(), all.toString());
            assertTrue(all.out().contains(closed.size() + " closed (" + closed.size() + " expected)"), all.out());
        }
    }

    @Test
    void watchingOptionsThatDoNotFitAreRefused() {
        assertEquals(ExitCode.USAGE, run("probe", "--changes", "127.0.0.1:1").exit());
        assertEquals(ExitCode.USAGE, run("probe", "--changes", "--summary", "-c", "2", "127.0.0.1:1").exit());
        assertEquals(ExitCode.USAGE, run("probe", "--summary", "--json", "-c", "2", "127.0.0.1:1").exit());
        Cli.Run bad = run("probe", "--expect-closed", "rcon", "127.0.0.1:1");
        assertEquals(ExitCode.USAGE, bad.exit());
        assertTrue(bad.err().contains("--expect-closed: \"rcon\""), bad.err());
        assertTrue(run("probe", "--changes", "127.0.0.1:1").err().contains("--changes and --summary go with"
                + " --count or --watch."));
    }
}
