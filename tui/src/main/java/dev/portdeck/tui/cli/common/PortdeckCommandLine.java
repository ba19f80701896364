package dev.portdeck.tui.cli.common;

import picocli.CommandLine;

/** A picocli command line set up as every `portdeck` run is: no @files, one-sentence failures, --verbose logging. */
public final class PortdeckCommandLine {

    private PortdeckCommandLine() {
    }

    /** `command` with `subcommands` (objects or classes, in the order help lists them), set up as above. */
    public static CommandLine of(Object command, Object... subcommands) {
        CommandLine cl = new CommandLine(command);
        for (Object subcommand : subcommands) {
            cl.addSubcommand(subcommand); // before the settings below: picocli gives them to the subcommands it has
        }
        cl.setExpandAtFiles(false); // `alloc notes S 16 @notes.txt` means that text, never a file's contents
        Failures failures = new Failures();
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionStrategy(new VerboseLogging(new CommandLine.RunLast()));
        return cl;
    }
}
