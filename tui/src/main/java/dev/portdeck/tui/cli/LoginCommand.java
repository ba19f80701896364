package dev.portdeck.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `portdeck login`: placeholder until its issue lands. */
@Command(name = "login", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class LoginCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("portdeck login: not built yet.");
        return ExitCode.FAILURE;
    }
}
