package dev.portdeck.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `portdeck servers`: placeholder until its issue lands. */
@Command(name = "servers", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class ServersCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("portdeck servers: not built yet.");
        return ExitCode.FAILURE;
    }
}
