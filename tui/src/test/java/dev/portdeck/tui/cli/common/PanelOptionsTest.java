package dev.portdeck.tui.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.tui.cli.PortdeckCommand;
import dev.portdeck.tui.cli.ScriptedPrompt;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PanelOptionsTest {

    @TempDir
    Path tmp;

    private PortdeckCommand parse(Map<String, String> env, String... args) {
        PortdeckCommand root = new PortdeckCommand(new CommandEnvironment(env, new ScriptedPrompt(false)));
        new CommandLine(root).parseArgs(args);
        return root;
    }

    @Test
    void withNothingConfiguredTheDashboardGetsEmpty() {
        PortdeckCommand root = parse(Map.of("XDG_CONFIG_HOME", tmp.toString()));
        assertEquals(Optional.empty(), root.panelOptions().resolve());
        InvalidInput e = assertThrows(InvalidInput.class, () -> root.panelOptions().require());
        assertTrue(e.getMessage().contains("portdeck login --panel"), e.getMessage());
    }

    @Test
    void rootFlagsAndEnvironmentKeyMakeTheConfig() {
        PortdeckCommand root = parse(Map.of("XDG_CONFIG_HOME", tmp.toString(), "PORTDECK_API_KEY", "ptlc_k"),
                "--panel", "http://127.0.0.1:9", "--connect-timeout", "250ms", "--read-timeout", "2");
        PanelConfig c = root.panelOptions().require();
        assertEquals(URI.create("http://127.0.0.1:9"), c.url());
        assertEquals(ApiKey.of("ptlc_k"), c.key());
        assertEquals(Duration.ofMillis(250), c.connectTimeout());
        assertEquals(Duration.ofSeconds(2), c.readTimeout());
    }

    @Test
    void aBadDurationIsAUsageError() {
        CommandLine cl = PortdeckCommand.commandLine(new CommandEnvironment(Map.of(), new ScriptedPrompt(false)));
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(ExitCode.USAGE, cl.execute("--read-timeout", "soon"));
    }
}
