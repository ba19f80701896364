package dev.portdeck.tui.cli.panel;

import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `portdeck alloc`: the network allocations (ip:port pairs) of one server. */
@Command(name = "alloc", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class,
        description = "List, add, and change the network allocations (ip:port) of a server.",
        footer = "%nSERVER is a short id (d3aac109), a UUID, or an unambiguous part of the server's name.",
        subcommands = {
            AllocListCommand.class,
            AllocAddCommand.class,
            AllocPrimaryCommand.class,
            AllocNotesCommand.class,
            AllocRemoveCommand.class
        })
public final class AllocCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("portdeck alloc: say what to do: list, add, primary, notes or rm.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
