package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.MockPanelFixture;
import dev.portdeck.tui.cli.common.ExitCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** `portdeck agent` refuses a bad command line before it binds or sends anything. */
class AgentCommandTest extends MockPanelFixture {

    @Test
    void badOptionsAreUsageErrorsThatSendNothing() {
        String[][] bad = {
            {"agent", "--listen", "nonsense"},
            {"agent", "--listen", "panel.example.com:9477"},
            {"agent", "--listen", "127.0.0.1:70000"},
            {"agent", "--log-format", "xml"},
            {"agent", "--panel-rate", "0"},
            {"agent", "--interval", "0"},
            {"agent", "--concurrency", "0"},
            {"agent", "--check", "gopher"},
            {"agent", "--expect-closed", "rcon"},
        };
        for (String[] args : bad) {
            Cli.Run run = cli.run(args);
            assertEquals(ExitCode.USAGE, run.exit(), String.join(" ", args) + "\n" + run);
            assertTrue(run.err().startsWith("portdeck: "), run.toString());
        }
        assertEquals(0, panel.getRequestCount(), "nothing was sent");
    }

    @Test
    void withoutAPanelItSaysHowToConfigureOne() {
        Cli.Run run = new Cli(home).run("agent");
        assertEquals(ExitCode.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("portdeck login"), run.toString());
    }

    @Test
    void aBusyListenAddressIsOneSentenceAndExitOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Run run = cli.run("agent", "--listen", "127.0.0.1:" + busy.getLocalPort());
            assertEquals(ExitCode.FAILURE, run.exit(), run.toString());
            assertTrue(run.err().contains("portdeck agent: cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": "),
                    run.toString());
            assertTrue(run.err().lines().count() <= 2, "no stack trace: " + run);
        }
    }

    @Test
    void helpListsTheAgentsOptions() {
        Cli.Run run = cli.run("agent", "--help");
        assertEquals(0, run.exit());
        for (String option : new String[] {"--listen", "--interval", "--timeout", "--rediscover", "--server",
            "--vantage", "--check", "--expect-closed", "--panel-rate", "--no-resources", "--no-listening", "--log-format", "--panel", "--profile"}) {
            assertTrue(run.out().contains(option), option + "\n" + run.out());
        }
    }
}
