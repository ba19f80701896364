package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.common.ServerNames;
import dev.portdeck.tui.cli.output.JsonOut;
import dev.portdeck.tui.cli.output.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `portdeck alloc list SERVER`. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = "List a server's allocations: id, ip, port, alias, primary mark, notes.")
public final class AllocListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER", description = "Short id, UUID or name of the server.",
            completionCandidates = ServerNames.class)
    String server;

    @Option(names = "--json", description = "Print one JSON array for scripts instead of the table.")
    boolean json;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PanelClient client = panel.connect()) {
            Server s = client.resolve(server);
            List<Allocation> allocations = client.allocations(s.identifier());
            if (json) {
                JsonOut.print(out, allocations.stream().map(JsonOut::allocation).toList());
                return ExitCode.OK;
            }
            String node = s.node() == null ? "" : " on " + s.node();
            TerminalText.println(out, s.name() + " (" + s.identifier() + ")" + node + ": " + allocations.size()
                    + " of " + s.allocationLimit() + " allocations" + state(s));
            if (!allocations.isEmpty() && allocations.stream().noneMatch(Allocation::primary)) {
                TerminalText.println(out, "no primary allocation: set one with `portdeck alloc primary "
                        + s.identifier() + " ID`");
            }
            TextTable t = new TextTable("ID", "IP", "PORT", "ALIAS", "PRIMARY", "NOTES");
            for (Allocation a : allocations) {
                t.row(a.id(), a.ip(), a.port(), a.ipAlias() == null ? "-" : a.ipAlias(), a.primary() ? "yes" : "",
                        a.notes() == null ? "" : a.notes());
            }
            t.print(out);
        }
        return ExitCode.OK;
    }

    /** "" when changes are possible, else why not: "; changes blocked: transferring". */
    private static String state(Server s) {
        String blocked = s.blockedBy();
        return blocked == null ? "" : "; changes blocked: " + blocked;
    }
}
