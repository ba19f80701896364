package dev.portdeck.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `portdeck probe`: placeholder until its issue lands. */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class ProbeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("portdeck probe: not built yet.");
        return ExitCode.FAILURE;
    }
}
