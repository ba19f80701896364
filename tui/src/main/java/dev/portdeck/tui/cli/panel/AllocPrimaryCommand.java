package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.RequestChecks;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.output.JsonOut;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `portdeck alloc primary SERVER ID [--stop-first]`. */
@Command(name = "primary", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = "Make an allocation the server's primary (the ip:port players connect to).")
public final class AllocPrimaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AllocationArgs target;

    @Option(names = "--json", description = "Print the allocation as one JSON object.")
    boolean json;

    @Mixin
    StopFirst stopFirst;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        RequestChecks.allocationId(target.id);
        PrintWriter out = spec.commandLine().getOut();
        try (PanelClient client = panel.connect()) {
            Server s = client.resolve(target.server);
            Allocation a = stopFirst.around(client, s, spec.commandLine().getErr(), panel.environment().prompt(),
                    () -> client.setPrimary(s.identifier(), target.id));
            if (json) {
                JsonOut.print(out, JsonOut.change(s, "allocation", a));
            } else {
                TerminalText.println(out, a.address() + " (allocation " + a.id() + ") is now the primary of " + s.name()
                        + " (" + s.identifier() + "); restart the server for it to take effect");
            }
        }
        return ExitCode.OK;
    }
}
