package dev.portdeck.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `portdeck demo`: placeholder until its issue lands. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("portdeck demo: not built yet.");
        return ExitCode.FAILURE;
    }
}
