package dev.portdeck.tui.cli.common;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the commands read from outside the command line: environment variables (PORTDECK_*, XDG_CONFIG_HOME, HOME)
 * and the terminal. Main passes the real ones; tests pass their own.
 */
public record CommandEnvironment(Map<String, String> variables, Prompt prompt) {

    /** The root command, which carries the environment of its run. */
    public interface Owner {
        CommandEnvironment environment();
    }

    public CommandEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CommandEnvironment system() {
        return new CommandEnvironment(System.getenv(), Prompt.system(System.in));
    }

    /** The environment of the run {@code spec} belongs to: its root command's, else the process's. */
    public static CommandEnvironment of(CommandSpec spec) {
        Object root = spec == null ? null : spec.root().userObject();
        return root instanceof Owner owner ? owner.environment() : system();
    }
}
