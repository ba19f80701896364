package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import dev.portdeck.probe.agent.AgentHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar: `portdeck agent` runs headless, re-discovers on SIGHUP, and stops on SIGTERM/SIGINT with exit 0. */
class AgentProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void sighupRediscoversAtOnceAndSigtermStopsWithinTwoSecondsWithExitZero() throws Exception {
        try (PanelSimulator panel = PanelSimulator.start(SimulatorOptions.defaults());
             PanelClient client = new PanelClient(PanelConfig.of(panel.url(), panel.clientKey()))) {
            Agent agent = Agent.start(panel, home);
            try {
                agent.awaitReady(http);
                String server = panel.serverId("Survival SMP");
                Allocation added = client.assign(server, AssignRequest.auto());
                assertFalse(agent.get(http, "/sd").contains("\"allocation\":\"" + added.id() + "\""),
                        "--rediscover 1h: not seen without a signal");
                signal(agent.process, "HUP");
                await("the new allocation is in /sd", () -> agent.get(http, "/sd")
                        .contains("\"allocation\":\"" + added.id() + "\""));
                assertTrue(agent.messages().contains("discovering again (SIGHUP)"), agent.stderr());

                long start = System.nanoTime();
                signal(agent.process, "TERM"); // not Process.destroy(): it also closes our end of the child's stderr
                assertTrue(agent.process.waitFor(10, TimeUnit.SECONDS), "exits on SIGTERM");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(0, agent.process.exitValue(), agent.stderr());
                assertTrue(millis < 2000, "stopped in " + millis + " ms");
                await("the last line says it stopped", () -> agent.messages().contains("agent stopped"));
                assertFalse(agent.stderr().contains(panel.clientKey().reveal().substring(5, 20)), "no key in the log");
                for (String line : agent.lines) {
                    JsonNode json = JSON.readTree(line);
                    assertNotNull(json.get("ts"), line);
                    assertNotNull(json.get("level"), line);
                }
            } finally {
                agent.process.destroyForcibly();
            }
        }
    }

    @Test
    void ctrlCStopsItWithExitZeroToo() throws Exception {
        try (PanelSimulator panel = PanelSimulator.start(SimulatorOptions.defaults())) {
            Agent agent = Agent.start(panel, home);
            try {
                agent.awaitReady(http);
                signal(agent.process, "INT");
                assertTrue(agent.process.waitFor(10, TimeUnit.SECONDS), "exits on SIGINT");
                assertEquals(0, agent.process.exitValue(), agent.stderr());
            } finally {
                agent.process.destroyForcibly();
            }
        }
    }

    @Test
    void portsClosedByDesignFromTheFlagAndTheConfigFileAreMarkedExpectedClosed() throws Exception {
        try (PanelSimulator panel = PanelSimulator.start(SimulatorOptions.defaults())) {
            PanelSimulator.DemoPort rcon = closedPort(panel, "Survival SMP");
            PanelSimulator.DemoPort sourceTv = closedPort(panel, "CS2 Competitive");
            Files.createDirectories(home.resolve("config").resolve("portdeck"));
            Path file = home.resolve("config").resolve("portdeck").resolve("config.properties");
            Files.writeString(file, "expect_closed = " + sourceTv.serverId() + ":" + sourceTv.allocation().port() + "\n");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Agent agent = Agent.start(panel, home, "--expect-closed", Integer.toString(rcon.allocation().port()));
            try {
                agent.awaitReady(http);
                String metrics = agent.get(http, "/metrics");
                for (PanelSimulator.DemoPort port : panel.demoPorts()) {
                    boolean byDesign = port.allocation().port() == rcon.allocation().port() || port.equals(sourceTv);
                    String up = metrics.lines().filter(l -> l.startsWith("portdeck_allocation_up{")
                            && l.contains("allocation=\"" + port.allocation().id() + "\"")).findFirst().orElse("");
                    // (a UDP port that never answered has no up/down yet)
                    assertTrue(up.isEmpty() && !byDesign || up.contains(byDesign ? "expected=\"closed\""
                            : "expected=\"open\""), port + "\n" + metrics);
                }
                assertTrue(agent.get(http, "/sd").contains("\"expected\":\"closed\""), "/sd has the label too");
                await("the first round is summed up", () -> agent.messages().contains("first round done"));
                JsonNode summary = JSON.readTree(agent.lines.stream().filter(l -> l.contains("first round done"))
                        .findFirst().orElseThrow());
                assertEquals(2, summary.path("closed_as_expected").asInt(), agent.stderr());
            } finally {
                agent.process.destroyForcibly();
            }
        }
    }

    private static PanelSimulator.DemoPort closedPort(PanelSimulator panel, String server) {
        return panel.demoPorts().stream().filter(p -> p.serverName().equals(server) && !p.listening()).findFirst()
                .orElseThrow();
    }

    /** A running `java -jar portdeck.jar agent` and its stderr lines. */
    private record Agent(Process process, List<String> lines) {

        static Agent start(PanelSimulator panel, Path home, String... more) throws IOException {
            String jar = System.getProperty("portdeck.jar");
            assertNotNull(jar, "runs under failsafe (mvn verify), which passes -Dportdeck.jar");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Files.createDirectories(home.resolve("config"));
            List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar, "agent", "--listen",
                    "127.0.0.1:0", "--interval", "300ms", "--timeout", "500ms", "--rediscover", "1h", "--log-format",
                    "json"));
            command.addAll(List.of(more));
            ProcessBuilder b = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            b.environment().put("PORTDECK_PANEL_URL", panel.url().toString());
            b.environment().put("PORTDECK_API_KEY", panel.clientKey().reveal());
            b.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
            b.environment().put("HOME", home.toString());
            Process p = b.start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "agent-stderr");
            reader.setDaemon(true);
            reader.start();
            return new Agent(p, lines);
        }

        String stderr() {
            return String.join("\n", lines);
        }

        List<String> messages() {
            return lines.stream().map(l -> {
                try {
                    return JSON.readTree(l).path("msg").asText();
                } catch (IOException e) {
                    return "not JSON: " + l;
                }
            }).toList();
        }

        int port() {
            for (String line : lines) {
                try {
                    JsonNode json = JSON.readTree(line);
                    if ("agent started".equals(json.path("msg").asText())) {
                        String listen = json.path("listen").asText();
                        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
                    }
                } catch (IOException e) {
                    fail("a log line that is not JSON: " + line);
                }
            }
            return -1;
        }

        void awaitReady(HttpClient http) {
            await("the agent says it started", () -> port() > 0 || !process.isAlive());
            assertTrue(process.isAlive(), stderr());
            await("/-/ready answers 200", () -> status(http, "/-/ready") == 200);
        }

        int status(HttpClient http, String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        String get(HttpClient http, String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name);
    }
    private static void await(String what, BooleanSupplier condition) {
        AgentHarness.await(what, condition, Duration.ofSeconds(30));
    }
}
