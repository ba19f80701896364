package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.common.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `portdeck demo --serve-only`: one pasteable line, a working panel behind it, loopback only, a clean stop. */
class DemoCommandTest {

    private static final Pattern EXPORT = Pattern.compile(
            "export PORTDECK_PANEL_URL=(http://127\\.0\\.0\\.1:\\d+) PORTDECK_API_KEY=((ptlc|pacc)_[A-Za-z0-9]+)\\n");

    /** A demo command running in the background until {@link #stop()}. */
    private static final class Serving implements AutoCloseable {
        final CountDownLatch stop = new CountDownLatch(1);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> exit;

        Serving(String... args) {
            CommandLine cl = new CommandLine(new DemoCommand(stop));
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
        }

        Matcher line() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && !exit.isDone()) {
                Matcher m = EXPORT.matcher(out.toString());
                if (m.find()) {
                    return m;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no export line; stdout: " + out + " stderr: " + err);
        }

        int stop() throws Exception {
            stop.countDown();
            return exit.get(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            stop.countDown();
        }
    }

    private static HttpResponse<String> get(String url, String key) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/api/client")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean accepts(URI url) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void serveOnlyPrintsOnePasteableLineAndServesTheDemoPanelUntilStopped() throws Exception {
        try (Serving demo = new Serving("--serve-only")) {
            Matcher m = demo.line();
            HttpResponse<String> servers = get(m.group(1), m.group(2));
            assertEquals(200, servers.statusCode());
            assertTrue(servers.body().contains("\"name\":\"Survival SMP\""));
            assertEquals(1, demo.out.toString().lines().count(), "exactly one line on stdout");
            assertTrue(demo.err.toString().contains("until Ctrl-C"), demo.err.toString());
            assertEquals(ExitCode.OK, demo.stop());
            assertFalse(accepts(URI.create(m.group(1))), "the panel is closed after the stop");
        }
    }

    @Test
    void theFlavorOptionChangesTheRulesAndTheKeyPrefix() throws Exception {
        try (Serving demo = new Serving("--serve-only", "--flavor", "PELICAN")) {
            Matcher m = demo.line();
            assertTrue(m.group(2).startsWith("pacc_"));
            assertTrue(demo.err.toString().contains("pelican rules"));
            demo.stop();
        }
        try (Serving demo = new Serving("--serve-only", "--flavor", "pterodactyl")) {
            Matcher m = demo.line();
            assertTrue(m.group(2).startsWith("ptlc_"));
            assertTrue(demo.err.toString().contains("pterodactyl rules; client auto-allocation switched on, which a stock"
                    + " panel leaves off"), demo.err.toString());
            demo.stop();
        }
    }

    @Test
    void noClientAllocationsKeepsAStockPanelsRefusal() throws Exception {
        try (Serving demo = new Serving("--serve-only", "--flavor", "pterodactyl", "--no-client-allocations")) {
            Matcher m = demo.line();
            String survival = get(m.group(1), m.group(2)).body().replaceAll("(?s).*?\"identifier\":\"([0-9a-f]{8})\".*", "$1");
            HttpRequest add = HttpRequest.newBuilder(URI.create(m.group(1) + "/api/client/servers/" + survival
                    + "/network/allocations")).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer "
                    + m.group(2)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            HttpResponse<String> refused = HttpClient.newHttpClient().send(add, HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("AutoAllocationNotEnabledException"), refused.body());
            demo.stop();
        }
    }

    @Test
    void aWorldLargerThanTheOpenFilesLimitIsOneSentence() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/bin/sh").canExecute(), "no /bin/sh");
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder("/bin/sh", "-c", "ulimit -n 64 && exec \"$0\" -cp \"$1\" dev.portdeck.tui.Main"
                + " demo --large 130x4 --serve-only", javaBinary, System.getProperty("java.class.path"))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "it ends instead of hanging");
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(ExitCode.FAILURE, p.exitValue(), output);
        assertEquals("portdeck demo: the demo world has 520 ports, each a socket, but this process may open only 64"
                + " files (ulimit -n); raise the limit, e.g. `ulimit -n 1024`, or ask for a smaller world with --large.\n",
                output);
    }

    @Test
    void rateLimitMakesThePanelAnswer429() throws Exception {
        try (Serving demo = new Serving("--serve-only", "--rate-limit", "2")) {
            Matcher m = demo.line();
            assertEquals(200, get(m.group(1), m.group(2)).statusCode());
            assertEquals(200, get(m.group(1), m.group(2)).statusCode());
            HttpResponse<String> limited = get(m.group(1), m.group(2));
            assertEquals(429, limited.statusCode());
            assertTrue(limited.headers().firstValue("Retry-After").isPresent());
            demo.stop();
        }
    }

    @Test
    void largeServesABenchmarkWorld() throws Exception {
        try (Serving demo = new Serving("--serve-only", "--large", "120x2")) {
            Matcher m = demo.line();
            HttpResponse<String> page = get(m.group(1), m.group(2));
            assertTrue(page.body().contains("\"total\":120"), page.body().substring(page.body().length() - 300));
            demo.stop();
        }
        CliRun bad = run("demo", "--serve-only", "--large", "10x999");
        assertEquals(ExitCode.USAGE, bad.exit());
        assertTrue(bad.err().contains("--large needs SERVERSxPORTS"), bad.err());
    }

    @Test
    void listenTakesAnExplicitLoopbackPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (Serving demo = new Serving("--serve-only", "--listen", "127.0.0.1:" + port)) {
            assertEquals("http://127.0.0.1:" + port, demo.line().group(1));
            demo.stop();
        }
    }

    @Test
    void aTakenPortIsOneSentenceAndExitOne() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             Serving demo = new Serving("--serve-only", "--listen", "127.0.0.1:" + squatter.getLocalPort())) {
            assertEquals(ExitCode.FAILURE, demo.exit.get(20, TimeUnit.SECONDS));
            assertEquals("portdeck demo: cannot listen on 127.0.0.1:" + squatter.getLocalPort()
                    + ": Address already in use.\n", demo.err.toString());
            assertEquals("", demo.out.toString());
        }
    }

    private static CliRun run(String... args) {
        CommandLine cl = PortdeckCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }

    private record CliRun(int exit, String out, String err) {
    }

    @Test
    void listenRefusesEveryNonLoopbackAddressWithoutLookingItUp() {
        for (String address : new String[] {"0.0.0.0:8080", "192.168.1.20:8080", "[::]:8080", "panel.example.com:80",
                "cafe:8080", "1.2.3.4.5:8080"}) {
            CliRun r = run("demo", "--serve-only", "--listen", address);
            assertEquals(ExitCode.USAGE, r.exit(), address + ": " + r.err());
            assertTrue(r.err().contains("--listen must be a loopback address"), r.err());
            assertTrue(r.err().contains("never exposed to the network"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aBadPortOrFlavorIsAUsageError() {
        CliRun port = run("demo", "--serve-only", "--listen", "127.0.0.1:99999");
        assertEquals(ExitCode.USAGE, port.exit());
        assertTrue(port.err().contains("port from 0 to 65535"), port.err());
        CliRun flavor = run("demo", "--serve-only", "--flavor", "multicraft");
        assertEquals(ExitCode.USAGE, flavor.exit());
        assertTrue(flavor.err().contains("expected documented, pterodactyl or pelican"), flavor.err());
    }

    @Test
    void withoutATerminalTheDashboardSaysSoInOneSentenceAndFails() {
        CliRun r = run("demo");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("the dashboard needs an interactive terminal"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertNotNull(r.out());
    }
}
