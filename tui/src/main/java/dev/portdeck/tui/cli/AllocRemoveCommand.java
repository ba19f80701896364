package dev.portdeck.tui.cli;

import dev.portdeck.tui.TerminalText;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.RequestChecks;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `portdeck alloc rm SERVER ID`: asks y/N on a terminal (default No); scripts pass --yes. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, versionProvider = PortdeckCommand.Version.class, sortOptions = false,
        description = "Remove an allocation from a server. Asks first on a terminal (default No); scripts pass --yes.")
public final class AllocRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PanelOptions panel;

    @Mixin
    AllocationArgs target;

    @Option(names = {"-y", "--yes"}, description = "Do not ask: remove it.")
    boolean yes;

    @Option(names = "--json", description = "Print what was removed as one JSON object.")
    boolean json;

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
                            + TerminalText.clean(s.name()) + " (" + s.identifier() + ")", "allocation " + target.id + " of server "
                            + s.identifier()));
            String what = (a.primary() ? "the PRIMARY allocation " : "allocation ") + a.id() + " (" + a.address()
                    + ") from " + TerminalText.clean(s.name()) + " (" + s.identifier() + ")";
            if (!yes && !confirmed(prompt, "Remove " + what + "? [y/N] ")) {
                err.println("portdeck: not removed.");
                err.flush();
                return ExitCode.FAILURE;
            }
            client.remove(s.identifier(), a.id());
            if (json) {
                JsonOut.print(out, JsonOut.change(s, "removed", a));
            } else {
                out.println("removed " + what);
                out.flush();
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
