package dev.portdeck.tui.cli;

import java.util.Map;

/**
 * What the commands read from outside the command line: environment variables (PORTDECK_*, XDG_CONFIG_HOME, HOME)
 * and the terminal. Main passes the real ones; tests pass their own.
 */
public record CommandEnvironment(Map<String, String> variables, Prompt prompt) {

    public CommandEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CommandEnvironment system() {
        return new CommandEnvironment(System.getenv(), Prompt.system(System.in));
    }
}
