package dev.portdeck.tui.cli.panel;

import dev.portdeck.tui.cli.common.ServerNames;
import picocli.CommandLine.Parameters;

/** `SERVER ID`: the two positional parameters of every command that changes one allocation. */
public final class AllocationArgs {

    @Parameters(index = "0", paramLabel = "SERVER", description = "Short id, UUID or name of the server.",
            completionCandidates = ServerNames.class)
    String server;

    @Parameters(index = "1", paramLabel = "ID", description = "The allocation id (see `portdeck alloc list`).")
    long id;
}
