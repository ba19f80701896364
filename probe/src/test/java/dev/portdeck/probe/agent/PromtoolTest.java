package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prometheus' own linter and test runner on what the agent serves and on the deploy/prometheus files. */
class PromtoolTest {

    static final Path DEPLOY = PrometheusScrapeTest.DEPLOY;

    @BeforeAll
    static void promtoolIsThere() {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "promtool"))), "promtool is not installed (.ci/run installs"
                + " the prometheus package)");
    }

    @Test
    void aRealScrapePassesTheLinterWithHostileNamesInIt() throws Exception {
        try (AgentHarness h = new AgentHarness(HostileLabelsTest.hostileWorld())) {
            h.awaitReady();
            AgentHarness.await("resources were read", () -> h.metrics().contains("portdeck_server_uptime_seconds{"),
                    java.time.Duration.ofSeconds(10));
            String scrape = h.metrics();
            assertTrue(scrape.contains("portdeck_allocation_connect_seconds_bucket{"), scrape);
            Result lint = promtool(scrape, "check", "metrics");
            assertEquals(0, lint.exit(), lint.output());
            assertEquals("", lint.output().strip(), "no lint warnings");
        }
    }

    @Test
    void theDeployConfigIsValid() throws Exception {
        Result r = promtool(null, "check", "config", DEPLOY.resolve("prometheus.yml").toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("SUCCESS: 7 rules found"), r.output());
    }

    @Test
    void theAlertRulesPassTheirUnitTests() throws Exception {
        Result r = promtool(null, "test", "rules", DEPLOY.resolve("portdeck.rules.test.yml").toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("SUCCESS"), r.output());
    }

    record Result(int exit, String output) {
    }

    static Result promtool(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            p.getOutputStream().close();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promtool did not finish: " + output);
        }
        return new Result(p.exitValue(), output);
    }
}
