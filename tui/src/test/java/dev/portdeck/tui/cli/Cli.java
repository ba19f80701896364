package dev.portdeck.tui.cli;

import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.common.Prompt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs `portdeck ...` in-process through picocli with its own environment, capturing stdout and stderr. */
public final class Cli {

    public static final String KEY = "ptlc_Zq8sV3ryS3cretKeyValue0123456789";

    public final Map<String, String> env = new HashMap<>();
    public Prompt prompt = new ScriptedPrompt(false);

    /** A result of one run. */
    public record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Cli(Path configHome) {
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("HOME", configHome.resolve("home").toString());
    }

    /** Configured for `panelUrl` through the environment, with the test key. */
    public Cli panel(String panelUrl) {
        env.put("PORTDECK_PANEL_URL", panelUrl);
        env.put("PORTDECK_API_KEY", KEY);
        return this;
    }

    /** Configured for the simulator through the environment, with its owner's key. */
    public Cli panel(dev.portdeck.shared.sim.PanelSimulator sim) {
        env.put("PORTDECK_PANEL_URL", sim.url().toString());
        env.put("PORTDECK_API_KEY", sim.clientKey().reveal());
        return this;
    }

    public Cli prompt(Prompt p) {
        this.prompt = p;
        return this;
    }

    public Run run(String... args) {
        CommandLine cl = PortdeckCommand.commandLine(new CommandEnvironment(env, prompt));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
