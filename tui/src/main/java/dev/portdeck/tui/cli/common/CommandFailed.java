package dev.portdeck.tui.cli.common;

/** A command could not do what was asked for a reason of its own (not the panel's): one sentence and an exit code. */
public final class CommandFailed extends RuntimeException {

    private final int exitCode;

    public CommandFailed(String sentence, int exitCode) {
        super(sentence);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
