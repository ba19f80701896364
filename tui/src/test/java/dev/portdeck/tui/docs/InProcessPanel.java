package dev.portdeck.tui.docs;

import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.PortdeckCommand;
import dev.portdeck.tui.dashboard.DemoPanel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * A capture's commands run in this JVM, through picocli as Main runs them, against the demo panel as
 * `portdeck demo --serve-only` serves it (the same world, rules and real listeners on 127.0.0.2 and 127.0.0.3), with
 * folders of its own for the config file, state and cache (see {@link DemoPortMap} for a demo port that another
 * program holds).
 */
final class InProcessPanel implements AutoCloseable {

    private final PanelSimulator sim;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> paths = new LinkedHashMap<>();
    private final DemoPortMap ports;

    InProcessPanel(Map<String, String> options, Path home) {
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("HOME", home.resolve("home").toString());
        paths.put(home.resolve("config").toString(), "~/.config");
        paths.put(home.resolve("state").toString(), "~/.local/state");
        paths.put(home.resolve("cache").toString(), "~/.cache");
        paths.put(home.resolve("home").toString(), "~");
        if (options.containsKey("nopanel")) {
            sim = null;
            ports = DemoPortMap.none();
            return;
        }
        sim = PanelSimulator.start(SimulatorOptions.defaults()
                .withFlavor(Flavor.parse(options.getOrDefault("flavor", "documented")))
                .withPowerTransition(DemoPanel.POWER_TRANSITION));
        sim.setAutoAllocationEnabled(true);
        env.put("PORTDECK_PANEL_URL", sim.url().toString());
        env.put("PORTDECK_API_KEY", sim.clientKey().reveal());
        ports = DemoPortMap.of(sim.servers());
    }

    CommandOutput run(String line) {
        ShellLine shell = ShellLine.parse(line, env);
        Map<String, String> variables = new HashMap<>(env);
        variables.putAll(shell.env());
        CommandLine cl = PortdeckCommand.commandLine(new CommandEnvironment(variables, new PipedPrompt(shell.stdin())));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int exit = cl.execute(shell.args().stream().map(ports::toHeld).toArray(String[]::new));
        return new CommandOutput(line, ports.toWanted(out.toString()), exit).tidied(paths);
    }

    /** Whether a documented range met a demo port that moved, so its output cannot be the documented one. */
    boolean rangeOverMovedPort() {
        return ports.rangeOverMovedPort();
    }

    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }
}
