package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portdeck.tui.cli.common.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real jar, as a person runs it: `portdeck probe --watch`, then Ctrl-C (SIGINT) prints the statistics. */
class ProbeWatchIT {

    @Test
    void ctrlCInWatchModePrintsTheStatisticsAndExits130() throws Exception {
        String jar = System.getProperty("portdeck.jar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "skipped: needs the packaged portdeck.jar");
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Path output = Files.createTempFile("portdeck-watch", ".txt");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "-jar", jar, "probe", "--watch", "--ascii", "--interval", "100ms",
                    "127.0.0.1:" + listening.getLocalPort())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                awaitLines(output, 3, p);
                new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
                assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the probe did not stop on SIGINT");
                assertEquals(ExitCode.INTERRUPTED, p.exitValue());
                String text = Files.readString(output, StandardCharsets.UTF_8);
                assertTrue(text.contains("--- statistics"), text);
                assertTrue(text.lines().anyMatch(l -> l.matches("127\\.0\\.0\\.1:" + listening.getLocalPort()
                        + "\\s+\\d+\\s+\\d+\\s+0\\.0%.*open")), text);
            } finally {
                p.destroyForcibly();
                Files.deleteIfExists(output);
            }
        }
    }

    /** Wait (bounded) until the probe printed a header and at least two rounds. */
    private static void awaitLines(Path output, int lines, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.readAllLines(output, StandardCharsets.UTF_8).size() >= lines) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the probe printed fewer than " + lines + " lines: " + Files.readString(output));
    }
}
