package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.RequestChecks;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.common.Prompt;
import dev.portdeck.tui.cli.output.JsonOut;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `portdeck alloc rm SERVER ID`: asks y/N on a terminal (default No); scripts pass --yes. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = "Remove an allocation from a server. Asks first on a terminal (default No); scripts pass --yes.")
public final class AllocRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AllocationArgs target;

    @Option(names = {"-y", "--yes"}, description = "Do not ask: remove it.")
    boolean yes;

    @Option(names = "--json", description = "Print what was removed as one JSON object.")
    boolean json;

    @Mixin
    StopFirst stopFirst;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        RequestChecks.allocationId(target.id);
        Prompt prompt = panel.environment().prompt();
        if (!yes && !prompt.isTerminal()) {
            throw new InvalidInput("yes", "refusing to remove allocation " + target.id + " without asking: there is no terminal"
                    + " to ask on, so pass --yes");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PanelClient client = panel.connect()) {
            Server s = client.resolve(target.server);
            Allocation a = client.allocations(s.identifier()).stream().filter(x -> x.id() == target.id).findFirst()
                    .orElseThrow(() -> new NotFound("allocation " + target.id + " is not one of the allocations of "
                            + s.name() + " (" + s.identifier() + ")", "allocation " + target.id + " of server "
                            + s.identifier()));
            String what = (a.primary() ? "the PRIMARY allocation " : "allocation ") + a.id() + " (" + a.address()
                    + ") from " + s.name() + " (" + s.identifier() + ")";
            if (!yes && !confirmed(prompt, TerminalText.clean("Remove " + what + "? [y/N] "))) {
                TerminalText.println(err, "portdeck: not removed.");
                return ExitCode.FAILURE;
            }
            stopFirst.around(client, s, err, prompt, () -> {
                client.remove(s.identifier(), a.id());
                return a;
            });
            if (json) {
                JsonOut.print(out, JsonOut.change(s, "removed", a));
            } else {
                TerminalText.println(out, "removed " + what + (a.primary() ? "; " + s.name() + " (" + s.identifier()
                        + ") now has no primary allocation until one is set: `portdeck alloc primary " + s.identifier()
                        + " ID`" : ""));
            }
        }
        return ExitCode.OK;
    }

    private static boolean confirmed(Prompt prompt, String question) {
        String answer = prompt.readLine(question);
        if (answer == null) {
            return false;
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
