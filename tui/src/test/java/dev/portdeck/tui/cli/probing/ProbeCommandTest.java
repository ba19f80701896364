package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.tui.cli.PortdeckCommand;
import dev.portdeck.tui.cli.common.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `portdeck probe` through picocli against real loopback listeners. */
class ProbeCommandTest {

    private ServerSocket listening;
    private int open;
    private int closed;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void listen() throws IOException {
        listening = new ServerSocket();
        listening.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        open = listening.getLocalPort();
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = gone.getLocalPort();
        }
    }

    @AfterEach
    void close() throws IOException {
        listening.close();
    }

    private int run(String... args) {
        var cli = PortdeckCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "probe";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void everyTargetOpenPrintsATableAndExitsZero() {
        assertEquals(ExitCode.OK, run("127.0.0.1:" + open));
        List<String> lines = lines();
        assertTrue(lines.get(0).matches("\\s+TARGET\\s+ADDRESS\\s+STATE\\s+DETAIL"), lines.get(0));
        // ✔ where the default charset can print it (UTF-8), + otherwise (Java 17 in a POSIX locale).
        String mark = java.nio.charset.Charset.defaultCharset().equals(java.nio.charset.StandardCharsets.UTF_8) ? "✔" : "\\+";
        assertTrue(lines.get(1).matches(mark + "\\s+127\\.0\\.0\\.1:" + open + "\\s+127\\.0\\.0\\.1\\s+open\\s+\\d+\\.\\d{3} ms"),
                lines.get(1));
        assertEquals("", err.toString());
    }

    @Test
    void aClosedTargetIsMarkedWithTheReasonAndExitsOne() {
        assertEquals(ExitCode.FAILURE, run("--ascii", "127.0.0.1:" + open + "," + closed));
        List<String> lines = lines();
        assertTrue(lines.get(1).startsWith("+  127.0.0.1:" + open), lines.get(1));
        assertTrue(lines.get(2).matches("x\\s+127\\.0\\.0\\.1:" + closed + "\\s+127\\.0\\.0\\.1\\s+closed\\s+connection refused"),
                lines.get(2));
        assertTrue(lines.get(3).matches("2 targets: 1 open, 1 closed in \\d+ ms"), lines.get(3));
        int stateColumn = lines.get(0).indexOf("STATE");
        assertEquals("open", lines.get(1).substring(stateColumn, stateColumn + 4), "columns are aligned");
        assertEquals("closed", lines.get(2).substring(stateColumn, stateColumn + 6));
    }

    @Test
    void jsonIsOneObjectPerResultWithTheDocumentedFieldsAndNothingElse() throws IOException {
        Instant before = Instant.now();
        assertEquals(ExitCode.FAILURE, run("--json", "127.0.0.1:" + open, "127.0.0.1:" + closed, "nowhere.invalid:1"));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = lines();
        assertEquals(3, lines.size(), out.toString());
        List<String> fields = List.of("host", "port", "address", "state", "latency_ms", "error", "time", "check",
                "check_reason", "app_latency_ms");
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertEquals(fields, iterable(node.fieldNames()));
            assertFalse(Instant.parse(node.get("time").asText()).isBefore(before.minusSeconds(1)));
        }
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("127.0.0.1", first.get("host").asText());
        assertEquals(open, first.get("port").asInt());
        assertEquals("127.0.0.1", first.get("address").asText());
        assertEquals("open", first.get("state").asText());
        assertTrue(first.get("latency_ms").isNumber() && first.get("latency_ms").asDouble() >= 0);
        assertTrue(first.get("error").isNull());
        assertEquals("tcp", first.get("check").asText());
        assertEquals("not a game's default port: TCP connect", first.get("check_reason").asText());
        assertTrue(first.get("app_latency_ms").isNull());
        JsonNode second = json.readTree(lines.get(1));
        assertEquals("closed", second.get("state").asText());
        assertTrue(second.get("latency_ms").isNull());
        assertEquals("connection refused", second.get("error").asText());
        JsonNode third = json.readTree(lines.get(2));
        assertEquals("dns-error", third.get("state").asText());
        assertTrue(third.get("address").isNull());
        assertTrue(third.get("error").asText().contains("nowhere.invalid"));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void aBadTargetIsAUsageErrorInOneSentenceWithNothingOnStdout() {
        assertEquals(ExitCode.USAGE, run("127.0.0.1:90-80"));
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("portdeck probe: The range 90-80 runs backwards; write it as 80-90."),
                err.toString());
        assertFalse(err.toString().contains("Exception"));
    }

    @Test
    void aBadTargetLeavesNoSelectorThreadBehind() {
        long before = selectorThreads();
        assertEquals(ExitCode.USAGE, run("127.0.0.1:90-80"));
        assertEquals(before, selectorThreads(), "the prober opened while the targets were read is closed again");
        assertEquals(ExitCode.FAILURE, run("127.0.0.1:" + closed));
        assertEquals(before, selectorThreads(), "and after a sweep");
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("portdeck-probe-selector") && t.isAlive()).count();
    }

    @Test
    void usageErrorsOfTheCommandLineExitTwo() {
        assertEquals(ExitCode.USAGE, run());
        assertTrue(err.toString().contains("name at least one TARGET"), err.toString());
        assertEquals(ExitCode.USAGE, run("--timeout", "soon", "127.0.0.1:" + open));
        assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
        assertEquals(ExitCode.USAGE, run("--watch", "--count", "2", "127.0.0.1:" + open));
        assertEquals(ExitCode.USAGE, run("--no-such-option", "127.0.0.1:" + open));
    }

    @Test
    void countRepeatsTheProbesAndEndsWithStatistics() {
        assertEquals(ExitCode.FAILURE, run("--count", "3", "--interval", "50ms", "127.0.0.1:" + open,
                "127.0.0.1:" + closed));
        assertEquals(3, lines().stream().filter(l -> l.matches("round [123]  \\d\\d:\\d\\d:\\d\\d")).count());
        List<String> lines = lines().stream().filter(l -> !l.startsWith("round ")).toList();
        assertEquals(3, lines.stream().filter(l -> l.contains(":" + open + " ") && l.contains(" open ")).count());
        int stateColumn = lines.get(0).indexOf("STATE");
        for (String row : lines.subList(1, 7)) {
            assertTrue(row.startsWith("open", stateColumn) || row.startsWith("closed", stateColumn),
                    "later rounds line up under the header: " + row);
        }
        int stats = lines.indexOf(lines.stream().filter(l -> l.startsWith("--- statistics")).findFirst().orElseThrow());
        assertTrue(lines.get(stats + 1).matches("TARGET\\s+SENT\\s+OPEN\\s+LOSS\\s+MIN\\s+AVG\\s+MAX\\s+P50\\s+P95\\s+JITTER\\s+LAST"));
        assertTrue(lines.get(stats + 2).matches("127\\.0\\.0\\.1:" + open + "\\s+3\\s+3\\s+0\\.0%(\\s+\\d+\\.\\d{3}){6}\\s+open"),
                lines.get(stats + 2));
        assertTrue(lines.get(stats + 3).matches("127\\.0\\.0\\.1:" + closed + "\\s+3\\s+0\\s+100\\.0%(\\s+-){6}\\s+closed"),
                lines.get(stats + 3));
    }

    @Test
    void aRepeatedProbeOfAnOpenPortExitsZero() {
        assertEquals(ExitCode.OK, run("-c", "2", "-i", "10ms", "--json", "127.0.0.1:" + open));
        assertEquals(2, lines().size(), "NDJSON only: no statistics on stdout");
    }

    @Test
    void aLargeSweepListsWhatIsNotClosedAndCountsTheRest() {
        int from = Math.max(1, open - 20);
        int to = Math.min(65535, open + 20);
        assertEquals(ExitCode.FAILURE, run("127.0.0.1:" + from + "-" + to));
        String text = out.toString();
        assertTrue(text.contains("127.0.0.1:" + open + " "), text);
        assertTrue(text.contains("closed ports (--show-closed lists them)."), text);
        assertTrue(text.contains((to - from + 1) + " targets: "), text);
    }

    @Test
    void probeKnowsTheVersion() {
        assertEquals(ExitCode.OK, run("--version"));
        assertTrue(out.toString().startsWith("portdeck "), out.toString());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        ProbeCommand.DurationConverter d = new ProbeCommand.DurationConverter();
        assertEquals(Duration.ofMillis(500), d.convert("500ms"));
        assertEquals(Duration.ofMillis(1500), d.convert("1.5s"));
        assertEquals(Duration.ofSeconds(2), d.convert("2"));
        assertEquals(Duration.ofMinutes(1), d.convert("1m"));
        assertEquals(Duration.ofSeconds(3), d.convert("PT3S"));
    }
}
