package dev.portdeck.tui.cli;

import dev.portdeck.tui.TerminalText;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.RequestChecks;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `portdeck alloc primary SERVER ID`. */
@Command(name = "primary", mixinStandardHelpOptions = true, versionProvider = PortdeckCommand.Version.class, sortOptions = false,
        description = "Make an allocation the server's primary (the ip:port players connect to).")
public final class AllocPrimaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PanelOptions panel;

    @Mixin
    AllocationArgs target;

    @Option(names = "--json", description = "Print the allocation as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        RequestChecks.allocationId(target.id);
        PrintWriter out = spec.commandLine().getOut();
        try (PanelClient client = panel.connect()) {
            Server s = client.resolve(target.server);
            Allocation a = client.setPrimary(s.identifier(), target.id);
            if (json) {
                JsonOut.print(out, JsonOut.change(s, "allocation", a));
            } else {
                out.println(a.address() + " (allocation " + a.id() + ") is now the primary of " + TerminalText.clean(s.name())
                        + " (" + s.identifier() + "); restart the server for it to take effect");
                out.flush();
            }
        }
        return ExitCode.OK;
    }
}
