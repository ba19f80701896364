package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.RequestChecks;
import dev.portdeck.shared.error.InvalidInput;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `portdeck alloc notes SERVER ID TEXT` or `--clear`. */
@Command(name = "notes", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = "Set an allocation's notes (at most 255 characters), or remove them with --clear.")
public final class AllocNotesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AllocationArgs target;

    @Parameters(index = "2", paramLabel = "TEXT", arity = "0..1",
            description = "The new notes (quote them); taken as typed, an @ included: never read from a file.")
    String text;

    @Option(names = "--clear", description = "Remove the notes.")
    boolean clear;

    @Option(names = "--json", description = "Print the allocation as one JSON object.")
    boolean json;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        if (clear == (text != null)) {
            throw new InvalidInput("notes", clear ? "give either TEXT or --clear, not both"
                    : "give the notes as TEXT, or --clear to remove them");
        }
        if (text != null && text.isBlank()) {
            throw new InvalidInput("notes", "the notes are empty: use --clear to remove them");
        }
        RequestChecks.notes(text);
        RequestChecks.allocationId(target.id);
        PrintWriter out = spec.commandLine().getOut();
        try (PanelClient client = panel.connect()) {
            Server s = client.resolve(target.server);
            Allocation a = client.setNotes(s.identifier(), target.id, clear ? null : text);
            if (json) {
                JsonOut.print(out, JsonOut.change(s, "allocation", a));
            } else {
                TerminalText.println(out, a.notes() == null
                        ? "cleared the notes of " + a.address() + " (allocation " + a.id() + ")"
                        : "notes of " + a.address() + " (allocation " + a.id() + "): " + a.notes());
            }
        }
        return ExitCode.OK;
    }
}
