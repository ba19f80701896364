package dev.portdeck.tui.cli.common;

import dev.portdeck.shared.error.Forbidden;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.error.Unreachable;
import dev.portdeck.tui.TerminalText;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one sentence on stderr and a documented exit code; stack traces only with --verbose. */
public final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int exitCode = tell(ex, err);
        if (VerboseLogging.isVerbose(parseResult)) {
            ex.printStackTrace(err);
            err.flush();
        }
        return exitCode;
    }

    /** Says {@code ex} on {@code err} in one sentence and returns its exit code. */
    public static int tell(Throwable ex, PrintWriter err) {
        err.println("portdeck: " + TerminalText.clean(sentence(ex)));
        err.flush();
        return exitCode(ex);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("portdeck: " + TerminalText.clean(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try `" + cmd.getCommandSpec().qualifiedName() + " --help` for usage.");
        err.flush();
        return ExitCode.USAGE;
    }

    static String sentence(Throwable ex) {
        if (ex instanceof PanelException || ex instanceof InvalidInput || ex instanceof UncheckedIOException
                || ex instanceof CommandFailed) {
            return ex.getMessage();
        }
        String message = ex.getMessage();
        return "unexpected " + ex.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run again with --verbose for details)";
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CommandFailed c) {
            return c.exitCode();
        }
        if (ex instanceof InvalidInput) {
            return ExitCode.USAGE;
        }
        if (ex instanceof Unauthorized || ex instanceof Forbidden) {
            return ExitCode.AUTH;
        }
        if (ex instanceof NotFound) {
            return ExitCode.NOT_FOUND;
        }
        if (ex instanceof Unreachable || ex instanceof NotTheApi) {
            return ExitCode.UNREACHABLE;
        }
        return ExitCode.FAILURE;
    }
}
