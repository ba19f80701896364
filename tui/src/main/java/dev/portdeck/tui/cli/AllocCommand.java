package dev.portdeck.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `portdeck alloc`: placeholder until its issue lands. */
@Command(name = "alloc", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class AllocCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("portdeck alloc: not built yet.");
        return ExitCode.FAILURE;
    }
}
