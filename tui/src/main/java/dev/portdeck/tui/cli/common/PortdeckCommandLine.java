package dev.portdeck.tui.cli.common;

import picocli.CommandLine;

/** A picocli command line set up as every `portdeck` run is: no @files, one-sentence failures, --verbose logging. */
public final class PortdeckCommandLine {

    private PortdeckCommandLine() {
    }

    public static CommandLine of(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setExpandAtFiles(false); // `alloc notes S 16 @notes.txt` means that text, never a file's contents
        Failures failures = new Failures();
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionStrategy(new VerboseLogging(new CommandLine.RunLast()));
        return cl;
    }
}
