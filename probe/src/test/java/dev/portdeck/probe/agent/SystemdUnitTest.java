package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/systemd/portdeck-agent.service: hardened, key from a root-only file, and valid to systemd-analyze. */
class SystemdUnitTest {

    static final Path UNIT = Path.of("..", "deploy", "systemd", "portdeck-agent.service");

    @TempDir
    Path dir;

    @Test
    void theUnitIsHardenedAndTakesTheKeyFromAnEnvironmentFile() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);
        for (String directive : new String[] {"DynamicUser=yes", "ProtectSystem=strict", "NoNewPrivileges=yes",
            "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=", "EnvironmentFile=/etc/portdeck/agent.env",
            "ExecStart=/usr/bin/portdeck agent $PORTDECK_AGENT_ARGS", "ExecReload=/bin/kill -HUP $MAINPID"}) {
            assertTrue(lines.contains(directive), directive);
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("MemoryDenyWriteExecute")), "the JVM's JIT needs W+X");
        assertTrue(lines.stream().filter(l -> !l.startsWith("#"))
                .noneMatch(l -> l.contains("ptlc_") || l.contains("PORTDECK_API_KEY")), "no key in the unit itself");
    }

    @Test
    void systemdAcceptsIt() throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "systemd-analyze"))), "systemd-analyze is not installed");
        Path env = Files.writeString(dir.resolve("agent.env"), "PORTDECK_AGENT_ARGS=--vantage test\n");
        Path unit = dir.resolve("portdeck-agent.service");
        Files.writeString(unit, Files.readString(UNIT)
                .replace("/usr/bin/portdeck", "/bin/true").replace("/etc/portdeck/agent.env", env.toString()));
        Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.strip(), "no warnings");
    }
}
