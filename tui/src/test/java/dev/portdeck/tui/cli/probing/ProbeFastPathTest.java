package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.PortdeckCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plain sweep without picocli prints what picocli's `portdeck probe` prints, and leaves everything else to it. */
class ProbeFastPathTest {

    private ServerSocket listening;
    private String open;
    private String closed;

    @BeforeEach
    void listen() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        open = "127.0.0.1:" + listening.getLocalPort();
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = "127.0.0.1:" + gone.getLocalPort();
        }
    }

    @AfterEach
    void close() throws IOException {
        listening.close();
    }

    /** Exit code, stdout and stderr of `portdeck probe ARGS`, with times and latencies masked. */
    private static List<String> fast(String... args) {
        ProbeCommand command = ProbeFastPath.parse(args).orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.plainOut = new PrintWriter(out);
        command.plainErr = new PrintWriter(err);
        int code = ProbeFastPath.run(command);
        return List.of(String.valueOf(code), mask(out.toString()), mask(err.toString()));
    }

    private static List<String> picocli(String... args) {
        var cli = PortdeckCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "probe";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cli.execute(all);
        return List.of(String.valueOf(code), mask(out.toString()), mask(err.toString()));
    }

    private static String mask(String text) {
        return text.replaceAll("\\d+\\.\\d+ ms", "T ms").replaceAll("in \\d+ ms", "in T ms")
                .replaceAll("\"latency_ms\":[0-9.]+", "\"latency_ms\":T").replaceAll("\"time\":\"[^\"]+\"", "\"time\":T");
    }

    @Test
    void aPlainSweepPrintsTheSameTableAndExitCodeAsPicocli() {
        String[] args = {open + "," + closed.substring(closed.indexOf(':') + 1), "-t", "500ms"};
        List<String> fast = fast(args);
        assertEquals(picocli(args), fast);
        assertEquals("1", fast.get(0));
        assertTrue(fast.get(1).contains("open") && fast.get(1).contains("connection refused"), fast.get(1));
    }

    @Test
    void jsonAsciiShowClosedAndConcurrencyMeanTheSameAsUnderPicocli() {
        assertEquals(picocli("--json", open, closed, "--concurrency", "2"),
                fast("--json", open, closed, "--concurrency", "2"));
        assertEquals(picocli("--ascii", "--show-closed", "--timeout", "2s", open),
                fast("--ascii", "--show-closed", "--timeout", "2s", open));
    }

    @Test
    void aJsonSweepLongerThanOneWrittenPieceListsEveryTargetOnceInTheOrderTyped() {
        // 200 loopback addresses on the listener's port: only 127.0.0.1 listens, the others refuse (about 50 KB of JSON)
        int port = listening.getLocalPort();
        String[] args = new String[201];
        args[0] = "--json";
        for (int i = 1; i <= 200; i++) {
            args[i] = "127.0.0." + i + ":" + port;
        }
        List<String> fast = fast(args);
        List<String> lines = fast.get(1).lines().toList();
        assertEquals(200, lines.size());
        for (int i = 1; i <= 200; i++) {
            String line = lines.get(i - 1);
            assertTrue(line.startsWith("{\"host\":\"127.0.0." + i + "\",\"port\":" + port + ","), line);
            assertTrue(line.contains(i == 1 ? "\"state\":\"open\"" : "\"state\":\"closed\""), line);
        }
        assertEquals(List.of("1", fast.get(1), ""), fast);
    }

    @Test
    void aBadTargetGetsTheSameSentenceAndExitCode2AsUnderPicocli() {
        List<String> fast = fast("127.0.0.1:70000");
        assertEquals(picocli("127.0.0.1:70000"), fast);
        assertEquals("2", fast.get(0));
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("-V"), List.of("--verbose", open),
                List.of("--server", "mc"), List.of("--all"), List.of("-c", "3", open), List.of("--watch", open),
                List.of(open, "-t", "3 parsecs"), List.of(open, "--concurrency", "many"), List.of(open, "-t"),
                List.of("@targets.txt"), List.of(open, "--timeout=2s"), List.of("--bogus", open), List.of("--", open))) {
            assertTrue(ProbeFastPath.parse(args.toArray(String[]::new)).isEmpty(), "picocli should parse " + args);
        }
    }
}
